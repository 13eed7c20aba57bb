package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillmark.Database;
import dev.skillmark.Fixtures;
import dev.skillmark.SkillmarkException;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import dev.skillmark.content.Content;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walkthroughs of the attempt lifecycle against a real database (H2 file or PostgreSQL) and a test clock. */
class AttemptLifecycleTest {

    private static final Duration GRACE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private Database database;
    private Content content;
    private Attempts attempts;

    @BeforeEach
    void start() {
        var config = TestDatabase.config(dir.resolve("data"), Fixtures.content("content", dir.resolve("content")));
        database = new Database(config);
        content = new Content(config.contentDir(), new ContentLoader(new Markdown()), clock);
        attempts = new Attempts(database.jdbi(), content, clock, GRACE);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void a_candidate_answers_every_type_submits_and_gets_the_right_score() {
        String id = attempts.start("timed", "Ada");
        // the timed quiz keeps the trainer's order: partial, idempotent, enum, hour, pi, essay
        answerChoice(id, 1, 1);           // Partial<T>: correct, 1 point
        answerChoice(id, 2, 0);           // PUT only: half of 2 points
        answerText(id, 3, " six ");       // a key, case and spaces ignored: 1 point
        answerText(id, 4, "3599");        // wrong
        answerText(id, 5, "3.141");       // within tolerance: 1 point
        answerText(id, 6, "A token bucket in Redis");
        attempts.submit(id);

        var result = attempts.result(id);
        assertThat(result.score()).isEqualTo(4.0);
        assertThat(result.max()).isEqualTo(11.0);
        assertThat(result.attempt().pending()).isEqualTo(1);
        assertThat(result.passed()).isEmpty(); // an essay waits for a person
        assertThat(result.review()).extracting(Views.ReviewItem::outcome)
                .containsExactly("CORRECT", "PARTIAL", "CORRECT", "WRONG", "CORRECT", "PENDING");
        assertThat(result.areas()).singleElement().satisfies(a -> assertThat(a.area()).isEqualTo("Alpha skills"));
    }

    @Test
    void the_deadline_is_set_by_the_server_at_start() {
        String id = attempts.start("timed", "Ada");
        var attempt = attempts.attempt(id);
        assertThat(attempt.deadlineAt() - attempt.startedAt()).isEqualTo(Duration.ofMinutes(10).toMillis());
        clock.advance(Duration.ofMinutes(4));
        assertThat(attempts.page(id, 1).remaining()).contains(Duration.ofMinutes(6));
    }

    @Test
    void answers_saved_after_the_grace_period_are_refused_and_earlier_ones_count() {
        String id = attempts.start("timed", "Ada");
        answerChoice(id, 1, 1);
        clock.advance(Duration.ofMinutes(10).plus(GRACE).minusSeconds(1));
        answerText(id, 4, "3600"); // within the grace: accepted
        clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> answerText(id, 5, "3.14")).isInstanceOf(SkillmarkException.Closed.class)
                .hasMessageContaining("Time is up");
        var result = attempts.result(id);
        assertThat(result.attempt().status()).isEqualTo(AttemptRow.EXPIRED);
        assertThat(result.score()).isEqualTo(2.0);
        assertThat(result.timeTaken()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void the_sweeper_finalises_attempts_nobody_came_back_to() {
        String abandoned = attempts.start("timed", "Ada");
        answerChoice(abandoned, 1, 1);
        clock.advance(Duration.ofMinutes(5));
        String fresh = attempts.start("timed", "Grace");
        clock.advance(Duration.ofMinutes(5).plus(GRACE).plusSeconds(1));

        assertThat(attempts.expireOverdue()).isEqualTo(1);
        assertThat(attempts.attempt(abandoned).status()).isEqualTo(AttemptRow.EXPIRED);
        assertThat(attempts.attempt(abandoned).score()).isEqualTo(1.0);
        assertThat(attempts.attempt(fresh).inProgress()).isTrue();
        assertThat(attempts.expireOverdue()).isZero();
    }

    @Test
    void a_stale_autosave_never_overwrites_a_newer_answer() {
        String id = attempts.start("timed", "Ada");
        assertThat(attempts.save(id, 4, 2, text("3600"))).isTrue();   // the newer save arrives first
        assertThat(attempts.save(id, 4, 1, text("1"))).isFalse();     // the older one is refused
        assertThat(attempts.save(id, 4, 2, text("3600"))).isTrue();   // a repeat of the stored save is harmless
        assertThat(attempts.page(id, 4).answer().response()).isEqualTo("3600");
    }

    @Test
    void submitting_twenty_times_in_parallel_finalises_once() throws Exception {
        String id = attempts.start("timed", "Ada");
        answerChoice(id, 1, 1);
        var pool = Executors.newFixedThreadPool(20);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                attempts.submit(id);
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();

        int finalisations = database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from attempt_finalisation where attempt_id = :id").bind("id", id).mapTo(Integer.class).one());
        int submittedEvents = database.jdbi().withExtension(AttemptDao.class, dao -> dao.countEvents(id, "submitted"));
        assertThat(finalisations).isEqualTo(1);
        assertThat(submittedEvents).isEqualTo(1);
        assertThat(attempts.result(id).score()).isEqualTo(1.0);
    }

    @Test
    void editing_or_deleting_content_changes_neither_an_attempt_in_progress_nor_a_result() throws Exception {
        String inProgress = attempts.start("timed", "Ada");
        String finished = attempts.start("timed", "Grace");
        answerChoice(finished, 1, 1);
        attempts.submit(finished);
        var before = attempts.page(inProgress, 1);

        Path bank = dir.resolve("content/skills/alpha.md");
        Files.writeString(bank, Files.readString(bank)
                .replace("- [ ] `Required<T>`", "- [x] `Required<T>`").replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`")
                .replace("makes every property", "EDITED makes every property"));
        content.reload();
        assertThat(content.current().question("alpha-partial").orElseThrow().promptHtml()).contains("EDITED");

        var after = attempts.page(inProgress, 1);
        assertThat(after.question()).isEqualTo(before.question());
        assertThat(after.options()).isEqualTo(before.options());
        answerChoice(inProgress, 1, 1);
        attempts.submit(inProgress);
        assertThat(attempts.result(inProgress).score()).isEqualTo(1.0); // graded by the snapshot's key
        assertThat(attempts.result(finished).score()).isEqualTo(1.0);

        Files.delete(bank);
        content.reload();
        assertThat(attempts.result(finished).review().get(0).question().promptHtml()).doesNotContain("EDITED");
    }

    @Test
    void practice_mode_shows_feedback_after_a_question_is_checked_and_locks_it() {
        String id = attempts.start("practice-alpha", "Ada");
        var page = attempts.page(id, 1);
        assertThat(page.feedback()).isEmpty();
        assertThat(page.remaining()).isEmpty();

        int correctPosition = correctPosition(id, 1, page);
        attempts.save(id, 1, 1, new Attempts.Input(page.question().choice() ? List.of(String.valueOf(correctPosition)) : List.of(),
                page.question().choice() ? "" : "x"));
        attempts.check(id, 1);

        var checked = attempts.page(id, 1);
        assertThat(checked.feedback()).isPresent();
        assertThat(checked.feedback().get().explanationHtml()).contains("EXPLANATION-MARKER");
        assertThatThrownBy(() -> attempts.save(id, 1, 2, new Attempts.Input(List.of(), "changed")))
                .isInstanceOf(SkillmarkException.class);
    }

    @Test
    void the_same_attempt_always_shows_the_same_order_and_attempts_differ() {
        var orders = new java.util.HashSet<List<String>>();
        for (int i = 0; i < 8; i++) {
            String id = attempts.start("shuffled", "Candidate " + i);
            var order = new ArrayList<String>();
            for (int slot = 1; slot <= 6; slot++) {
                order.add(attempts.page(id, slot).question().questionId());
            }
            var again = new ArrayList<String>();
            for (int slot = 1; slot <= 6; slot++) {
                again.add(attempts.page(id, slot).question().questionId());
            }
            assertThat(again).isEqualTo(order);
            orders.add(order);
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void extra_time_extends_the_deadline_and_a_close_time_caps_it() throws Exception {
        Files.writeString(dir.resolve("content/quizzes/closing.md"), """
                ---
                title: Closing soon
                time_limit: 30m
                opens: 2026-11-02T08:00:00Z
                closes: 2026-11-02T09:20:00Z
                draw:
                  - bank: alpha
                    count: 2
                ---
                """);
        content.reload();
        var invited = java.util.Optional.of(new Attempts.Invited("none", 50));
        String extended = attempts.start("timed", "Ada", java.util.Optional.empty(), Attempts.Client.UNKNOWN);
        assertThat(attempts.attempt(extended).deadlineAt() - clock.millis()).isEqualTo(Duration.ofMinutes(10).toMillis());
        String capped = attempts.start("closing", "Ada", java.util.Optional.empty(), Attempts.Client.UNKNOWN);
        assertThat(attempts.attempt(capped).deadlineAt() - clock.millis()).isEqualTo(Duration.ofMinutes(20).toMillis());

        clock.advance(Duration.ofMinutes(21));
        assertThatThrownBy(() -> attempts.start("closing", "Late", java.util.Optional.empty(), Attempts.Client.UNKNOWN))
                .isInstanceOf(SkillmarkException.Conflict.class).hasMessageContaining("closed");
        assertThat(invited.get().extraTimePercent()).isEqualTo(50);
    }

    @Test
    void invalid_input_is_refused_with_a_message_for_the_field() {
        assertThatThrownBy(() -> attempts.start("timed", "  ")).isInstanceOf(SkillmarkException.InvalidInput.class)
                .hasMessageContaining("Enter your name");
        String id = attempts.start("timed", "Ada");
        assertThatThrownBy(() -> attempts.save(id, 1, 1, new Attempts.Input(List.of("9"), "")))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> attempts.save(id, 1, 1, new Attempts.Input(List.of("0", "1"), "")))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> attempts.save(id, 4, 1, text("x".repeat(Attempts.MAX_RESPONSE + 1))))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> attempts.page(id, 99)).isInstanceOf(SkillmarkException.NotFound.class);
        assertThatThrownBy(() -> attempts.attempt("A".repeat(32))).isInstanceOf(SkillmarkException.NotFound.class);
    }

    private int correctPosition(String id, int slot, Views.QuestionPage page) {
        return database.jdbi().withExtension(AttemptDao.class, dao -> dao.options(id, slot)).stream()
                .filter(OptionRow::correct).findFirst().map(OptionRow::position).orElse(0);
    }

    private void answerChoice(String id, int slot, int... positions) {
        var choices = java.util.Arrays.stream(positions).mapToObj(String::valueOf).toList();
        attempts.save(id, slot, attempts.page(id, slot).answer().seq() + 1, new Attempts.Input(choices, ""));
    }

    private void answerText(String id, int slot, String text) {
        attempts.save(id, slot, attempts.page(id, slot).answer().seq() + 1, text(text));
    }

    private static Attempts.Input text(String text) {
        return new Attempts.Input(List.of(), text);
    }
}
