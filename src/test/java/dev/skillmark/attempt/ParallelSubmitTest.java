package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel submits of one attempt finalise it once, on H2 and on PostgreSQL alike: the losers meet the
 * finalisation row's unique key (SQLState 23505), which on PostgreSQL also aborts their transaction.
 */
class ParallelSubmitTest {

    private static final int TRIALS = 50;
    private static final int PARALLEL = 20;

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
    void twenty_parallel_submits_finalise_once_in_each_of_fifty_trials() throws Exception {
        var attempts = app.app.attempts();
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = attempts.start("timed", "Ada " + trial, Client.UNKNOWN);
            attempts.save(id, 1, new Attempts.Base(0, "tab-1"), new AnswerInput(List.of("1"), null));
            var ready = new CountDownLatch(PARALLEL);
            var go = new CountDownLatch(1);
            var submits = new ArrayList<Future<?>>();
            for (int i = 0; i < PARALLEL; i++) {
                submits.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    attempts.submit(id);
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (var submit : submits) {
                submit.get(60, TimeUnit.SECONDS);   // none may fail: not with 23505, a deadlock or an aborted transaction
            }

            assertThat(count("select count(*) from attempt_finalisation where attempt_id = :id", id))
                    .as("finalisations in trial %d", trial).isEqualTo(1);
            assertThat(count("select count(*) from attempt_event where attempt_id = :id and type = 'SUBMITTED'", id))
                    .as("submitted events in trial %d", trial).isEqualTo(1);
            assertThat(attempts.attempt(id).status()).isEqualTo(Attempt.Status.SUBMITTED);
            assertThat(app.app.pages().result(id).score().points()).isEqualTo(1.0);
        }
    }

    private int count(String sql, String attemptId) {
        return app.app.jdbi().withHandle(h -> h.createQuery(sql).bind("id", attemptId).mapTo(Integer.class).one());
    }
}
