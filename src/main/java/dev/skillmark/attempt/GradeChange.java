package dev.skillmark.attempt;

/** One entry of an answer's grade history: who changed its points, from what to what, and why. */
public record GradeChange(long id, String attemptId, int slot, Kind kind, Double oldPoints, double newPoints,
                          String comment, String gradedBy, long at, String rubricTicks) {

    /** A person grading an essay, a person overriding an automatic grade, or a regrade with a fixed key. */
    public enum Kind { MANUAL, OVERRIDE, REGRADE }

    /** The grader's ticks, one count per rubric line in order; empty when the grade was not given with the rubric. */
    public java.util.List<Integer> ticks() {
        if (rubricTicks == null || rubricTicks.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(rubricTicks.split(",")).map(Integer::valueOf).toList();
    }

    public boolean byPerson() {
        return kind != Kind.REGRADE;
    }
}
