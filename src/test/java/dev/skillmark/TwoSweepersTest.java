package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.attempt.Attempt;
import dev.skillmark.attempt.AnswerInput;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.attempt.Client;
import java.nio.file.Path;
import java.time.Duration;
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
 * Every instance runs a sweeper. Two real instances on one database sweep the same overdue attempts at
 * once, while candidates come back to some of them on either instance: each attempt is finalised once,
 * and a sweeper never waits for an attempt another instance is finalising. Time passes on the shared
 * test clock only; nothing sleeps.
 */
class TwoSweepersTest {

    private static final int TRIALS = 3;
    private static final int OVERDUE = 200;
    /** The fixture quiz's limit, plus the grace, plus a second. */
    private static final Duration PAST_DEADLINE = Duration.ofMinutes(10).plusSeconds(16);

    @TempDir
    Path dir;
    private TestApp a;
    private TestApp b;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        a = TestApp.start(dir.resolve("a"));
        b = a.another(dir.resolve("b"));
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        b.close();
        a.close();
    }

    @Test
    void two_hundred_overdue_attempts_swept_by_both_instances_at_once_are_each_finalised_once() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            var ids = new ArrayList<String>();
            for (int i = 0; i < OVERDUE; i++) {   // started on both instances, half with an answer saved in time
                var on = i % 2 == 0 ? a.app.attempts() : b.app.attempts();
                String id = on.start("timed", "Candidate " + trial + "-" + i, Client.UNKNOWN);
                if (i % 2 == 1) {
                    on.save(id, 1, new Attempts.Base(0, "tab-1"), new AnswerInput(List.of("1"), null));
                }
                ids.add(id);
            }
            a.clock.advance(PAST_DEADLINE);

            var go = new CountDownLatch(1);
            Future<Integer> sweptByA = pool.submit(() -> {
                go.await();
                return a.app.attempts().expireOverdue();
            });
            Future<Integer> sweptByB = pool.submit(() -> {
                go.await();
                return b.app.attempts().expireOverdue();
            });
            // candidates coming back meanwhile: their next request finalises the attempt too, on either instance
            Future<?> candidates = pool.submit(() -> {
                go.await();
                for (int i = ids.size() - 1; i >= 0; i -= 3) {
                    var on = i % 2 == 0 ? a : b;
                    assertThat(on.app.attempts().current(ids.get(i)).inProgress()).isFalse();
                }
                return null;
            });
            go.countDown();
            int byA = sweptByA.get(120, TimeUnit.SECONDS);
            int byB = sweptByB.get(120, TimeUnit.SECONDS);
            candidates.get(120, TimeUnit.SECONDS);

            assertThat(count("""
                    select count(*) from (select attempt_id from attempt_event where type = 'EXPIRED' and attempt_id in (%s)
                    group by attempt_id having count(*) = 1) once""".formatted(placeholders(ids)), ids))
                    .as("attempts with exactly one EXPIRED event, trial %d", trial).isEqualTo(OVERDUE);
            assertThat(count("select count(*) from attempt_finalisation where attempt_id in (" + placeholders(ids) + ")", ids))
                    .as("finalisations, trial %d", trial).isEqualTo(OVERDUE);
            assertThat(count("select count(*) from attempt where status = 'EXPIRED' and id in (" + placeholders(ids) + ")", ids))
                    .isEqualTo(OVERDUE);
            assertThat(byA + byB).as("finalised by the sweepers").isLessThanOrEqualTo(OVERDUE);
            assertThat(a.app.pages().result(ids.get(1)).score().points()).as("the answer saved in time counts").isEqualTo(1.0);
            System.out.printf("trial %d: %d overdue attempts, sweeper A finalised %d, sweeper B %d, candidates' requests the rest%n",
                    trial, OVERDUE, byA, byB);
        }
    }

    @Test
    void a_sweeper_skips_an_attempt_another_instance_is_finalising_instead_of_waiting_for_it() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(a.app.attempts().start("timed", "Candidate " + i, Client.UNKNOWN));
        }
        a.clock.advance(PAST_DEADLINE);
        try (var elsewhere = a.app.jdbi().open()) {   // as if A's sweeper were finalising the first one right now
            elsewhere.begin();
            elsewhere.createQuery("select id from attempt where id = :id for update").bind("id", ids.get(0)).mapTo(String.class).one();

            Future<Integer> sweptByB = pool.submit(() -> b.app.attempts().expireOverdue());
            assertThat(sweptByB.get(5, TimeUnit.SECONDS)).as("B finalises the other four without waiting").isEqualTo(4);
            assertThat(b.attemptStatus(ids.get(0))).isEqualTo(Attempt.Status.IN_PROGRESS);
            elsewhere.rollback();
        }
        assertThat(a.app.attempts().expireOverdue()).as("the next sweep takes the one that was busy").isEqualTo(1);
        assertThat(b.app.attempts().expireOverdue()).isZero();
        assertThat(count("select count(*) from attempt_event where type = 'EXPIRED' and attempt_id in (" + placeholders(ids) + ")",
                ids)).isEqualTo(5);
        assertThat(count("select count(*) from attempt_finalisation where attempt_id in (" + placeholders(ids) + ")", ids))
                .isEqualTo(5);
    }

    private static String placeholders(List<String> ids) {
        return String.join(",", ids.stream().map(i -> "?").toList());
    }

    private int count(String sql, List<String> args) {
        return a.app.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.mapTo(Integer.class).one();
        });
    }
}
