package dev.skillmark.attempt;

/**
 * What the attempt lifecycle counts as it happens. The wiring reports it (Prometheus, through Micrometer);
 * this package only says what happened, so it knows nothing of how it is measured.
 */
public interface AttemptMetrics {

    /** What became of a save: stored as a new revision, the same answer again, refused as stale, refused as too fast. */
    enum Save { STORED, UNCHANGED, STALE, TOO_FAST }

    /** Who finalised an attempt: the candidate (or their page at zero), a request that came after time ran out, the sweeper. */
    enum Finalised { SUBMITTED, EXPIRED, SWEPT }

    void saved(Save outcome);

    void finalised(Finalised how);

    /** One shared commit held this many saves (group commit: see {@code SharedCommits}). */
    default void committed(int writes) {
    }

    /** One shared commit held this many finalisations (submits at a shared deadline share commits too). */
    default void committedFinalisations(int finalisations) {
    }

    /** One shared commit held this many starts (a class starting at nine o'clock shares commits too). */
    default void committedStarts(int starts) {
    }

    /** Counts nothing: for tools and tests that build the attempt feature on its own. */
    AttemptMetrics NONE = new AttemptMetrics() {
        @Override
        public void saved(Save outcome) {
        }

        @Override
        public void finalised(Finalised how) {
        }
    };
}
