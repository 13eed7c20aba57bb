package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeSpentTest {

    /**
     * The finalisation computes the time spent before it writes its event: for any timeline and any end, that must be
     * what the timeline with the end event stored (ordered by time, then id, the end newest) gives.
     */
    @Test
    void the_time_spent_up_to_an_end_is_the_time_spent_of_the_timeline_with_its_end_event() {
        var random = new Random(11);
        var types = List.of(EventType.SHOWN, EventType.SHOWN, EventType.SHOWN, EventType.FOCUS_LOST, EventType.PASTE);
        for (int trial = 0; trial < 2_000; trial++) {
            var events = new ArrayList<Event>();
            long at = 1_000;
            for (int i = 0, n = random.nextInt(12); i < n; i++) {
                at += random.nextInt(3) == 0 ? 0 : random.nextInt(5_000); // some events share a millisecond
                var type = types.get(random.nextInt(types.size()));
                events.add(new Event(i + 1, "a", at, type, type == EventType.SHOWN ? 1 + random.nextInt(4) : null, ""));
            }
            // sometimes in the same millisecond as an event, sometimes before the last event
            long end = !events.isEmpty() && random.nextBoolean() ? events.get(random.nextInt(events.size())).at()
                    : 1_000 + random.nextInt(Math.toIntExact(at - 1_000 + 2_000));
            var stored = new ArrayList<>(events);
            stored.add(new Event(events.size() + 1, "a", end, EventType.SUBMITTED, null, ""));
            stored.sort(Comparator.comparingLong(Event::at).thenComparingLong(Event::id));

            assertThat(TimeSpent.perSlot(events, end)).as("trial %d: %s ending at %d", trial, events, end)
                    .isEqualTo(TimeSpent.perSlot(stored));
        }
    }
}
