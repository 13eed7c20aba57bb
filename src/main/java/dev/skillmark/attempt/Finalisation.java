package dev.skillmark.attempt;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades and closes an attempt exactly once, whoever asks first: the candidate, the timer or a sweeper,
 * on this instance or another one on the same database.
 */
final class Finalisation {

    private static final Logger log = LoggerFactory.getLogger(Finalisation.class);
    private final Jdbi jdbi;
    private final Grades grades;
    private final AttemptMetrics metrics;
    private final AttemptSnapshots snapshots;

    Finalisation(Jdbi jdbi, Grades grades, AttemptMetrics metrics, AttemptSnapshots snapshots) {
        this.jdbi = jdbi;
        this.snapshots = snapshots;
        this.grades = grades;
        this.metrics = metrics;
    }

    /**
     * Returns true when this call finalised the attempt, false when it was already finalised. The row
     * lock orders it after every save in flight; the unique key on the finalisation is the second wall.
     * Only the call that finalises counts it, as {@code how}.
     */
    boolean finalise(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how) {
        return finalise(attemptId, status, now, how, false);
    }

    /**
     * The sweeper's finalisation: like {@link #finalise} but it does not wait for the attempt's lock. When
     * another transaction holds it (a sweeper or a submit on any instance, or a save), it returns false at
     * once and that transaction, the candidate's next request or the next sweep finalises the attempt.
     */
    boolean finaliseUnlessBusy(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how) {
        return finalise(attemptId, status, now, how, true);
    }

    private boolean finalise(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how, boolean unlessBusy) {
        // read before the transaction, as a save does: a cache miss inside it would hold two connections
        var snapshot = snapshots.of(attemptId);
        try {
            boolean done = jdbi.inTransaction(h -> {
                var dao = h.attach(AttemptDao.class);
                Optional<Attempt> locked = unlessBusy ? dao.lockUnlessBusy(attemptId) : AttemptRows.lock(h, attemptId);
                if (locked.isEmpty() && !unlessBusy) {
                    throw new IllegalStateException("no attempt " + attemptId);
                }
                if (locked.isEmpty() || !locked.get().inProgress()) {
                    return false;
                }
                var attempt = locked.get();
                dao.insertFinalisation(attemptId, now, status.name());
                grades.gradeAll(h, attemptId, snapshot);
                long finishedAt = status == Attempt.Status.EXPIRED && attempt.timed() ? Math.min(now, attempt.deadlineAt()) : now;
                dao.finish(attemptId, status, finishedAt);
                dao.event(attemptId, now, status == Attempt.Status.EXPIRED ? EventType.EXPIRED : EventType.SUBMITTED, null, "");
                recordTimeSpent(dao, attemptId);
                grades.finalised(h, attemptId);
                return true;
            });
            if (done) {
                metrics.finalised(how);
                log.info("attempt {} {}", attemptId.substring(0, 6), status.name().toLowerCase(Locale.ROOT));
            }
            return done;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The time each question was on screen, from the timeline up to the finalisation. Called at finalisation,
     * and again under the attempt's lock when "shown" events batched on another instance arrive after it.
     */
    static void recordTimeSpent(AttemptDao dao, String attemptId) {
        var spent = TimeSpent.perSlot(dao.events(attemptId));
        if (!spent.isEmpty()) {
            dao.setTimeSpent(attemptId, List.copyOf(spent.keySet()), spent.values().stream().map(Duration::toMillis).toList());
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
