package dev.skillmark.attempt;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What the timeline records beside answers: which question is on screen, changes of address or browser,
 * and the page script's reports of lost focus and pastes. Signals for interviewers, never verdicts.
 */
public final class AttemptSignals {

        private final Jdbi jdbi;
    private final Clock clock;
    private final Attempts attempts;

    public AttemptSignals(Jdbi jdbi, Clock clock, Attempts attempts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** Records a change of address or browser during an attempt, as a signal for the interviewer. */
    public void noteClient(Attempt attempt, Attempts.Client client) {
        if (!attempt.inProgress() || client.equals(Attempts.Client.UNKNOWN)
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
        jdbi.useExtension(AttemptDao.class, dao -> dao.event(attemptId, clock.millis(), event.get(), slot,
                event.get() == EventType.PASTE ? millis + " characters" : millis + " ms"));
    }

    /** The page of this slot was shown: the basis of time spent per question. */
    public void shown(String attemptId, int slot) {
        jdbi.useExtension(AttemptDao.class, dao -> dao.event(attemptId, clock.millis(), EventType.SHOWN, slot, ""));
    }
}
