package dev.skillmark.quiz;

/** The result of grading one response: a fraction of the question's points, and what it means. */
public record Grade(Outcome outcome, double fraction) {

    public enum Outcome {
        CORRECT("Correct"), PARTIAL("Partly correct"), WRONG("Not correct"), UNANSWERED("Not answered"),
        PENDING("Waiting for a person to grade");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** How the candidate and the interviewer read it. */
        public String label() {
            return label;
        }
    }

    public static final Grade UNANSWERED = new Grade(Outcome.UNANSWERED, 0);
    public static final Grade PENDING = new Grade(Outcome.PENDING, 0);

    public static Grade of(double fraction) {
        if (fraction >= 1 - 1e-9) {
            return new Grade(Outcome.CORRECT, 1);
        }
        return fraction <= 1e-9 ? new Grade(Outcome.WRONG, 0) : new Grade(Outcome.PARTIAL, fraction);
    }
}
