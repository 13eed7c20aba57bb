package dev.skillmark.attempt;

/** A candidate's answer to one slot; {@code seq} only grows, so a stale save cannot win. */
public record AnswerState(
        String attemptId,
        int slot,
        String response,
        int seq,
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
