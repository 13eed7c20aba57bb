package dev.skillmark.attempt;

/**
 * A candidate's stored answer to one slot, as in {@code answer}. {@code revision} counts the saves the
 * server accepted; {@code savedBy} is the page that made the last one, so a stale page cannot win.
 */
public record AnswerState(
        String attemptId,
        int slot,
        String response,
        int revision,
        String savedBy,
        Long savedAt,
        boolean flagged,
        boolean checked,
        String outcome,
        Double fraction,
        Double points,
        String gradedBy,
        Long timeSpentMs) {

    public boolean answered() {
        return response != null && !response.isBlank();
    }
}
