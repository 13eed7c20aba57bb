package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.content.Hashes;
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
 * Starts that arrive together share commits, with real threads against the real database: each start is whole on
 * disk (its row, every slot, an empty answer per slot, one STARTED event) by the time it returns, and a start that
 * is refused inside the shared transaction (a retake past the limit) is rolled back alone.
 */
class SharedStartsTest {

    private static final int TRIALS = 5;
    private static final int CANDIDATES = 40;
    /** Of each trial's starts, these come from one browser allowed two attempts: two start, the rest are refused. */
    private static final int SAME_BROWSER = 5;

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
        pool = Executors.newFixedThreadPool(CANDIDATES);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        attempts.close();
        world.close();
    }

    @Test
    void forty_starts_at_once_share_commits_and_each_is_whole_when_it_returns() throws Exception {
        int slots = world.database.jdbi().withHandle(h -> h.createQuery("select count(*) from attempt_question where attempt_id = :id")
                .bind("id", world.start("timed", "Warm-up")).mapTo(Integer.class).one());
        assertThat(slots).isPositive();
        long refusedInAll = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            var limit = Optional.of(new Retakes.Limit("browser-" + trial, 2));
            var ready = new CountDownLatch(CANDIDATES);
            var go = new CountDownLatch(1);
            var starts = new ArrayList<Future<String>>();
            for (int c = 0; c < CANDIDATES; c++) {
                String name = "Candidate " + trial + "-" + c;
                var retakes = c < SAME_BROWSER ? limit : Optional.<Retakes.Limit>empty();
                starts.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    String id = attempts.start("timed", name, Client.UNKNOWN, retakes);
                    // acknowledged only after its commit: another connection already sees all of it
                    assertThat(world.count("select count(*) from attempt_question where attempt_id = :id", id)).isEqualTo(slots);
                    return id;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int refused = 0;
            for (int c = 0; c < CANDIDATES; c++) {
                String id;
                try {
                    id = starts.get(c).get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(c).as("only the one browser's starts past its limit are refused").isLessThan(SAME_BROWSER);
                    assertThat(e.getCause()).isInstanceOf(SkillmarkException.Conflict.class);
                    refused++;
                    continue;
                }
                assertThat(world.count("select count(*) from answer where attempt_id = :id", id)).isEqualTo(slots);
                assertThat(world.count("select count(*) from attempt_event where attempt_id = :id and type = 'STARTED'", id)).isEqualTo(1);
                assertThat(attempts.attempt(id).candidateName()).isEqualTo("Candidate " + trial + "-" + c);
            }
            assertThat(refused).isEqualTo(SAME_BROWSER - 2);
            refusedInAll += refused;
            // a refused start left nothing behind: the browser holds exactly its two places
            String browser = Hashes.sha256("browser-" + trial);
            int places = world.database.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from public_attempt p join attempt a on a.id = p.attempt_id where p.browser_hash = :b")
                    .bind("b", browser).mapTo(Integer.class).one());
            assertThat(places).isEqualTo(2);
        }
        long attemptsInAll = world.database.jdbi().withHandle(h -> h.createQuery("select count(*) from attempt").mapTo(Long.class).one());
        assertThat(attemptsInAll).isEqualTo(1 + (long) TRIALS * CANDIDATES - refusedInAll);
        System.out.printf("shared starts, %d trials: %d starts held by %d commits (%.1f a commit)%n",
                TRIALS, counts.starts.writes(), counts.starts.commits(), counts.starts.perCommit());
        // each start is counted by the commit that held it, refused ones too (they were rolled back inside it)
        assertThat(counts.starts.writes()).isEqualTo((long) TRIALS * CANDIDATES);
        assertThat(counts.starts.commits()).as("commits that held the %d starts", counts.starts.writes())
                .isLessThan(counts.starts.writes());
    }
}
