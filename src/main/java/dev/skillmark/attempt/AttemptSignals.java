package dev.skillmark.attempt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the timeline records beside answers: which question is on screen, changes of address or browser,
 * and the page script's reports of lost focus and pastes. Signals for interviewers, never verdicts.
 *
 * <p>"Shown", focus and paste events don't take a commit of their own on the request: they wait in a
 * queue that one writer flushes in a single batch every {@link #FLUSH_EVERY_MS} ms, as soon as
 * {@link #BATCH} are waiting, before a submit, and on {@link #close}. A crash (kill -9) may lose the
 * events of the last flush interval, only these timeline events: answers, and the BURST a save may record, are
 * written in the save's own transaction. Events keep the time they happened, and timelines sort by it.
 *
 * <p>Each instance has its own queue, so a submit on one instance cannot flush another's: events of the last
 * {@value #FLUSH_EVERY_MS} ms from another instance reach the table after the finalisation, and their flush
 * corrects the time spent (see {@link #write}). The timeline is never more than one flush interval stale.
 */
public final class AttemptSignals implements AutoCloseable {

    static final long FLUSH_EVERY_MS = 100;
    static final int BATCH = 500;
    private static final int CAPACITY = 50_000;
    private static final Logger log = LoggerFactory.getLogger(AttemptSignals.class);

    /** One timeline event waiting for the next flush. */
    public record Pending(String attemptId, long at, EventType type, Integer slot, String detail) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "timeline-writer");
        t.setDaemon(true);
        return t;
    });
    private final Jdbi jdbi;
    private final Clock clock;
    private final Attempts attempts;

    public AttemptSignals(Jdbi jdbi, Clock clock, Attempts attempts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.attempts = attempts;
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Records a change of address or browser during an attempt, as a signal for the interviewer. */
    public void noteClient(Attempt attempt, Client client) {
        if (!attempt.inProgress() || client.equals(Client.UNKNOWN)
                || (client.address().equals(attempt.clientAddress()) && client.agent().equals(attempt.clientAgent()))) {
            return;
        }
        jdbi.useTransaction(h -> {
            var dao = h.attach(AttemptDao.class);
            dao.setClient(attempt.id(), client.address(), client.agent());
            String what = !client.address().equals(attempt.clientAddress()) ? "address " + attempt.clientAddress()
                    + " -> " + client.address() : "browser changed";
            dao.event(attempt.id(), clock.millis(), EventType.CLIENT_CHANGED, null, what);
        });
    }

    /** A signal the page script reported: focus lost (with how long) or a paste into an answer. */
    public void signal(String attemptId, String type, Integer slot, long millis) {
        var attempt = attempts.attempt(attemptId);
        var event = EventType.fromPage(type);
        if (!attempt.inProgress() || event.isEmpty()) {
            return;
        }
        enqueue(new Pending(attemptId, clock.millis(), event.get(), slot,
                event.get() == EventType.PASTE ? millis + " characters" : millis + " ms"));
    }

    /** The page of this slot was shown: the basis of time spent per question. */
    public void shown(String attemptId, int slot) {
        enqueue(new Pending(attemptId, clock.millis(), EventType.SHOWN, slot, ""));
    }

    private void enqueue(Pending event) {
        while (!queue.offer(event)) {
            flush(); // the queue is full: the request writes the waiting events itself (back pressure)
        }
        if (queue.size() >= BATCH) {
            writer.execute(this::flushQuietly);
        }
    }

    /** Writes every waiting event in one transaction; a submit calls it so its time spent sees every "shown". */
    public synchronized void flush() {
        var batch = new ArrayList<Pending>();
        queue.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(h -> write(h, batch));
        } catch (RuntimeException e) {
            int kept = 0;
            for (var p : batch) {
                kept += queue.offer(p) ? 1 : 0;
            }
            log.warn("writing {} timeline {} failed; {} kept for the next try", batch.size(), batch.size() == 1 ? "event" : "events", kept, e);
            throw e;
        }
    }

    /**
     * Another instance may have finalised an attempt while its last "shown" events waited here, and time spent
     * is computed at finalisation. So the attempts with "shown" events are locked first: one still in progress
     * is finalised after this commit and sees these events; one already finalised gets its time spent again.
     */
    private static void write(Handle h, List<Pending> batch) {
        var dao = h.attach(AttemptDao.class);
        var shown = batch.stream().filter(p -> p.type() == EventType.SHOWN).map(Pending::attemptId).distinct().toList();
        var locked = shown.isEmpty() ? List.<Attempt>of() : AttemptRows.lockAll(h, shown);
        dao.events(batch);
        locked.stream().filter(a -> !a.inProgress()).forEach(a -> Finalisation.recordTimeSpent(dao, a.id()));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // logged in flush; the events wait for the next try
        }
    }

    /** Stops the writer and writes what is waiting. Call after the server stopped taking requests. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    /** Events waiting for the writer (for tests). */
    List<Pending> pending() {
        return List.copyOf(queue);
    }
}
