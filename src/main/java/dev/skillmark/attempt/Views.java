package dev.skillmark.attempt;

import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Score;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the candidate's pages show, assembled by {@link AttemptPages}; none of it reveals keys before review. */
public final class Views {

    private Views() {
    }

    /** One entry of the navigation panel. */
    public record NavItem(int slot, boolean answered, boolean flagged, boolean current) {
        public String state() {
            return answered ? "answered" : "unanswered";
        }
    }

    /** An option as shown while answering: its position and HTML, never whether it is right. */
    public record ShownOption(int position, String html, boolean selected) {
    }

    /** Practice-mode feedback, shown once the candidate has checked a question. */
    public record Feedback(Grade.Outcome outcome, double points, List<Integer> correctPositions, String key,
                           String explanationHtml) {
    }

    public record QuestionPage(
            Attempt attempt,
            SlotSnapshot question,
            int total,
            List<ShownOption> options,
            AnswerState answer,
            List<NavItem> nav,
            Optional<Duration> remaining,
            Optional<Feedback> feedback) {

        public boolean first() {
            return question.slot() == 1;
        }

        public boolean last() {
            return question.slot() == total;
        }

        public String textResponse() {
            return question.choice() ? "" : answer.response();
        }
    }

    public record SubmitSummary(Attempt attempt, int total, List<Integer> unanswered, List<Integer> flagged,
                                Optional<Duration> remaining) {
    }

    /** One skill area of a result: its points out of the points this attempt was offered there. */
    public record AreaScore(String area, Score score, int questions) {
    }

    /** A question in review: the snapshot, the candidate's response and how it was graded. */
    public record ReviewItem(SlotSnapshot question, List<ReviewOption> options, String response, Grade.Outcome outcome,
                             Double points) {
        public boolean pending() {
            return outcome == Grade.Outcome.PENDING;
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
