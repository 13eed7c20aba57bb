package dev.skillmark.ops;

import dev.skillmark.attempt.Backlog;
import java.time.Clock;
import java.time.Duration;

/**
 * Open attempts and the sweeper's lag, read from the database at most once per {@link Metrics#GAUGE_FRESHNESS}
 * (by the application's clock), and never waited for longer than the timeout: a database that does not answer
 * shows as NaN, not as a scrape that hangs.
 */
final class AttemptGauges implements AutoCloseable {

    private record Reading(Backlog.Now now, long at) {
    }

    private final Clock clock;
    private final SingleFlight<Backlog.Now> read;
    private volatile Reading last;

    AttemptGauges(Backlog backlog, Clock clock, Duration timeout) {
        this.clock = clock;
        this.read = new SingleFlight<>("attempt-gauges", timeout, backlog::now);
    }

    double inProgress() {
        var now = current();
        return now == null ? Double.NaN : now.inProgress();
    }

    double sweeperLagSeconds() {
        var now = current();
        return now == null ? Double.NaN : now.sweeperLag().toMillis() / 1000.0;
    }

    /** The reading, fresh enough; null when the database could not be read in time. */
    private Backlog.Now current() {
        var reading = last;
        long at = clock.millis();
        if (reading != null && at - reading.at() < Metrics.GAUGE_FRESHNESS.toMillis()) {
            return reading.now();
        }
        if (read.call() instanceof SingleFlight.Done<Backlog.Now> done) {
            last = new Reading(done.value(), at);
            return done.value();
        }
        last = null;
        return null;
    }

    @Override
    public void close() {
        read.close();
    }
}
