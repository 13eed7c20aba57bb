package dev.skillmark.attempt;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades and closes an attempt exactly once, whoever asks first: the candidate, the timer or a sweeper,
 * on this instance or another one on the same database.
 */
final class Finalisation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Finalisation.class);
    private final Jdbi jdbi;
    private final Grades grades;
    private final AttemptMetrics metrics;
    private final AttemptSnapshots snapshots;
    private final SharedCommits commits;
    /** How many "shown" events each finalisation in flight read, until its commit is done or failed. */
    private final Map<String, Integer> shownRead = new ConcurrentHashMap<>();
    /** Told of each finalisation once it is committed: its attempt and how many "shown" events it read. */
    private final List<BiConsumer<String, Integer>> listeners = new CopyOnWriteArrayList<>();

    Finalisation(Jdbi jdbi, Grades grades, AttemptMetrics metrics, AttemptSnapshots snapshots) {
        this.jdbi = jdbi;
        this.snapshots = snapshots;
        this.grades = grades;
        this.metrics = metrics;
        this.commits = new SharedCommits(jdbi, "finalisations", metrics::committedFinalisations);
    }

    /**
     * Returns true when this call finalised the attempt, false when it was already finalised. The row
     * lock orders it after every save in flight; the unique key on the finalisation is the second wall.
     * Only the call that finalises counts it, as {@code how}. Finalisations that arrive together (2,000 submits
     * at a shared deadline) share one transaction and one commit, each in its own savepoint, as autosaves do;
     * each caller returns only after the commit that holds its finalisation.
     */
    boolean finalise(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how) {
        return SharedCommits.await(later(attemptId, status, now, how), "the attempt was being finalised");
    }

    /**
     * {@link #finalise} without waiting: the future completes once the commit that holds the finalisation is done
     * (true: this call finalised it), so the submit that waits for it holds no request thread meanwhile.
     */
    CompletableFuture<Boolean> later(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how) {
        // read before the commit, as a save does: the thread that runs every finalisation never waits for a snapshot
        var snapshot = snapshots.of(attemptId);
        return commits.later(attemptId, (h, locked) ->
                        finishIn(h, locked.orElseThrow(() -> new IllegalStateException("no attempt " + attemptId)), status, now, snapshot))
                .handle((done, failure) -> counted(attemptId, status, how, done, failure));
    }

    /**
     * The sweeper's finalisation: like {@link #finalise} but it does not wait for the attempt's lock. When
     * another transaction holds it (a sweeper or a submit on any instance, or a save), it returns false at
     * once and that transaction, the candidate's next request or the next sweep finalises the attempt.
     */
    boolean finaliseUnlessBusy(String attemptId, Attempt.Status status, long now, AttemptMetrics.Finalised how) {
        var snapshot = snapshots.of(attemptId);
        return counted(attemptId, status, how, () -> jdbi.inTransaction(h -> h.attach(AttemptDao.class).lockUnlessBusy(attemptId)
                .map(attempt -> finishIn(h, attempt, status, now, snapshot)).orElse(false)));
    }

    /** {@code listener} is told of every finalisation this instance commits, after its commit. */
    void afterCommit(BiConsumer<String, Integer> listener) {
        listeners.add(listener);
    }

    /** Finalisations handed in (submits, mostly) whose commit has not come back yet. */
    int waiting() {
        return commits.waiting();
    }

    /** Commits the finalisations still waiting; later ones commit on their own. */
    @Override
    public void close() {
        commits.close();
    }

    private boolean counted(String attemptId, Attempt.Status status, AttemptMetrics.Finalised how, Supplier<Boolean> finalising) {
        try {
            return counted(attemptId, status, how, finalising.get(), null);
        } catch (RuntimeException e) {
            return counted(attemptId, status, how, null, e);
        }
    }

    /** Counts and logs a finalisation that happened; a unique violation means another one got there first. */
    private boolean counted(String attemptId, Attempt.Status status, AttemptMetrics.Finalised how, Boolean done, Throwable failure) {
        // a second finalisation of the same attempt in the same batch finds it closed (false) and leaves the entry
        Integer read = failure != null || done ? shownRead.remove(attemptId) : null;
        if (failure == null && read != null) {
            listeners.forEach(l -> l.accept(attemptId, read));
        }
        if (failure != null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (isUniqueViolation(cause)) {
                return false;
            }
            throw SharedCommits.rethrown(cause);
        }
        if (done) {
            metrics.finalised(how);
            log.info("attempt {} {}", Attempts.shortId(attemptId), status.name().toLowerCase(Locale.ROOT));
        }
        return done;
    }

    /**
     * Closes and grades the locked attempt, unless it is already closed. One thread runs every finalisation of a
     * burst, so each writes as little as it can: one update of the attempt's row (status, time and score together)
     * and one of each answer row (its grade and the time it was on screen together), besides the finalisation's
     * row and its event.
     */
    private boolean finishIn(Handle h, Attempt attempt, Attempt.Status status, long now, AttemptSnapshots.Snapshot snapshot) {
        if (!attempt.inProgress()) {
            return false;
        }
        var dao = h.attach(AttemptDao.class);
        String attemptId = attempt.id();
        dao.insertFinalisation(attemptId, now, status.name());
        var events = dao.events(attemptId);
        shownRead.put(attemptId, (int) events.stream().filter(e -> e.type() == EventType.SHOWN).count());
        var spent = TimeSpent.perSlot(events, now); // up to the event inserted below
        var totals = grades.gradeAll(h, attemptId, snapshot, spent);
        long finishedAt = status == Attempt.Status.EXPIRED && attempt.timed() ? Math.min(now, attempt.deadlineAt()) : now;
        dao.finish(attemptId, status, finishedAt, totals.score(), totals.pending(), totals.pendingPoints());
        dao.event(attemptId, now, status == Attempt.Status.EXPIRED ? EventType.EXPIRED : EventType.SUBMITTED, null, "");
        grades.finalised(h, attemptId);
        return true;
    }

    /**
     * The time each question was on screen, from the timeline up to the finalisation, when "shown" events batched on
     * another instance arrive after it (under the attempt's lock; the finalisation writes it with the grades).
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
