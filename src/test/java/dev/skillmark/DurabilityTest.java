package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server promises about its data when it dies or is stopped. */
class DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void an_answer_the_server_acknowledged_survives_kill_9() throws Exception {
        Path content = Fixtures.content("content", dir.resolve("content"));
        int port = freePort();
        String attemptId;
        // the fixture site offers its quizzes publicly (public practice is off by default)
        try (var seed = Skillmark.start(TestDatabase.config(dir.resolve("data"), content), new TestClock(), Fixtures.seeds(), List.of())) {
            seed.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')"));
        }
        var first = startProcess(content, port);
        try (var app = new HttpSession(port)) {
            attemptId = app.startAttempt("timed", "Ada");
            assertThat(app.autosave(attemptId, 4, "response", "3600").status()).isEqualTo(200);
            assertThat(app.post("/attempts/" + attemptId + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next").status())
                    .isEqualTo(303);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        var second = startProcess(content, port);
        try (var app = new HttpSession(port)) {
            assertThat(app.get("/attempts/" + attemptId + "/q/4").body()).contains("value=\"3600\"");
            assertThat(app.get("/attempts/" + attemptId + "/q/1").body()).containsPattern("value=\"1\"\\s+id=\"option-1\" checked");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_normal_stop_drains_in_flight_requests_before_closing_the_database() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var appRef = new AtomicReference<TestApp>();
        var attemptRef = new AtomicReference<String>();
        TestApp app = TestApp.start(dir, List.of(routes -> routes.get("/test/slow-save", ctx -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            // the database must still be open while this request finishes
            var saved = appRef.get().app.attempts().save(attemptRef.get(), 4, new dev.skillmark.attempt.Attempts.Base(0, "tab-1"),
                    new dev.skillmark.attempt.AnswerInput(List.of(), "3600"));
            ctx.result(saved instanceof dev.skillmark.attempt.Saved.Stored ? "saved" : "not saved");
        })));
        appRef.set(app);
        attemptRef.set(app.startAttempt("timed", "Ada"));

        var http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(app.url("/test/slow-save"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        String home = app.url("/"); // before the stop: a stopping server no longer reports its port
        var stopping = CompletableFuture.runAsync(app::close);
        assertThat(refusesNewRequests(http, home)).isTrue();
        assertThat(stopping).isNotDone();
        release.countDown();

        var response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("saved");
        stopping.get(30, TimeUnit.SECONDS);
    }

    /** Sends requests until the stopping server refuses one; bounded, so the test cannot hang. */
    private static boolean refusesNewRequests(HttpClient http, String url) {
        for (int i = 0; i < 2_000; i++) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 503) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Process startProcess(Path content, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.skillmark.Skillmark", "serve");
        builder.environment().put("SKILLMARK_PORT", String.valueOf(port));
        builder.environment().put("SKILLMARK_DATA_DIR", dir.resolve("data").toString());
        builder.environment().putAll(TestDatabase.environment(dir.resolve("data")));
        builder.environment().put("SKILLMARK_CONTENT_DIR", content.toString());
        builder.environment().put("SKILLMARK_TEMPLATES_DIR", Fixtures.projectDir().resolve("templates").toString());
        builder.environment().put("SKILLMARK_STATIC_DIR", Fixtures.projectDir().resolve("static").toString());
        builder.redirectErrorStream(true);
        var process = builder.start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        var seen = new StringBuilder();
        while ((line = out.readLine()) != null) {   // blocks until the server says it is ready, or dies
            seen.append(line).append('\n');
            if (line.contains("Skillmark is ready at")) {
                var drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException e) {
                        // the process ended; nothing more to read
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("the server did not start:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
