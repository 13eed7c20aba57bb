package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.web.SkillmarkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
 * Group commit, with real threads against the real database: saves to many attempts share commits, a refused save
 * in a shared commit is rolled back alone, and every acknowledged save is what the attempt holds in the end,
 * while submits finalise some of the attempts in the middle of it.
 */
class SharedCommitsTest {

    private static final int TRIALS = 5;
    private static final int ATTEMPTS = 6;
    private static final int[] SLOTS = {4, 5}; // the fixture's two numeric questions
    private static final int SAVES = 40;
    private static final String STALE_TEXT = "999999";

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
        pool = Executors.newFixedThreadPool(ATTEMPTS * SLOTS.length + 3);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        attempts.close();
        world.close();
    }

    @Test
    void every_acknowledged_save_is_kept_and_a_refused_one_changes_nothing_in_a_shared_commit() throws Exception {
        int stored = 0;
        int refusedStale = 0;
        int refusedClosed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            var ids = new ArrayList<String>();
            for (int a = 0; a < ATTEMPTS; a++) {
                ids.add(world.start("timed", "Candidate " + trial + "-" + a));
            }
            var lastAcknowledged = new ConcurrentHashMap<String, String>();
            var firstDone = new CountDownLatch(ATTEMPTS * SLOTS.length);
            var halfway = new CountDownLatch(ATTEMPTS * SLOTS.length);
            var go = new CountDownLatch(1);
            var owners = new ArrayList<Future<int[]>>();
            for (String id : ids) {
                for (int slot : SLOTS) {
                    owners.add(pool.submit(() -> {
                        go.await();
                        var page = "tab-" + Attempts.shortId(id) + "-" + slot;
                        int revision = 0;
                        int ok = 0;
                        int closed = 0;
                        for (int i = 1; i <= SAVES; i++) {
                            String text = String.valueOf(1000 + i);
                            try {
                                var saved = attempts.save(id, slot, new Attempts.Base(revision, page), TestAttempts.text(text));
                                assertThat(saved).as("the owner's own save").isInstanceOf(Saved.Stored.class);
                                revision = ((Saved.Stored) saved).revision();
                                lastAcknowledged.put(id + "/" + slot, text);
                                ok++;
                            } catch (SkillmarkException.AttemptClosed late) {
                                closed++;
                            }
                            if (i == 1) {
                                firstDone.countDown();
                            }
                            if (i == SAVES / 2) {
                                halfway.countDown();
                            }
                        }
                        return new int[]{ok, closed};
                    }));
                }
            }
            // a stale tab: saves based on revision 0 of a page that is not the owner's, once the owner has saved
            Future<int[]> stale = pool.submit(() -> {
                firstDone.await();
                int refused = 0;
                int closed = 0;
                for (int i = 0; i < SAVES * 2; i++) {
                    String id = ids.get(i % ATTEMPTS);
                    int slot = SLOTS[i % SLOTS.length];
                    try {
                        var saved = attempts.save(id, slot, new Attempts.Base(0, "old-tab"), TestAttempts.text(STALE_TEXT));
                        assertThat(saved).as("a save from a stale page").isInstanceOf(Saved.Stale.class);
                        refused++;
                    } catch (SkillmarkException.AttemptClosed late) {
                        closed++;
                    }
                }
                return new int[]{refused, closed};
            });
            // half of the attempts are submitted while their saves are still coming
            Future<?> submits = pool.submit(() -> {
                halfway.await();
                for (int a = 0; a < ATTEMPTS / 2; a++) {
                    attempts.submit(ids.get(a));
                }
                return null;
            });
            go.countDown();
            for (var owner : owners) {
                var counts = owner.get(60, TimeUnit.SECONDS);
                stored += counts[0];
                refusedClosed += counts[1];
            }
            refusedStale += stale.get(60, TimeUnit.SECONDS)[0];
            submits.get(60, TimeUnit.SECONDS);
            for (String id : ids) {
                for (int slot : SLOTS) {
                    String held = world.database.jdbi().withHandle(h -> AttemptRows.answer(h, id, slot))
                            .orElseThrow().response();
                    assertThat(held).as("trial %d, attempt %s, slot %d: the last acknowledged save", trial, id, slot)
                            .isEqualTo(lastAcknowledged.get(id + "/" + slot)).isNotEqualTo(STALE_TEXT);
                }
            }
            for (int a = 0; a < ATTEMPTS / 2; a++) {
                var result = world.pages.result(ids.get(a));
                assertThat(result.review()).as("the submitted attempt's graded answers").isNotEmpty();
            }
        }
        System.out.printf("shared commits, %d trials: %d saves stored in %d commits (%.1f a commit, at most %d), "
                        + "%d stale saves and %d late ones refused%n", TRIALS, stored, counts.saves.commits(),
                counts.saves.perCommit(), counts.saves.largest(), refusedStale, refusedClosed);
        assertThat(counts.saves.largest()).as("saves that arrived together shared a commit").isGreaterThan(1);
        assertThat(refusedStale).as("the stale page was refused").isPositive();
        assertThat(refusedClosed).as("saves after the submits were refused").isPositive();
    }
}
