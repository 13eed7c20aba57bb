package dev.skillmark.review;

import dev.skillmark.attempt.Event;
import dev.skillmark.attempt.EventType;
import java.time.Duration;
import java.util.List;

/**
 * Reads an attempt's event timeline for how long the page was away. Pure. The signal counts themselves have
 * one home, {@link ReviewDao#SIGNAL_TYPES}, so the attempt page, the dashboard and the CSV agree.
 */
final class Timeline {

    private Timeline() {
    }

    /** The time the page spent hidden or without focus, as the page script reported it with each loss. */
    static Duration awayFor(List<Event> events) {
        long away = 0;
        for (var e : events) {
            if (e.type() == EventType.FOCUS_LOST) {
                away += leadingNumber(e.detail());
            }
        }
        return Duration.ofMillis(away);
    }

    private static long leadingNumber(String detail) {
        var m = java.util.regex.Pattern.compile("^(\\d{1,12})").matcher(detail == null ? "" : detail);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
