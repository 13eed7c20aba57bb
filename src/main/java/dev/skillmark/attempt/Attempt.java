package dev.skillmark.attempt;

import dev.skillmark.quiz.Quiz;
import dev.skillmark.quiz.Score;

/**
 * One candidate's attempt at a quiz, as stored in {@code attempt}. Times are epoch milliseconds (UTC);
 * a null deadline means untimed. {@code score} and {@code pending} are set when it is finalised.
 */
public record Attempt(
        String id,
        String quizId,
        String quizTitle,
        Quiz.Mode mode,
        Quiz.Review review,
        int passMark,
        String candidateName,
        long seed,
        long startedAt,
        Long deadlineAt,
        Status status,
        Long finishedAt,
        Double score,
        double maxScore,
        int pending,
        double pendingPoints,
        String contentVersion,
        String invitationId,
        int extraTimePercent,
        String clientAddress,
        String clientAgent,
        boolean trial,
        long saveWindowStart,
        int saveWindowCount) {

    /** Where an attempt is in its lifecycle; stored as text. */
    public enum Status {
        IN_PROGRESS, SUBMITTED, EXPIRED;

        public String label() {
            return switch (this) {
                case IN_PROGRESS -> "in progress";
                case SUBMITTED -> "submitted";
                case EXPIRED -> "time ran out";
            };
        }
    }

    public boolean inProgress() {
        return status == Status.IN_PROGRESS;
    }

    public boolean expired() {
        return status == Status.EXPIRED;
    }

    public boolean practice() {
        return mode == Quiz.Mode.PRACTICE;
    }

    public boolean reviewAnswers() {
        return review == Quiz.Review.ANSWERS;
    }

    public boolean timed() {
        return deadlineAt != null;
    }

    /** The finalised score; nothing earned yet while in progress. */
    public Score result() {
        return new Score(score == null ? 0 : score, maxScore, pendingPoints);
    }
}
