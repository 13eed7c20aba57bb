package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Database;
import dev.skillmark.TestDatabase;
import dev.skillmark.quiz.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts that draw a question nobody has drawn before store it at the same time, as on two instances: every one of
 * them succeeds, and the question is stored once, with its options, on H2 and on PostgreSQL alike.
 */
class StoredQuestionsRaceTest {

    private static final int TRIALS = 40;
    private static final int PARALLEL = 8;

    @Test
    void eight_starts_storing_the_same_new_questions_at_once_all_succeed_and_store_each_once_in_each_of_forty_trials(
            @TempDir Path dir) throws Exception {
        var pool = Executors.newFixedThreadPool(PARALLEL);
        try (var database = new Database(TestDatabase.config(dir.resolve("data"), dir.resolve("content")))) {
            race(database.jdbi(), pool);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void race(Jdbi jdbi, ExecutorService pool) throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            // questions no earlier trial stored; the same three for every writer, in different orders
            var questions = new ArrayList<Snapshots.Question>();
            for (int q = 0; q < 3; q++) {
                questions.add(Snapshots.Question.of("<p>Trial " + trial + " question " + q + "</p>", "", "<p>Because</p>", "",
                        List.of(new Option("<p>yes</p>", true), new Option("<p>no " + q + "</p>", false))));
            }
            var ready = new CountDownLatch(PARALLEL);
            var go = new CountDownLatch(1);
            var stores = new ArrayList<Future<?>>();
            for (int i = 0; i < PARALLEL; i++) {
                // a store of its own for each writer, as each instance has: none knows what the others stored
                var store = new StoredQuestions(jdbi);
                var mine = new ArrayList<>(questions);
                java.util.Collections.rotate(mine, i);
                stores.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    store.store(mine);
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (var s : stores) {
                s.get(30, TimeUnit.SECONDS); // throws if any writer failed
            }
            for (var q : questions) {
                var rows = jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from question_snapshot where snapshot_hash = :h").bind("h", q.hash()).mapTo(Integer.class).one());
                var options = jdbi.withHandle(h -> h.createQuery(
                        "select html from question_snapshot_option where snapshot_hash = :h order by option_index")
                        .bind("h", q.hash()).mapTo(String.class).list());
                assertThat(rows).as("trial %d", trial).isEqualTo(1);
                assertThat(options).as("trial %d", trial).containsExactly(q.options().get(0).html(), q.options().get(1).html());
            }
        }
    }
}
