package dev.skillmark.attempt;

/** An attempt as stored. Times are epoch milliseconds (UTC); a null deadline means untimed. */
public record Attempt(
        String id,
        String quizId,
        String quizTitle,
        String mode,
        String review,
        int passMark,
        String candidateName,
        long seed,
        long startedAt,
        Long deadlineAt,
        String status,
        Long finishedAt,
        Double score,
        double maxScore,
        int pending,
        String contentVersion,
        String invitationId,
        int extraTimePercent,
        String clientAddress,
        String clientAgent,
        boolean trial) {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String EXPIRED = "EXPIRED";

    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }

    public boolean practice() {
        return "PRACTICE".equals(mode);
    }

    public boolean reviewAnswers() {
        return "ANSWERS".equals(review);
    }

    public boolean timed() {
        return deadlineAt != null;
    }
}
