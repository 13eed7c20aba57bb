package dev.skillmark.attempt;

import static dev.skillmark.attempt.TestAttempts.GRACE;
import static dev.skillmark.attempt.TestAttempts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillmark.quiz.Grade.Outcome;
import dev.skillmark.web.SkillmarkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walkthroughs of the attempt lifecycle against a real database (H2 file or PostgreSQL) and a test clock. */
class AttemptLifecycleTest {

    @TempDir
    Path dir;
    private TestAttempts world;

    @BeforeEach
    void start() {
        world = new TestAttempts(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void attempt_ids_sort_in_the_order_attempts_start_and_end_in_150_random_bits() {
        var ids = new ArrayList<String>();
        // steps of 1, 62 and 4,095 ms: carries from the last of the seven time characters into those before it
        long[] steps = {0, 1, 62, 1, 0, 4_095, 1, 86_400_000L, 0};
        for (long step : steps) {
            world.clock.advance(Duration.ofMillis(step));
            ids.add(world.start("timed", "Candidate " + ids.size()));
        }
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_][A-Za-z0-9_-]{31}"));
        for (int i = 1; i < ids.size(); i++) {
            // a later start sorts after; two in the same millisecond share the time and differ in the random part
            int order = ids.get(i).substring(0, 7).compareTo(ids.get(i - 1).substring(0, 7));
            if (steps[i] > 0) {
                assertThat(order).as("%s after %s", ids.get(i), ids.get(i - 1)).isPositive();
            } else {
                assertThat(order).as("%s with %s", ids.get(i), ids.get(i - 1)).isZero();
            }
        }
        assertThat(new HashSet<>(ids.stream().map(id -> id.substring(7)).toList())).hasSize(ids.size());
    }

    @Test
    void a_candidate_answers_every_type_submits_and_gets_the_right_score() {
        String ada = world.start("timed", "Ada");
        // the timed quiz keeps the trainer's order: partial, idempotent, enum, hour, pi, essay
        world.tick(ada, 1, 1);                 // Partial<T>: correct, 1 point
        world.tick(ada, 2, 0);                 // PUT only: half of 2 points
        world.type(ada, 3, " six ");           // a key, case and spaces ignored: 1 point
        world.type(ada, 4, "3599");            // wrong
        world.type(ada, 5, "3.141");           // within tolerance: 1 point
        world.type(ada, 6, "A token bucket in Redis");

        var result = world.submit(ada);
        assertThat(result.score().points()).isEqualTo(3.0 + 0.5 * 2 / 1);
        assertThat(result.score().max()).isEqualTo(11.0);
        assertThat(result.score().pendingPoints()).isEqualTo(5.0);
        assertThat(result.attempt().pending()).isEqualTo(1);
        assertThat(result.passed()).isEmpty(); // an essay waits for a person
        assertThat(result.review()).extracting(Views.ReviewItem::outcome)
                .containsExactly(Outcome.CORRECT, Outcome.PARTIAL, Outcome.CORRECT, Outcome.WRONG, Outcome.CORRECT, Outcome.PENDING);
        assertThat(result.areas()).singleElement().satisfies(a -> assertThat(a.area()).isEqualTo("Alpha skills"));
    }

    @Test
    void the_save_that_makes_four_questions_saved_within_ten_seconds_records_one_burst_and_saves_record_no_event() {
        String ada = world.start("timed", "Ada"); // at 09:00:00, the start of a 10-second stretch
        long start = world.clock.millis();
        Runnable[] saves = {
            () -> world.type(ada, 3, "one"), () -> world.type(ada, 4, "1"), () -> world.type(ada, 5, "2"),
            () -> world.type(ada, 3, "one again"), // the same question again: still three
            () -> world.type(ada, 6, "four"),      // the fourth: a burst
            () -> world.type(ada, 6, "four!"),     // still four: the same burst
            () -> world.tick(ada, 1, 1)};          // the fifth, in the same stretch: the same burst
        long[] at = {20_000, 21_000, 22_000, 23_000, 24_000, 24_500, 25_000};
        for (int i = 0; i < saves.length; i++) {
            world.clock.advance(Duration.ofMillis(start + at[i] - world.clock.millis()));
            saves[i].run();
        }
        assertThat(bursts(ada)).containsExactly(2L);
        Runnable[] more = {
            () -> world.type(ada, 3, "next stretch"), () -> world.type(ada, 4, "11"), () -> world.type(ada, 5, "12"),
            () -> world.type(ada, 6, "four again"), // 39.999 s: the fourth of this stretch
            () -> world.type(ada, 3, "40 s"), () -> world.type(ada, 4, "111"), () -> world.type(ada, 5, "112")};
        long[] moreAt = {30_100, 31_000, 32_000, 39_999, 40_000, 41_000, 42_000};
        for (int i = 0; i < more.length; i++) {
            world.clock.advance(Duration.ofMillis(start + moreAt[i] - world.clock.millis()));
            more[i].run();
        }
        assertThat(bursts(ada)).containsExactly(2L, 3L);
        assertThat(world.pages.timeline(ada)).noneMatch(e -> e.type() == EventType.SAVED);
    }

    private List<Long> bursts(String attempt) {
        long started = world.attempts.attempt(attempt).startedAt();
        return world.pages.timeline(attempt).stream().filter(e -> e.type() == EventType.BURST)
                .map(e -> (e.at() - started) / 10_000).toList();
    }

    @Test
    void the_deadline_is_set_by_the_server_at_start() {
        String ada = world.start("timed", "Ada");
        var attempt = world.attempts.attempt(ada);
        assertThat(attempt.deadlineAt() - attempt.startedAt()).isEqualTo(Duration.ofMinutes(10).toMillis());
        world.clock.advance(Duration.ofMinutes(4));
        assertThat(world.pages.question(ada, 1).remaining()).contains(Duration.ofMinutes(6));
    }

    @Test
    void answers_saved_after_the_grace_period_are_refused_and_earlier_ones_count() {
        String ada = world.start("timed", "Ada");
        world.tick(ada, 1, 1);
        world.clock.advance(Duration.ofMinutes(10).plus(GRACE).minusSeconds(1));
        world.type(ada, 4, "3600"); // within the grace: accepted
        world.clock.advance(Duration.ofSeconds(2));

        assertThatThrownBy(() -> world.type(ada, 5, "3.14"))
                .isInstanceOf(SkillmarkException.AttemptClosed.class).hasMessageContaining("Time is up");
        var result = world.pages.result(ada);
        assertThat(result.attempt().status()).isEqualTo(Attempt.Status.EXPIRED);
        assertThat(result.score().points()).isEqualTo(2.0);
        assertThat(result.timeTaken()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void submitting_when_the_countdown_reaches_zero_records_that_time_ran_out() {
        String ada = world.start("timed", "Ada");
        world.clock.advance(Duration.ofMinutes(10));
        world.attempts.submit(ada); // what the page script does at zero
        assertThat(world.attempts.attempt(ada).status()).isEqualTo(Attempt.Status.EXPIRED);

        String grace = world.start("timed", "Grace");
        world.clock.advance(Duration.ofMinutes(9));
        world.attempts.submit(grace);
        assertThat(world.attempts.attempt(grace).status()).isEqualTo(Attempt.Status.SUBMITTED);
    }

    @Test
    void a_submit_received_before_the_deadline_is_submitted_even_when_its_turn_comes_after_it() {
        String ada = world.start("timed", "Ada");
        long started = world.clock.millis();
        world.clock.advance(Duration.ofMinutes(10).minusSeconds(1)); // sent one second before the deadline
        // its turn comes 2 s after the deadline: a burst of submits flushing the timeline, waiting for connections
        world.attempts.submit(ada, () -> world.clock.advance(Duration.ofSeconds(3)));
        var attempt = world.attempts.attempt(ada);
        assertThat(attempt.status()).isEqualTo(Attempt.Status.SUBMITTED);
        assertThat(attempt.finishedAt() - started).isEqualTo(Duration.ofMinutes(10).minusSeconds(1).toMillis());

        String grace = world.start("timed", "Grace");
        world.clock.advance(Duration.ofMinutes(10));
        world.attempts.submit(grace, () -> { });
        assertThat(world.attempts.attempt(grace).status()).as("received at the deadline").isEqualTo(Attempt.Status.EXPIRED);
    }

    @Test
    void the_sweeper_finalises_attempts_nobody_came_back_to() {
        String abandoned = world.start("timed", "Ada");
        world.tick(abandoned, 1, 1);
        world.clock.advance(Duration.ofMinutes(5));
        String fresh = world.start("timed", "Grace");
        world.clock.advance(Duration.ofMinutes(5).plus(GRACE).plusSeconds(1));

        assertThat(world.attempts.expireOverdue()).isEqualTo(1);
        assertThat(world.attempts.attempt(abandoned).status()).isEqualTo(Attempt.Status.EXPIRED);
        assertThat(world.attempts.attempt(abandoned).score()).isEqualTo(1.0);
        assertThat(world.attempts.attempt(fresh).inProgress()).isTrue();
        assertThat(world.attempts.expireOverdue()).isZero();
    }

    @Test
    void a_save_from_a_page_that_showed_an_older_revision_is_refused_and_changes_nothing() {
        String ada = world.start("timed", "Ada");
        var tabA = new Attempts.Base(0, "tab-a");
        var tabB = new Attempts.Base(0, "tab-b");
        Long deadline = world.attempts.attempt(ada).deadlineAt();
        assertThat(deadline).as("a timed quiz").isNotNull();
        assertThat(world.attempts.save(ada, 4, tabA, text("3600"))).isEqualTo(new Saved.Stored(1, deadline));
        assertThat(world.attempts.save(ada, 4, tabB, text("1"))).isInstanceOf(Saved.Stale.class);
        assertThat(world.attempts.save(ada, 4, tabB, text("12"))).as("and every later save from that page")
                .isInstanceOf(Saved.Stale.class);
        assertThat(world.attempts.save(ada, 4, tabB, text("3600"))).as("sending what is stored is harmless")
                .isEqualTo(new Saved.Stored(1, deadline));
        assertThat(world.attempts.save(ada, 4, tabA, text("3601"))).as("tab A goes on from its own save")
                .isEqualTo(new Saved.Stored(2, deadline));
        assertThat(world.attempts.save(ada, 4, new Attempts.Base(2, "tab-b-reloaded"), text("3602")))
                .as("tab B, reloaded, saves on top of the newest").isEqualTo(new Saved.Stored(3, deadline));
        assertThat(world.pages.question(ada, 4).answer().response()).isEqualTo("3602");
    }

    @Test
    void a_number_field_refuses_what_is_not_a_number_and_keeps_the_stored_answer() {
        String ada = world.start("timed", "Ada");
        world.type(ada, 4, "3600");
        assertThatThrownBy(() -> world.type(ada, 4, "3600 seconds")).isInstanceOf(SkillmarkException.InvalidInput.class)
                .hasMessageContaining("is not a number");
        world.type(ada, 5, " 3,14 ");
        assertThat(world.pages.question(ada, 4).answer().response()).isEqualTo("3600");
        assertThat(world.submit(ada).review().get(4).outcome()).isEqualTo(Outcome.CORRECT);
    }

    @Test
    void past_the_save_rate_an_attempt_is_told_to_slow_down_until_the_minute_is_over() {
        String ada = world.start("timed", "Ada");
        for (int i = 0; i < Attempts.SAVES_PER_MINUTE; i++) {
            world.type(ada, 4, String.valueOf(i));
        }
        assertThatThrownBy(() -> world.type(ada, 4, "121")).isInstanceOf(SkillmarkException.TooFast.class);
        world.clock.advance(Duration.ofSeconds(61));
        assertThat(world.type(ada, 4, "3600")).isInstanceOf(Saved.Stored.class);
    }

    @Test
    void submitting_twenty_times_in_parallel_finalises_once() throws Exception {
        String ada = world.start("timed", "Ada");
        world.tick(ada, 1, 1);
        var pool = Executors.newFixedThreadPool(20);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                world.attempts.submit(ada);
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        pool.shutdown();

        int finalisations = world.database.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from attempt_finalisation where attempt_id = :id").bind("id", ada).mapTo(Integer.class).one());
        int submittedEvents = world.database.jdbi().withExtension(AttemptDao.class, dao -> dao.countEvents(ada, EventType.SUBMITTED));
        assertThat(finalisations).isEqualTo(1);
        assertThat(submittedEvents).isEqualTo(1);
        assertThat(world.pages.result(ada).score().points()).isEqualTo(1.0);
    }

    @Test
    void editing_or_deleting_content_changes_neither_an_attempt_in_progress_nor_a_result() throws Exception {
        String inProgress = world.start("timed", "Ada");
        String finished = world.start("timed", "Grace");
        world.tick(finished, 1, 1);
        world.attempts.submit(finished);
        var before = world.pages.question(inProgress, 1);

        Path bank = dir.resolve("content/skills/alpha.md");
        Files.writeString(bank, Files.readString(bank)
                .replace("- [ ] `Required<T>`", "- [x] `Required<T>`").replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`")
                .replace("makes every property", "EDITED makes every property"));
        world.content.reload();
        assertThat(world.content.current().question("alpha-partial").orElseThrow().promptHtml()).contains("EDITED");

        var after = world.pages.question(inProgress, 1);
        assertThat(after.question()).isEqualTo(before.question());
        assertThat(after.options()).isEqualTo(before.options());
        world.tick(inProgress, 1, 1);
        assertThat(world.submit(inProgress).score().points()).isEqualTo(1.0); // graded by the snapshot's key
        assertThat(world.pages.result(finished).score().points()).isEqualTo(1.0);

        Files.delete(bank);
        world.content.reload();
        assertThat(world.pages.result(finished).review().get(0).question().promptHtml()).doesNotContain("EDITED");
    }

    @Test
    void practice_mode_shows_feedback_after_a_question_is_checked_and_locks_it() {
        String ada = world.start("practice-alpha", "Ada");
        int slot = world.slotOf(ada, "alpha-partial");
        var page = world.pages.question(ada, slot);
        assertThat(page.feedback()).isEmpty();
        assertThat(page.remaining()).isEmpty();

        world.tick(ada, slot, world.correctPosition(ada, slot));
        world.attempts.check(ada, slot);

        var checked = world.pages.question(ada, slot);
        assertThat(checked.feedback()).hasValueSatisfying(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.CORRECT);
            assertThat(f.explanationHtml()).contains("EXPLANATION-MARKER");
        });
        assertThatThrownBy(() -> world.attempts.save(ada, slot, TestAttempts.TAB, new AnswerInput(List.of("0"), "")))
                .isInstanceOf(SkillmarkException.class);
    }

    @Test
    void the_same_attempt_always_shows_the_same_order_and_attempts_differ() {
        var orders = new HashSet<List<String>>();
        for (int i = 0; i < 8; i++) {
            String id = world.start("shuffled", "Candidate " + i);
            var order = new ArrayList<String>();
            var again = new ArrayList<String>();
            for (int slot = 1; slot <= 6; slot++) {
                order.add(world.pages.question(id, slot).question().questionId());
                again.add(world.pages.question(id, slot).question().questionId());
            }
            assertThat(again).isEqualTo(order);
            orders.add(order);
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void extra_time_from_an_invitation_extends_the_deadline_and_a_close_time_caps_it() throws Exception {
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
        world.content.reload();
        String extended = world.startInvited("timed", "Ada", 50);
        assertThat(world.attempts.attempt(extended).deadlineAt() - world.clock.millis()).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(world.attempts.attempt(extended).extraTimePercent()).isEqualTo(50);
        String capped = world.startInvited("closing", "Grace", 50);
        assertThat(world.attempts.attempt(capped).deadlineAt() - world.clock.millis()).isEqualTo(Duration.ofMinutes(20).toMillis());

        world.clock.advance(Duration.ofMinutes(12));
        world.type(extended, 4, "3600"); // past the plain 10 minutes, inside the extended 15
        world.clock.advance(Duration.ofMinutes(9));
        assertThatThrownBy(() -> world.start("closing", "Late"))
                .isInstanceOf(SkillmarkException.Conflict.class).hasMessageContaining("closed");
    }

    @Test
    void an_invitation_allows_one_attempt_and_keeps_its_name() {
        var issued = world.invitations.invite(new dev.skillmark.account.Invitations.Request("timed", "Ada Lovelace", "", 7, 0),
                TestAttempts.IVY);
        var invitation = world.invitations.forCandidate(issued.token());
        var invited = new Attempts.Invited(invitation.id(), 0);
        String first = world.attempts.startInvited("timed", invitation.candidateName(), invited, Client.UNKNOWN);
        assertThat(world.attempts.attempt(first).candidateName()).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> world.attempts.startInvited("timed", "Someone else", invited, Client.UNKNOWN))
                .isInstanceOf(SkillmarkException.InvitationClosed.class);
        assertThat(world.invitations.forCandidate(issued.token()).attemptId()).isEqualTo(first);
    }

    @Test
    void invalid_input_is_refused_with_a_message_for_the_field() {
        assertThatThrownBy(() -> world.start("timed", "  ")).isInstanceOf(SkillmarkException.InvalidInput.class)
                .hasMessageContaining("Enter your name");
        String ada = world.start("timed", "Ada");
        assertThatThrownBy(() -> world.attempts.save(ada, 1, TestAttempts.TAB, new AnswerInput(List.of("9"), "")))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> world.attempts.save(ada, 1, TestAttempts.TAB, new AnswerInput(List.of("0", "1"), "")))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> world.attempts.save(ada, 4, TestAttempts.TAB, text("x".repeat(Attempts.MAX_RESPONSE + 1))))
                .isInstanceOf(SkillmarkException.InvalidInput.class);
        assertThatThrownBy(() -> world.pages.question(ada, 99)).isInstanceOf(SkillmarkException.NotFound.class);
        assertThatThrownBy(() -> world.attempts.attempt("A".repeat(32))).isInstanceOf(SkillmarkException.NotFound.class);
    }
}
