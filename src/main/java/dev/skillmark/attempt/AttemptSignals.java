package dev.skillmark.attempt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * {@value #FLUSH_EVERY_MS} ms from another instance reach the table after the finalisation, and the time spent is
 * corrected (see {@link #flush}). The timeline is never more than one flush interval stale.
 */
public final class AttemptSignals implements AutoCloseable {

    static final long FLUSH_EVERY_MS = 100;
    static final int BATCH = 500;
    private static final int CAPACITY = 50_000;
    private static final Logger log = LoggerFactory.getLogger(AttemptSignals.class);

    /** One timeline event waiting for the next flush. */
    public record Pending(String attemptId, long at, EventType type, Integer slot, String detail) {
    }

    /** A finalisation committed on this instance, and how many "shown" events of its attempt it read. */
    private record Finalised(String attemptId, int shownRead) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final ConcurrentLinkedQueue<Finalised> finalised = new ConcurrentLinkedQueue<>();
    /** Attempts with "shown" events written whose status has not been checked since. */
    private final Set<String> unchecked = ConcurrentHashMap.newKeySet();
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
        attempts.afterFinalisation((attemptId, shownRead) -> finalised.add(new Finalised(attemptId, shownRead)));
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
            writeWaiting(); // the queue is full: the request writes the waiting events itself (back pressure)
        }
        if (queue.size() >= BATCH) {
            writer.execute(this::flushQuietly);
        }
    }

    /**
     * Writes every waiting event in one transaction (a submit calls it so its time spent sees every "shown"), then
     * corrects the time spent of attempts whose finalisation missed "shown" events, without locking an attempt on
     * the way: the attempts of the batch that are already finalised, read after the batch's commit, and the
     * attempts finalised on this instance since the last flush that now have more "shown" events than their
     * finalisation read. A batch that commits after a finalisation read the events commits either before that
     * finalisation's check here (which then counts it) or after it, and so after the finalisation's commit (and the
     * batch's own check finds the attempt finalised). Either way the slot's time is recomputed, under the attempt's
     * lock, from every event. A crash between a finalisation's commit and its check may lose that correction only:
     * one slot's time spent by the events of one flush interval of another instance.
     */
    public synchronized void flush() {
        writeWaiting();
        try {
            checkFinished();
            checkFinalised();
        } catch (RuntimeException e) {
            log.warn("checking the time spent of finalised attempts failed; it is checked again at the next flush", e);
            throw e;
        }
    }

    /**
     * Writes every waiting event in one transaction, and leaves the checks to the writer's next flush: what a submit
     * calls before its finalisation reads the timeline, so its time spent sees every "shown" of this instance.
     */
    public synchronized void writeWaiting() {
        var batch = new ArrayList<Pending>();
        queue.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            jdbi.useExtension(AttemptDao.class, dao -> dao.events(batch));
        } catch (RuntimeException e) {
            int kept = 0;
            for (var p : batch) {
                kept += queue.offer(p) ? 1 : 0;
            }
            log.warn("writing {} timeline {} failed; {} kept for the next try", batch.size(), batch.size() == 1 ? "event" : "events", kept, e);
            throw e;
        }
        batch.stream().filter(p -> p.type() == EventType.SHOWN).forEach(p -> unchecked.add(p.attemptId()));
    }

    /** The attempts of the batches written that are already finalised: their finalisation missed these events. */
    private void checkFinished() {
        for (var ids : chunks(List.copyOf(unchecked))) {
            recordTimeSpent(jdbi.withHandle(h -> h.createQuery(
                    "select id from attempt where id in (<ids>) and status <> 'IN_PROGRESS'")
                    .bindList("ids", ids).mapTo(String.class).list()));
            ids.forEach(unchecked::remove);   // on a failure the rest wait for the next flush
        }
    }

    /** Finalisations since the last flush: did "shown" events reach the table after they read it? */
    private void checkFinalised() {
        var due = new LinkedHashMap<String, Integer>();
        for (Finalised f = finalised.poll(); f != null; f = finalised.poll()) {
            due.put(f.attemptId(), f.shownRead());
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            for (var ids : chunks(List.copyOf(due.keySet()))) {
                var shown = jdbi.withHandle(h -> h.createQuery("""
                        select attempt_id, count(*) from attempt_event where type = 'SHOWN' and attempt_id in (<ids>)
                        group by attempt_id""").bindList("ids", ids)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).list());
                recordTimeSpent(shown.stream().filter(e -> e.getValue() > due.get(e.getKey())).map(Map.Entry::getKey).toList());
                ids.forEach(due::remove);
            }
        } catch (RuntimeException e) {
            due.forEach((id, read) -> finalised.add(new Finalised(id, read))); // checked at the next flush
            throw e;
        }
    }

    /** The time spent of these finalised attempts, again from every event, each under its lock. */
    private void recordTimeSpent(List<String> attemptIds) {
        for (String id : attemptIds) {
            jdbi.useTransaction(h -> {
                AttemptRows.lock(h, id);
                Finalisation.recordTimeSpent(h.attach(AttemptDao.class), id);
            });
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
        }
        return chunks;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // logged in flush; the events and the checks wait for the next try
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
