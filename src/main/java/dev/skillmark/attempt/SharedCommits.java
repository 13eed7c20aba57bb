package dev.skillmark.attempt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes to attempts that arrive together run in one transaction, so they share one commit (one H2
 * chunk, one PostgreSQL WAL flush) instead of paying for one each. Autosaves use one, finalisations another, starts
 * a third.
 *
 * <p>Each write still sees and holds its attempt's row lock: the batch first locks all its attempts in the
 * order of their ids (as every multi-attempt lock does, so nothing deadlocks), and each write runs inside its
 * own savepoint, so a write that is refused (stale, finished attempt, too fast) is rolled back alone. A write is
 * answered only after the commit that holds it: a 2xx still means the answer is on disk. When the commit fails,
 * every write of the batch is told so, and none of them was stored.
 */
final class SharedCommits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedCommits.class);

    /** The most writes one commit takes; more waiting ones go into the next. */
    static final int MAX_BATCH = 128;

    /** A write of one attempt: given the handle of the shared transaction and the attempt's row, locked (empty: no such attempt). */
    interface Write<T> {
        T apply(Handle h, Optional<Attempt> locked);
    }

    private record Job<T>(String attemptId, Write<T> body, CompletableFuture<T> done) {
    }

    private final Jdbi jdbi;
    private final String name;
    private final IntConsumer committed;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object lifecycle = new Object();
    private Thread committer;
    private boolean closed;

    /** {@code name}: its thread's; {@code committed}: told how many writes each commit held. */
    SharedCommits(Jdbi jdbi, String name, IntConsumer committed) {
        this.jdbi = jdbi;
        this.name = name;
        this.committed = committed;
    }

    /**
     * Runs {@code body} in a transaction shared with the writes waiting now, and returns once it is committed. The
     * body is given its attempt's row as locked for that transaction: by the batch's lock of every attempt for the
     * first write to an attempt, read again (still locked) for a later one, so it sees the earlier writes' changes.
     */
    <T> T run(String attemptId, Write<T> body) {
        return await(later(attemptId, body), "the answer was being saved");
    }

    /** Waits for a write handed in with {@link #later}: its result, or its own failure as {@link #rethrown} gives it. */
    static <T> T await(CompletableFuture<T> write, String during) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + during, e);
        }
    }

    /**
     * {@link #run} without waiting: the future completes, on the committer's thread, once the commit that holds
     * {@code body} is done (or failed, or refused this write). A request that waits for it holds no thread.
     */
    <T> CompletableFuture<T> later(String attemptId, Write<T> body) {
        var job = new Job<>(attemptId, body, new CompletableFuture<T>());
        synchronized (lifecycle) {
            if (closed) { // shutting down: the last writes commit on their own
                try {
                    return CompletableFuture.completedFuture(jdbi.inTransaction(h -> body.apply(h, AttemptRows.lock(h, attemptId))));
                } catch (RuntimeException refused) {
                    return CompletableFuture.failedFuture(refused);
                }
            }
            if (committer == null) {
                committer = new Thread(this::commitWhatArrives, name);
                committer.setDaemon(true);
                committer.start();
            }
            waiting.incrementAndGet();
            queue.add(job);
        }
        return job.done().whenComplete((result, failure) -> waiting.decrementAndGet());
    }

    /** Writes handed in and not answered yet: queued, or in the commit under way. */
    int waiting() {
        return waiting.get();
    }

    private void commitWhatArrives() {
        while (true) {
            Job<?> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                synchronized (lifecycle) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            var batch = new ArrayList<Job<?>>(MAX_BATCH);
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
        }
    }

    private void commit(List<Job<?>> batch) {
        var results = new Object[batch.size()];
        var refusals = new Throwable[batch.size()];
        try {
            jdbi.useTransaction(h -> {
                var unread = new HashMap<String, Attempt>();
                AttemptRows.lockAll(h, batch.stream().map(Job::attemptId).distinct().toList()).forEach(a -> unread.put(a.id(), a));
                var locked = Set.copyOf(unread.keySet());
                for (int i = 0; i < batch.size(); i++) {
                    String id = batch.get(i).attemptId();
                    var row = unread.containsKey(id) ? Optional.of(unread.remove(id))
                            : locked.contains(id) ? AttemptRows.attempt(h, id) : Optional.<Attempt>empty();
                    // one name for every write's savepoint: each replaces the last, which is the one a refusal rolls
                    // back to, and the database parses one SAVEPOINT statement instead of one per position
                    String savepoint = "write";
                    h.savepoint(savepoint);
                    try {
                        results[i] = batch.get(i).body().apply(h, row);
                    } catch (RuntimeException refused) {
                        refusals[i] = refused;
                        try {
                            h.rollbackToSavepoint(savepoint);
                        } catch (RuntimeException rollbackFailed) { // the database itself failed: the batch fails with it
                            refused.addSuppressed(rollbackFailed);
                            throw refused;
                        }
                    }
                }
            });
        } catch (RuntimeException | Error failed) {
            if (batch.size() > 1) {
                log.warn("a shared commit of {} writes failed; none of them was stored: {}", batch.size(), failed.toString());
            }
            for (var job : batch) {
                job.done().completeExceptionally(new SharedCommitFailed(failed));
            }
            return;
        }
        committed.accept(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i], refusals[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result, Throwable refusal) {
        if (refusal != null) {
            job.done().completeExceptionally(refusal);
        } else {
            job.done().complete((T) result);
        }
    }

    /**
     * The failure in the caller's thread, as it is: a refusal belongs to one write, and a failed commit reaches
     * each write of the batch as its own exception, caused by the one failure.
     */
    static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException own) {
            return own;
        }
        return new SharedCommitFailed(cause);
    }

    /** The commit that held this write failed: nothing of it was stored. (The error path sees the cause.) */
    static final class SharedCommitFailed extends RuntimeException {
        SharedCommitFailed(Throwable cause) {
            super("the commit holding this write failed: " + cause.getMessage(), cause);
        }
    }

    /** Commits what is waiting, then lets later writes commit on their own. Call after requests stopped coming. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = committer;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
