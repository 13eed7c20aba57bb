package dev.skillmark.attempt;

import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Response;
import dev.skillmark.web.Format;
import dev.skillmark.web.SkillmarkException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the candidate's and the interviewer's pages show of an attempt, assembled from its snapshot.
 * Reads only; an attempt whose time ran out is finalised first, through {@link Attempts#current}.
 */
public final class AttemptPages {

    private final Jdbi jdbi;
    private final Attempts attempts;
    private final SecureRandom random = new SecureRandom();
    public AttemptPages(Jdbi jdbi, Attempts attempts) {
        this.jdbi = jdbi;
        this.attempts = attempts;
    }

    /** The question page of an attempt that still takes answers. */
    public Views.QuestionPage question(String attemptId, int slot) {
        var attempt = open(attemptId);
        var snapshot = snapshot(attemptId);
        return jdbi.withHandle(h -> {
            var question = snapshot.slot(slot)
                    .orElseThrow(() -> new SkillmarkException.NotFound("This quiz has no question " + slot + "."));
            var answers = AttemptRows.answers(h, attemptId);
            var answer = answers.get(slot - 1);
            var options = snapshot.options(slot);
            var chosen = question.choice() ? Response.decode(question.key(options), answer.response()) : null;
            Optional<Views.Feedback> feedback = attempt.practice() && answer.checked()
                    ? Optional.of(feedback(question, options, answer)) : Optional.empty();
            var shown = options.stream().map(o -> new Views.ShownOption(o.position(), Format.INSTANCE.letter(o.position()), o.html(),
                    chosen instanceof Response.Choices c && c.positions().contains(o.position()),
                    feedback.isPresent() && o.correct())).toList();
            var nav = answers.stream().map(a -> new Views.NavItem(a.slot(), a.answered(), a.flagged(), a.slot() == slot)).toList();
            return new Views.QuestionPage(attempt, question, answers.size(), shown, answer, nav,
                    attempts.remaining(attempt), feedback, pageToken(), Optional.empty(), Optional.empty());
        });
    }

    /** What a stale page tried to save, beside what is stored, in the candidate's terms (letters or text). */
    public Views.Stale stale(String attemptId, int slot, AnswerState stored, AnswerInput refused) {
        var question = snapshot(attemptId).slot(slot).orElseThrow();
        if (!question.choice()) {
            return new Views.Stale(slot, stored.response(), refused.text() == null ? "" : refused.text());
        }
        var storedLetters = stored.response().isBlank() ? List.<String>of() : List.of(stored.response().split(","));
        return new Views.Stale(slot, letters(storedLetters), letters(refused.choices()));
    }

    private static String letters(List<String> positions) {
        return positions.isEmpty() ? "(nothing ticked)" : String.join(", ", positions.stream()
                .filter(p -> p.matches("\\d{1,3}")).map(p -> Format.INSTANCE.letter(Integer.parseInt(p))).toList());
    }

    public Views.SubmitSummary submitSummary(String attemptId) {
        var attempt = open(attemptId);
        var answers = jdbi.withHandle(h -> AttemptRows.answers(h, attemptId));
        return new Views.SubmitSummary(attempt, answers.size(),
                answers.stream().filter(a -> !a.answered()).map(AnswerState::slot).toList(),
                answers.stream().filter(AnswerState::flagged).map(AnswerState::slot).toList(),
                attempts.remaining(attempt));
    }

    /** The candidate's result, once the attempt is finalised; answers only when the review policy allows. */
    public Views.Result result(String attemptId) {
        var attempt = attempts.current(attemptId);
        if (attempt.inProgress()) {
            throw new SkillmarkException.Conflict("This attempt is still in progress: submit it to see the result.");
        }
        return Results.of(jdbi, attempts.snapshots().of(attemptId), attempt, false);
    }

    /** Everything about an attempt for interviewers: every answer, key and explanation, even while in progress. */
    public Views.Result forStaff(String attemptId) {
        var attempt = attempts.current(attemptId);
        return Results.of(jdbi, attempts.snapshots().of(attemptId), attempt, true);
    }

    /** The attempt's timeline, oldest first, for interviewers. */
    public List<Event> timeline(String attemptId) {
        attempts.attempt(attemptId);
        return jdbi.withExtension(AttemptDao.class, dao -> dao.events(attemptId));
    }

    private AttemptSnapshots.Snapshot snapshot(String attemptId) {
        return attempts.snapshots().of(attemptId);
    }

    private String pageToken() {
        var bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Attempt open(String attemptId) {
        var attempt = attempts.current(attemptId);
        if (!attempt.inProgress()) {
            throw new SkillmarkException.AttemptClosed(attemptId, attempt.expired(),
                    "This attempt is finished and no longer takes answers.");
        }
        return attempt;
    }

    private static Views.Feedback feedback(SlotSnapshot question, List<OptionSnapshot> options, AnswerState answer) {
        var correct = options.stream().filter(OptionSnapshot::correct).map(OptionSnapshot::position).toList();
        return new Views.Feedback(Grade.Outcome.valueOf(answer.outcome()), answer.points() == null ? 0 : answer.points(),
                correct, question.answerDisplay(), question.explanationHtml());
    }
}
