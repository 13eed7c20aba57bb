package dev.skillmark.attempt;

/** One entry of an answer's grade history: who changed its points, from what to what, and why. */
public record GradeChange(long id, String attemptId, int slot, Kind kind, Double oldPoints, double newPoints,
                          String comment, String gradedBy, long at) {

    /** A person grading an essay, a person overriding an automatic grade, or a regrade with a fixed key. */
    public enum Kind { MANUAL, OVERRIDE, REGRADE }

    public boolean byPerson() {
        return kind != Kind.REGRADE;
    }
}
