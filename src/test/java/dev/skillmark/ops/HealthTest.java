package dev.skillmark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.DatabaseLink;
import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a load balancer and an operator ask of an instance: is the process alive (/healthz, which never needs the
 * database), should it get requests (/readyz: the database answers, its migrations are applied, content is in
 * service), and which content it serves. Every request carries an id.
 */
class HealthTest {

    @TempDir
    Path dir;
    private TestApp app;
    private DatabaseLink link;

    /** The application, its database reached through a link the test can cut. */
    @BeforeEach
    void start() {
        var opened = new AtomicReference<DatabaseLink>();
        app = TestApp.start(dir, config -> {
            opened.set(DatabaseLink.to(config));
            return opened.get().config();
        }, List.of());
        link = opened.get();
    }

    @AfterEach
    void stop() {
        app.close();
        link.close();
    }

    @Test
    void an_instance_that_is_up_is_alive_and_ready_and_says_which_content_it_serves() {
        var alive = app.get("/healthz");
        assertThat(alive.status()).isEqualTo(200);
        assertThat(alive.body()).isEqualTo("ok\n");
        assertThat(alive.header("Set-Cookie")).as("a probe gets no cookie").isEmpty();

        var ready = app.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.header("Content-Type")).startsWith("application/json");
        assertThat(ready.body()).contains("\"status\":\"ready\"", "\"database\":\"ok\"",
                "\"migrations\":\"V" + app.app.latestMigration() + " applied\"", "\"content\":\"1 bank, 4 quizzes, 0 problems\"",
                "\"contentHash\":\"" + app.app.content().current().version() + "\"",
                "\"contentCommit\":\"none (content is not in a git work tree)\"",
                "\"comparedWithOtherInstances\":\"no open attempt to compare with\"");
        assertThat(ready.body()).doesNotContain("failed");
    }

    @Test
    void readyz_compares_this_instances_content_with_what_the_newest_open_attempt_was_drawn_from() {
        app.startAttempt("timed", "Ada");
        assertThat(app.get("/readyz").body()).contains("\"comparedWithOtherInstances\":\"same as the newest open attempt\"");

        // another instance, serving other content, starts an attempt a minute later
        String other = app.startAttempt("timed", "Bea");
        app.app.jdbi().useHandle(h -> h.createUpdate("""
                update attempt set content_version = 'feedbeef0123 git:0123456789ab', started_at = started_at + 60000
                where id = :id""").bind("id", other).execute());
        var ready = app.get("/readyz");
        assertThat(ready.status()).as("a difference is reported, not a reason to stop serving").isEqualTo(200);
        assertThat(ready.body()).contains("\"comparedWithOtherInstances\":\"differs: the newest open attempt was drawn "
                + "from feedbeef0123 (git 0123456789ab)\"");
    }

    @Test
    void readyz_is_503_while_the_database_is_unreachable_and_200_again_once_it_is_back_while_healthz_stays_200() {
        app.signInAs("ivy", Role.INTERVIEWER); // a staff cookie: /healthz must not look it up
        assertThat(app.get("/readyz").status()).isEqualTo(200);

        link.cut();
        var down = app.get("/readyz");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"not ready\"", "\"failed\":\"database\"",
                "\"migrations\":\"not checked: no database\"", "\"contentHash\":");
        assertThat(down.body()).as("nothing about where the database is").doesNotContain("127.0.0.1", "jdbc");
        assertThat(app.get("/healthz").status()).as("alive without its database").isEqualTo(200);
        long began = System.nanoTime();
        var stillDown = app.get("/readyz");   // the pool has no connection left and waits up to 30 s for one
        assertThat(stillDown.status()).isEqualTo(503);
        assertThat(stillDown.body()).contains("\"failed\":\"database\"");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("a probe waits at most 2 s, not the pool's 30")
                .isLessThan(Duration.ofSeconds(10));

        link.mend();
        int tries = 0;
        int status;
        do {   // the pool opens new connections as it retries (a few seconds apart); each probe waits at most 2 s
            status = app.get("/readyz").status();
            tries++;
        } while (status != 200 && tries < 30);
        assertThat(status).as("ready again after %d probes", tries).isEqualTo(200);
        System.out.printf("database back: ready again on probe %d%n", tries);
    }

    @Test
    void readyz_is_503_when_the_newest_migration_is_missing_from_the_database() {
        String latest = app.app.latestMigration();
        app.app.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"success\" = false where \"version\" = ?", latest));
        var reply = app.get("/readyz");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).contains("\"failed\":\"migrations\"", "\"migrations\":\"1 failed migration in the database\"");

        app.app.jdbi().useHandle(h -> h.execute("update \"flyway_schema_history\" set \"success\" = true where \"version\" = ?", latest));
        assertThat(app.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void readyz_is_503_when_no_quiz_is_in_service() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(HealthTest::delete);
        }
        app.app.content().reload();
        var reply = app.get("/readyz");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).contains("\"failed\":\"content\"", "\"content\":\"no quiz in service (0 banks, 0 quizzes, 0 problems)\"");
    }

    @Test
    void every_answer_carries_a_request_id_and_a_callers_safe_id_is_kept() {
        assertThat(app.get("/").header("X-Request-Id")).matches("[0-9a-f]{24}");
        assertThat(withRequestId("lb-7f3a.42").header("X-Request-Id")).isEqualTo("lb-7f3a.42");
        assertThat(withRequestId("<script>").header("X-Request-Id")).matches("[0-9a-f]{24}");
        assertThat(withRequestId("a".repeat(65)).header("X-Request-Id")).matches("[0-9a-f]{24}");
    }

    private HttpSession.Reply withRequestId(String id) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/healthz"))).header("X-Request-Id", id).GET().build());
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
