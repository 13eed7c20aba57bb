package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import dev.skillmark.web.SkillmarkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel starts of a public exam from one browser (a double click, tabs opened together, a script) start no more
 * attempts than the retake limit allows, and all that it allows: on H2 and on PostgreSQL, in every trial. (The limit
 * is the public start page's to pass, and PublicAccessTest follows it there; here it is passed as that page does.)
 */
class RetakeRaceTest {

    private static final int TRIALS = 30;
    private static final int PARALLEL = 8;
    private static final int ALLOWED = 3;

    @TempDir
    Path dir;
    private TestApp app;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        app.close();
    }

    @Test
    void eight_parallel_starts_from_one_browser_start_exactly_the_three_allowed_in_each_of_thirty_trials() throws Exception {
        var attempts = app.app.attempts();
        for (int trial = 0; trial < TRIALS; trial++) {
            var limit = Optional.of(new Retakes.Limit("browser-" + trial, ALLOWED));
            // the first is started alone: the race is for the places after it
            attempts.start("score-only", "Eve " + trial, Client.UNKNOWN, limit);
            var ready = new CountDownLatch(PARALLEL);
            var go = new CountDownLatch(1);
            var starts = new ArrayList<Future<String>>();
            for (int i = 0; i < PARALLEL; i++) {
                String candidate = "Eve " + trial + "." + i;
                starts.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempts.start("score-only", candidate, Client.UNKNOWN, limit);
                }));
            }
            ready.await();
            go.countDown();
            int started = 0;
            int refused = 0;
            for (var start : starts) {
                try {
                    assertThat(start.get(30, TimeUnit.SECONDS)).isNotEmpty();
                    started++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("trial %d", trial).isInstanceOf(SkillmarkException.Conflict.class)
                            .hasMessageContaining("already taken this quiz");
                    refused++;
                }
            }
            assertThat(started).as("trial %d: parallel starts that started", trial).isEqualTo(ALLOWED - 1);
            assertThat(refused).as("trial %d", trial).isEqualTo(PARALLEL - ALLOWED + 1);
            String name = "Eve " + trial + "%";
            int stored = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from attempt where candidate_name like :n")
                    .bind("n", name).mapTo(Integer.class).one());
            assertThat(stored).as("trial %d: attempts in the database", trial).isEqualTo(ALLOWED);
        }
    }
}
