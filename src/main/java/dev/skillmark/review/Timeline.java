package dev.skillmark.review;

import dev.skillmark.attempt.Event;
import java.time.Duration;
import java.util.List;

/** Reads an attempt's event timeline: the time away from the page (the counts come from {@link DashboardDao#signals}). Pure. */
final class Timeline {

    private Timeline() {
    }

    /** How long the page was hidden or out of focus in all, as the page script reported it. */
    static Duration awayFor(List<Event> events) {
        long away = 0;
        for (var e : events) {
            if (e.type() == dev.skillmark.attempt.EventType.FOCUS_LOST) {
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
