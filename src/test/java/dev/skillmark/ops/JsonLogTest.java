package dev.skillmark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKILLMARK_LOG_FORMAT=json, in a real server process as an operator starts it: every line on standard output is
 * one JSON object, and what is logged while a request runs carries that request's id.
 */
class JsonLogTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;
    private Process server;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void every_line_is_json_and_a_requests_lines_carry_its_id() throws Exception {
        Path content = Fixtures.content("content", dir.resolve("content"));
        try (var seed = Skillmark.start(TestDatabase.config(dir.resolve("data"), content), new TestClock(), Fixtures.seeds(), List.of())) {
            seed.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')"));
        }
        int port = freePort();
        start(content, port);
        var ready = next(l -> message(l).startsWith("Skillmark is ready at"));
        assertThat(ready.get("level").getAsString()).isEqualTo("INFO");
        assertThat(ready.get("loggerName").getAsString()).isEqualTo("dev.skillmark.cli.ServeCommand");

        var browser = new HttpSession(port);
        browser.get("/quizzes/timed");
        var started = browser.send(HttpRequest.newBuilder(URI.create(browser.url("/quizzes/timed/start")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Request-Id", "lb-start-1")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + browser.csrf() + "&name=Ada")).build());
        assertThat(started.status()).isEqualTo(303);
        assertThat(started.header("X-Request-Id")).isEqualTo("lb-start-1");

        var attempt = next(l -> message(l).matches("attempt \\S+ started: quiz timed, \\d+ questions"));
        assertThat(requestId(attempt)).as("logged while the request ran").contains("lb-start-1");
        var access = next(l -> l.get("loggerName").getAsString().equals("dev.skillmark.access") && requestId(l).equals(Optional.of("lb-start-1")));
        assertThat(message(access)).isEqualTo("POST /quizzes/{quiz}/start 303 " + kv(access, "ms") + " ms");
        assertThat(kv(access, "route")).isEqualTo("/quizzes/{quiz}/start");
        assertThat(kv(access, "status")).isEqualTo("303");

        String generated = browser.get("/healthz").header("X-Request-Id");
        var probe = next(l -> requestId(l).equals(Optional.of(generated)));
        assertThat(kv(probe, "route")).isEqualTo("/healthz");
        assertThat(seen).as("every line so far is JSON").allSatisfy(JsonLogTest::strict);
    }

    private void start(Path content, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.skillmark.Skillmark", "serve");
        var env = builder.environment();
        env.put("SKILLMARK_LOG_FORMAT", "json");
        env.put("SKILLMARK_PORT", String.valueOf(port));
        env.put("SKILLMARK_DATA_DIR", dir.resolve("data").toString());
        env.putAll(TestDatabase.environment(dir.resolve("data")));
        env.put("SKILLMARK_CONTENT_DIR", content.toString());
        env.put("SKILLMARK_TEMPLATES_DIR", Fixtures.projectDir().resolve("templates").toString());
        env.put("SKILLMARK_STATIC_DIR", Fixtures.projectDir().resolve("static").toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);   // the JVM's own warnings are not log lines
        server = builder.start();
        var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        var reader = new Thread(() -> {
            try {
                out.lines().forEach(lines::add);
            } catch (java.io.UncheckedIOException e) {
                // the process ended
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next line that matches, waiting as long as the server takes to write it (bounded). */
    private JsonObject next(Predicate<JsonObject> wanted) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < until) {
            String line = lines.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            var json = strict(line);
            if (wanted.test(json)) {
                return json;
            }
        }
        throw new AssertionError("no such line; the server wrote:\n" + String.join("\n", seen));
    }

    /** One JSON object, read strictly: a line that is anything else fails the test. */
    private static JsonObject strict(String line) {
        var reader = new JsonReader(new StringReader(line));
        reader.setStrictness(Strictness.STRICT);
        var element = JsonParser.parseReader(reader);
        assertThat(element.isJsonObject()).as(line).isTrue();
        return element.getAsJsonObject();
    }

    private static String message(JsonObject line) {
        return line.has("formattedMessage") && !line.get("formattedMessage").isJsonNull() ? line.get("formattedMessage").getAsString() : "";
    }

    private static Optional<String> requestId(JsonObject line) {
        return Optional.ofNullable(line.getAsJsonObject("mdc")).filter(m -> m.has("requestId")).map(m -> m.get("requestId").getAsString());
    }

    /** A key-value pair the line carries (logback writes them as a list of one-entry objects). */
    private static String kv(JsonObject line, String key) {
        for (var pair : line.getAsJsonArray("kvpList")) {
            if (pair.getAsJsonObject().has(key)) {
                return pair.getAsJsonObject().get(key).getAsString();
            }
        }
        throw new AssertionError("no " + key + " in " + line);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
