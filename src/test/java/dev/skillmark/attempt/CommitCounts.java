package dev.skillmark.attempt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What an attempt service tells of its shared commits, by kind (saves, finalisations, starts), for the race tests. */
final class CommitCounts implements AttemptMetrics {

    /** One kind of write: the commits that held some, how many they held in all, and the most one held. */
    static final class Kind {
        private final AtomicLong commits = new AtomicLong();
        private final AtomicLong writes = new AtomicLong();
        private final AtomicInteger largest = new AtomicInteger();

        private void add(int held) {
            commits.incrementAndGet();
            writes.addAndGet(held);
            largest.accumulateAndGet(held, Math::max);
        }

        long commits() {
            return commits.get();
        }

        long writes() {
            return writes.get();
        }

        int largest() {
            return largest.get();
        }

        double perCommit() {
            return (double) writes.get() / Math.max(1, commits.get());
        }
    }

    final Kind saves = new Kind();
    final Kind finalisations = new Kind();
    final Kind starts = new Kind();
    /** Attempts finalised, however. */
    final AtomicInteger finalised = new AtomicInteger();

    @Override
    public void saved(Save outcome) {
    }

    @Override
    public void finalised(Finalised how) {
        finalised.incrementAndGet();
    }

    @Override
    public void committed(int writes) {
        saves.add(writes);
    }

    @Override
    public void committedFinalisations(int held) {
        finalisations.add(held);
    }

    @Override
    public void committedStarts(int held) {
        starts.add(held);
    }
}
