package dev.skillmark.review;

import dev.skillmark.attempt.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** Reads an attempt's event timeline for integrity signals. Pure. */
final class Timeline {

    /** Several different questions saved within this window count as one burst. */
    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    static final int BURST_SIZE = 4;

    private Timeline() {
    }

    static Reviews.Signals signals(List<Event> events) {
        int focus = 0;
        long away = 0;
        int pastes = 0;
        int changes = 0;
        int bursts = 0;
        var window = new ArrayDeque<Event>();
        long lastBurstEnd = -1;
        for (var e : events) {
            switch (e.type()) {
                case FOCUS_LOST -> {
                    focus++;
                    away += leadingNumber(e.detail());
                }
                case PASTE -> pastes++;
                case CLIENT_CHANGED -> changes++;
                case SAVED -> {
                    window.addLast(e);
                    while (e.at() - window.peekFirst().at() > BURST_WINDOW.toMillis()) {
                        window.removeFirst();
                    }
                    long distinct = window.stream().map(Event::slot).distinct().count();
                    if (distinct >= BURST_SIZE && window.peekFirst().at() > lastBurstEnd) {
                        bursts++;
                        lastBurstEnd = e.at();
                        window.clear();
                    }
                }
                default -> {
                }
            }
        }
        return new Reviews.Signals(focus, Duration.ofMillis(away), pastes, changes, bursts);
    }

    private static long leadingNumber(String detail) {
        var m = java.util.regex.Pattern.compile("^(\\d{1,12})").matcher(detail == null ? "" : detail);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
