package dev.skillmark.review;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads an attempt's event timeline: time spent per question, and integrity signals. Pure. */
final class Timeline {

    /** Several different questions saved within this window count as one burst. */
    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    static final int BURST_SIZE = 4;

    private Timeline() {
    }

    /** Time from each "shown" event to the next page shown or the end, added to that question. */
    static Map<Integer, Duration> timePerSlot(List<ReviewDao.EventRow> events) {
        var spent = new TreeMap<Integer, Duration>();
        Integer current = null;
        long since = 0;
        for (var e : events) {
            boolean end = e.type().equals("submitted") || e.type().equals("expired");
            if (current != null && (e.type().equals("shown") || end)) {
                spent.merge(current, Duration.ofMillis(e.at() - since), Duration::plus);
                current = null;
            }
            if (e.type().equals("shown") && e.slot() != null) {
                current = e.slot();
                since = e.at();
            }
            if (end) {
                break;
            }
        }
        return spent;
    }

    static Reviews.Signals signals(List<ReviewDao.EventRow> events) {
        int focus = 0;
        long away = 0;
        int pastes = 0;
        int changes = 0;
        int bursts = 0;
        var window = new ArrayDeque<ReviewDao.EventRow>();
        long lastBurstEnd = -1;
        for (var e : events) {
            switch (e.type()) {
                case "focus_lost" -> {
                    focus++;
                    away += leadingNumber(e.detail());
                }
                case "paste" -> pastes++;
                case "client_changed" -> changes++;
                case "saved" -> {
                    window.addLast(e);
                    while (e.at() - window.peekFirst().at() > BURST_WINDOW.toMillis()) {
                        window.removeFirst();
                    }
                    long distinct = window.stream().map(ReviewDao.EventRow::slot).distinct().count();
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
