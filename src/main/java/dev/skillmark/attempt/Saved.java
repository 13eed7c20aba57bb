package dev.skillmark.attempt;

/** What became of a save: stored (with the answer's revision now), or refused as stale (with what is stored). */
public sealed interface Saved {

    /**
     * The attempt's deadline (epoch ms; null when untimed) as the save's transaction read it under the attempt's lock,
     * so the page learns of an extension without another read.
     */
    Long deadlineAt();

    record Stored(int revision, Long deadlineAt) implements Saved {
    }

    record Stale(AnswerState stored, Long deadlineAt) implements Saved {
    }
}
