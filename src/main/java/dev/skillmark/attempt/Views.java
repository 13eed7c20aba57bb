package dev.skillmark.attempt;

import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Numbers;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.Format;
import dev.skillmark.web.SubmitButtons;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the candidate's pages show, assembled by {@link AttemptPages}; none of it reveals keys before review. */
public final class Views {

    private Views() {
    }

    /**
     * One button of the question list. Its words are made here, once, not in the template: the list has a button per
     * question, and each expression the template evaluates costs far more than the string (half the question page's
     * time went to this list's concatenations, measured).
     */
    public record NavItem(int slot, boolean answered, boolean flagged, boolean current, String value, String classes,
                          String ariaLabel) implements SubmitButtons.Item {

        public NavItem(int slot, boolean answered, boolean flagged, boolean current) {
            this(slot, answered, flagged, current, "goto-" + slot,
                    state(answered) + (flagged ? " flagged" : "") + (current ? " current" : ""),
                    "Question " + slot + ", " + state(answered) + (flagged ? ", flagged" : "") + (current ? " (this one)" : ""));
        }

        private static String state(boolean answered) {
            return answered ? "answered" : "unanswered";
        }

        /** {@code step} for the question shown, else none (the attribute is left out). */
        @Override
        public String ariaCurrent() {
            return current ? "step" : null;
        }

        @Override
        public String name() {
            return "action";
        }

        @Override
        public String label() {
            return String.valueOf(slot);
        }
    }

    /**
     * An option as shown while answering: its position, letter and HTML. {@code shownCorrect} is true only
     * on a practice question the candidate has checked, where the feedback names the correct options anyway;
     * before that it is false for every option, so the page never carries the key.
     */
    public record ShownOption(int position, String letter, String html, boolean selected, boolean shownCorrect) {
    }

    /** Practice-mode feedback, shown once the candidate has checked a question. */
    public record Feedback(Grade.Outcome outcome, double points, List<Integer> correctPositions, String key,
                           String explanationHtml) {
    }

    /**
     * One question of an attempt in progress. {@code page} is this page's own token: saves carry it with
     * the answer's revision, so the server can tell this page's saves from another tab's.
     * {@code typed} and {@code error} give the form back with a message when a save was refused.
     */
    public record QuestionPage(
            Attempt attempt,
            SlotSnapshot question,
            int total,
            List<ShownOption> options,
            AnswerState answer,
            List<NavItem> nav,
            Optional<Duration> remaining,
            Optional<Feedback> feedback,
            String page,
            Optional<String> typed,
            Optional<String> error) {

        public QuestionPage withError(String typedText, String message) {
            return new QuestionPage(attempt, question, total, options, answer, nav, remaining, feedback, page,
                    Optional.ofNullable(typedText), Optional.of(message));
        }

        /** How the question is scored, in the candidate's words. */
        public String scoring() {
            return switch (question.kind()) {
                case "multiple" -> "Several options may be correct: each right tick earns a share of the points, "
                        + "each wrong tick takes one away, never below zero.";
                case "single" -> "One option is correct.";
                case "numeric" -> "Answer with " + Numbers.FORMAT + ".";
                case "short" -> question.answerLines() > 1
                        ? "Type every line it prints, in order; case and spacing do not matter."
                        : "Type just the answer; case and spacing do not matter.";
                default -> "A person grades this answer.";
            };
        }

        public boolean first() {
            return question.slot() == 1;
        }

        public boolean last() {
            return question.slot() == total;
        }

        public String textResponse() {
            return question.choice() ? "" : typed.orElse(answer.response());
        }

        /** Whether the answer is locked because its feedback is shown (a checked practice question). */
        public boolean locked() {
            return feedback.isPresent();
        }

        public boolean hasError() {
            return error.isPresent();
        }

        public Countdown countdown() {
            return Countdown.of(remaining);
        }
    }

    /** The time left as the page opens: the clock it shows ("44:58") and the milliseconds its timer counts down. */
    public record Countdown(String clock, long millis) {
        /** Null when the attempt is untimed, so a page tests {@code ${countdown} != null} without an Optional. */
        static Countdown of(Optional<Duration> remaining) {
            return remaining.map(d -> new Countdown(Format.INSTANCE.clock(d), d.toMillis())).orElse(null);
        }
    }

    /** A save refused because another tab saved a newer answer: both, so nothing typed is lost from view. */
    public record Stale(int slot, String stored, String refused) {
    }

    public record SubmitSummary(Attempt attempt, int total, List<Integer> unanswered, List<Integer> flagged,
                                Optional<Duration> remaining) {
        public Countdown countdown() {
            return Countdown.of(remaining);
        }
    }

    /** One skill area of a result: its points out of the points this attempt was offered there. */
    public record AreaScore(String area, Score score, int questions) {
        /** "2 / 3": the points scored of the points available. */
        public String pointsOfMax() {
            return Format.INSTANCE.points(score.points()) + " / " + Format.INSTANCE.points(score.max());
        }
    }

    /** A question in review: the snapshot, the candidate's response and how it was graded. */
    public record ReviewItem(SlotSnapshot question, List<ReviewOption> options, String response, Grade.Outcome outcome,
                             Double points) {
        public boolean pending() {
            return outcome == Grade.Outcome.PENDING;
        }

        /** Its points out of the question's, all of them pending while a person has still to grade it. */
        public Score score() {
            return new Score(points == null ? 0 : points, question.points(), pending() ? question.points() : 0);
        }
    }

    public record ReviewOption(String html, boolean correct, boolean chosen) {
    }

    public record Result(
            Attempt attempt,
            Score score,
            Duration timeTaken,
            List<AreaScore> areas,
            boolean showAnswers,
            List<ReviewItem> review) {

        /** Pass or fail by the quiz's pass mark; empty while answers wait for a grader, and for practice. */
        public Optional<Boolean> passed() {
            return attempt.practice() ? Optional.empty() : score.passed(attempt.passMark());
        }
    }
}
