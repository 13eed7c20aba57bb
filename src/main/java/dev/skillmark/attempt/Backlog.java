package dev.skillmark.attempt;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * How many attempts are open, and how far behind the sweeper is: the age of the oldest attempt whose deadline
 * and grace have passed but which nobody has finalised yet. Two reads on the (status, deadline_at) index.
 */
public final class Backlog {

    /** Open attempts, and the sweeper's lag (zero when no attempt is overdue). */
    public record Now(long inProgress, Duration sweeperLag) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration grace;

    public Backlog(Jdbi jdbi, Clock clock, Duration grace) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.grace = grace;
    }

    public Now now() {
        long cutoff = clock.millis() - grace.toMillis();
        return jdbi.withExtension(AttemptDao.class, dao -> new Now(dao.countInProgress(),
                dao.oldestOverdueDeadline(cutoff).map(deadline -> Duration.ofMillis(cutoff - deadline)).orElse(Duration.ZERO)));
    }

    /** The content version (catalog hash, and commit) the newest open attempt was drawn from, by whichever instance. */
    public java.util.Optional<String> newestContentVersion() {
        return jdbi.withExtension(AttemptDao.class, AttemptDao::newestOpenContentVersion);
    }
}
