package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillmark.quiz.Grade.Outcome;
import dev.skillmark.web.SkillmarkException;
import java.nio.file.Path;
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
 * One order per attempt: a save racing a submit, with real threads against the real database, many
 * times. Every save that was acknowledged is in the graded result; every save after finalisation is refused.
 */
class SaveSubmitRaceTest {

    private static final int TRIALS = 60;

    @TempDir
    Path dir;
    private TestAttempts world;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        world = new TestAttempts(dir);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        world.close();
    }

    @Test
    void an_acknowledged_save_is_always_graded_and_a_late_one_always_refused() throws Exception {
        int acknowledged = 0;
        int refused = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String id = world.start("timed", "Ada " + trial);
            int correct = world.correctPosition(id, 1);
            world.type(id, 4, "3600"); // an earlier save, graded in every order
            var go = new CountDownLatch(1);
            Future<Saved> save = pool.submit(() -> {
                go.await();
                return world.attempts.save(id, 1, TestAttempts.TAB, new AnswerInput(List.of(String.valueOf(correct)), ""));
            });
            Future<?> submit = pool.submit(() -> {
                go.await();
                world.attempts.submit(id);
                return null;
            });
            go.countDown();
            submit.get(30, TimeUnit.SECONDS);
            boolean saved;
            try {
                saved = save.get(30, TimeUnit.SECONDS) instanceof Saved.Stored;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).as("trial " + trial).isInstanceOf(SkillmarkException.AttemptClosed.class);
                saved = false;
            }
            var result = world.pages.result(id);
            assertThat(result.review().get(0).outcome()).as("trial %d, save acknowledged: %s", trial, saved)
                    .isEqualTo(saved ? Outcome.CORRECT : Outcome.UNANSWERED);
            assertThat(result.review().get(3).outcome()).isEqualTo(Outcome.CORRECT);
            assertThatThrownBy(() -> world.type(id, 5, "3.14")).isInstanceOf(SkillmarkException.AttemptClosed.class);
            if (saved) {
                acknowledged++;
            } else {
                refused++;
            }
        }
        assertThat(acknowledged + refused).isEqualTo(TRIALS);
        System.out.printf("save racing submit, %d trials: %d saves acknowledged and graded, %d refused%n",
                TRIALS, acknowledged, refused);
    }
}
