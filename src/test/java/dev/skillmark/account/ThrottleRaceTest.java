package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Database;
import dev.skillmark.Fixtures;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed sign-in whose first row for a key loses the insert race to another one still counts. On PostgreSQL
 * the lost insert aborts the transaction, so the fallback update must not run in it unprotected.
 */
class ThrottleRaceTest {

    @TempDir
    Path dir;
    private Database database;
    private Throttle throttle;

    @BeforeEach
    void start() {
        database = new Database(TestDatabase.config(dir.resolve("data"), Fixtures.content("content", dir.resolve("content"))));
        throttle = new Throttle(database.jdbi(), new TestClock());
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void a_failure_that_loses_the_first_insert_to_another_is_still_stored() throws Exception {
        var rule = new Throttle.Rule(1, Duration.ofMinutes(15), Duration.ofMinutes(15));
        try (var other = database.jdbi().open()) {
            other.begin();
            other.execute("insert into sign_in_throttle (throttle_key, failures, window_start, blocked_until) "
                    + "values ('user:ada', 1, 0, 0)");
            // this failure does not see the uncommitted row, so it inserts too and waits for the other to end
            var racing = CompletableFuture.runAsync(() -> throttle.failure("user:ada", rule));
            Thread.sleep(300);
            other.commit();
            racing.get(30, TimeUnit.SECONDS);
        }
        assertThat(throttle.blocked("user:ada")).isPresent();
    }
}
