package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 concurrent sign-ins against a real server process with a 256 MB heap: argon2id (19 MiB each)
 * runs only as many at once as there are cores, the rest wait briefly and get 429, and nothing runs
 * out of memory.
 */
class HashingMemoryTest {

    @TempDir
    Path dir;

    @Test
    void two_hundred_concurrent_sign_ins_on_a_small_heap_cause_no_out_of_memory_error() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var content = Fixtures.content("content", dir.resolve("content"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.skillmark.Skillmark", "serve");
        builder.environment().put("SKILLMARK_PORT", String.valueOf(port));
        builder.environment().put("SKILLMARK_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("SKILLMARK_CONTENT_DIR", content.toString());
        builder.environment().put("SKILLMARK_TEMPLATES_DIR", Fixtures.projectDir().resolve("templates").toString());
        builder.environment().put("SKILLMARK_STATIC_DIR", Fixtures.projectDir().resolve("static").toString());
        builder.environment().put("SKILLMARK_TRUSTED_PROXIES", "127.0.0.1");
        builder.redirectErrorStream(true);
        var process = builder.start();
        var output = new StringBuffer();
        var ready = new CompletableFuture<Void>();
        var reader = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("Skillmark is ready at")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("the server did not start:\n" + output));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            // each caller is a browser of its own: its id cookie and the token the sign-in page gives it
            var forms = new ArrayList<String[]>();
            for (int i = 0; i < 200; i++) {
                var page = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
                String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("skillmark_browser="))
                        .findFirst().orElseThrow().split(";", 2)[0];
                var m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
                assertThat(m.find()).isTrue();
                forms.add(new String[]{cookie, m.group(1)});
            }
            long started = System.nanoTime();
            var replies = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 200; i++) {
                var form = forms.get(i);
                var request = HttpRequest.newBuilder(URI.create(base + "/sign-in")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", form[0])
                        .header("X-Forwarded-For", "10.1." + (i / 250) + "." + (i % 250 + 1))
                        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + form[1] + "&username=nobody" + i
                                + "&password=some+wrong+password+" + i)).build();
                replies.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            var statuses = new ArrayList<Integer>();
            for (var reply : replies) {
                var response = reply.get(120, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long checked = statuses.stream().filter(s -> s == 401).count();
            long busy = statuses.stream().filter(s -> s == 429 || s == 503).count();
            System.out.printf("200 concurrent sign-ins on -Xmx256m: %d checked (401), %d busy (429), %d ms%n", checked, busy, millis);
            assertThat(statuses).allMatch(s -> s == 401 || s == 429 || s == 503);
            assertThat(checked).isPositive();
            assertThat(output.toString()).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");
            // and the server still serves
            var home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            List.of(process).forEach(p -> p.destroyForcibly());
        }
    }
}
