package dev.skillmark.attempt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Time each question was on screen: from a "shown" event to the next page shown or the end. Pure. */
public final class TimeSpent {

    private TimeSpent() {
    }

    public static Map<Integer, Duration> perSlot(List<Event> events) {
        var spent = new TreeMap<Integer, Duration>();
        Integer current = null;
        long since = 0;
        for (var e : events) {
            boolean end = e.type() == EventType.SUBMITTED || e.type() == EventType.EXPIRED;
            if (current != null && (e.type() == EventType.SHOWN || end)) {
                spent.merge(current, Duration.ofMillis(e.at() - since), Duration::plus);
                current = null;
            }
            if (e.type() == EventType.SHOWN && e.slot() != null) {
                current = e.slot();
                since = e.at();
            }
            if (end) {
                break;
            }
        }
        return spent;
    }

    /**
     * The same for a timeline that ends at {@code endAt}: as if the finalisation's event were already in it, after every
     * event up to that time (the table orders events by time, then by id, and the finalisation's is the newest).
     */
    public static Map<Integer, Duration> perSlot(List<Event> events, long endAt) {
        var ended = new ArrayList<Event>(events.size() + 1);
        for (var e : events) {
            if (e.at() > endAt) {
                break;
            }
            ended.add(e);
        }
        ended.add(new Event(0, null, endAt, EventType.SUBMITTED, null, ""));
        return perSlot(ended);
    }
}
