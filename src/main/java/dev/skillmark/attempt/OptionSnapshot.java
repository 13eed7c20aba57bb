package dev.skillmark.attempt;

/** One option of a choice question as the attempt's snapshot holds it; old snapshots' code blocks take focus too. */
public record OptionSnapshot(String attemptId, int slot, int position, String html, boolean correct) {

    public OptionSnapshot {
        html = SlotSnapshot.focusableCode(html);
    }
}
