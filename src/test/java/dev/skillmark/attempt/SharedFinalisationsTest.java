package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Submits at a shared deadline share commits, with real threads against the real database: each attempt is
 * finalised once, graded with its own answers, and is finished on disk by the time its submit returns, while
 * two submits of one attempt (a double click) still finalise it once.
 */
class SharedFinalisationsTest {

    private static final int TRIALS = 5;
    private static final int CANDIDATES = 40;

    @TempDir
    Path dir;
    private TestAttempts world;
    private Attempts attempts;
    private ExecutorService pool;
    private final CommitCounts counts = new CommitCounts();

    @BeforeEach
    void start() {
        world = new TestAttempts(dir);
        attempts = world.attemptsTelling(counts);
        pool = Executors.newFixedThreadPool(CANDIDATES + 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        attempts.close();
        world.close();
    }

    @Test
    void forty_submits_at_once_share_commits_and_each_is_finalised_once_with_its_own_score() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            var ids = new ArrayList<String>();
            for (int c = 0; c < CANDIDATES; c++) {
                String id = world.start("timed", "Candidate " + trial + "-" + c);
                if (c % 2 == 0) { // every other candidate answers question 1 right: 1 point, the others none
                    attempts.save(id, 1, new Attempts.Base(0, "tab"), new AnswerInput(List.of("1"), null));
                }
                ids.add(id);
            }
            var ready = new CountDownLatch(CANDIDATES + 1);
            var go = new CountDownLatch(1);
            var submits = new ArrayList<Future<?>>();
            for (int c = 0; c <= CANDIDATES; c++) {
                String id = ids.get(c % CANDIDATES); // the last one submits candidate 0 a second time
                submits.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    attempts.submit(id);
                    // acknowledged only after its commit: another connection already sees the attempt finished
                    assertThat(world.database.jdbi().withHandle(h -> AttemptRows.attempt(h, id)).orElseThrow().status())
                            .isEqualTo(Attempt.Status.SUBMITTED);
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (var submit : submits) {
                submit.get(60, TimeUnit.SECONDS);
            }
            for (int c = 0; c < CANDIDATES; c++) {
                String id = ids.get(c);
                assertThat(world.count("select count(*) from attempt_finalisation where attempt_id = :id", id)).isEqualTo(1);
                assertThat(world.count("select count(*) from attempt_event where attempt_id = :id and type = 'SUBMITTED'", id)).isEqualTo(1);
                var attempt = attempts.attempt(id);
                assertThat(attempt.score()).as("score of candidate %d", c).isEqualTo(c % 2 == 0 ? 1.0 : 0.0);
                assertThat(world.count("select count(*) from answer where attempt_id = :id and outcome is null", id)).isZero();
            }
        }
        assertThat(counts.finalised.get()).isEqualTo(TRIALS * CANDIDATES);
        // the double click joins a commit unless it reads the attempt after the first click's commit
        assertThat(counts.finalisations.writes()).isBetween((long) TRIALS * CANDIDATES, (long) TRIALS * (CANDIDATES + 1));
        System.out.printf("shared finalisations, %d trials: %d submits held by %d commits (%.1f a commit)%n",
                TRIALS, counts.finalisations.writes(), counts.finalisations.commits(), counts.finalisations.perCommit());
        assertThat(counts.finalisations.commits()).as("commits that held the %d finalisations", counts.finalisations.writes())
                .isLessThan(counts.finalisations.writes());
    }
}
