package dev.skillmark.attempt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an attempt's timeline records; stored as text in {@code attempt_event.type}. */
public enum EventType {
    STARTED, SHOWN, SAVED, STALE_SAVE, FLAGGED, UNFLAGGED, CHECKED, SUBMITTED, EXPIRED, LATE_REQUEST,
    /** An interviewer gave the attempt in progress more time. */
    EXTENDED,
    /** Signals for interviewers (never verdicts): from the page script, and from the server. */
    FOCUS_LOST, PASTE, CLIENT_CHANGED,
    /** The server saw a fourth different question saved within one 10-second stretch. */
    BURST;

    /** The signals the page script may report. */
    public static Optional<EventType> fromPage(String type) {
        return Arrays.stream(new EventType[]{FOCUS_LOST, PASTE})
                .filter(t -> t.name().equals(type == null ? "" : type.toUpperCase(Locale.ROOT))).findFirst();
    }

    /** Whether interviewers see it counted as a signal. */
    public boolean signal() {
        return this == FOCUS_LOST || this == PASTE || this == CLIENT_CHANGED || this == BURST;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
