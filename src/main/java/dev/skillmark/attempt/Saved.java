package dev.skillmark.attempt;

/** What became of a save: stored (with the answer's revision now), or refused as stale (with what is stored). */
public sealed interface Saved {
    record Stored(int revision) implements Saved {
    }

    record Stale(AnswerState stored) implements Saved {
    }
}
