package dev.skillmark.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Attempt snapshots (slots and options) never change once written, so they are cached on every instance, by
 * attempt id: a question page then reads only the attempt row and its answers, and a save only the attempt and the
 * answer it replaces. Bounded by weight to an eighth of the heap: a snapshot takes about {@value #BYTES_PER_PART} bytes
 * per slot and per option (12.4 KB for 30 questions and their 111 options, measured over 3,000 attempts), so the cache
 * holds about 2,600 such attempts at -Xmx256m and 60,000 at 6 GB. (It held 5,000 whatever the heap: under 10,000 live
 * attempts most page views missed, and reading the snapshot back was 45% of the question page's time.)
 * An id without slots (no such attempt) is read each time and never cached, so made-up ids cannot fill the cache.
 */
final class AttemptSnapshots {

    /** The heap a cached snapshot takes per slot and per option, measured (see above). */
    static final int BYTES_PER_PART = 90;

    private final Jdbi jdbi;
    private final Cache<String, Snapshot> cache = Caffeine.newBuilder()
            .maximumWeight(Runtime.getRuntime().maxMemory() / 8 / BYTES_PER_PART)
            .weigher((String id, Snapshot snapshot) -> snapshot.parts())
            .build();

    AttemptSnapshots(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An attempt's frozen questions (in slot order) and their options, by slot. */
    record Snapshot(Map<Integer, SlotSnapshot> slots, Map<Integer, List<OptionSnapshot>> options) {
        Optional<SlotSnapshot> slot(int slot) {
            return Optional.ofNullable(slots.get(slot));
        }

        List<OptionSnapshot> options(int slot) {
            return options.getOrDefault(slot, List.of());
        }

        /** Its slots and options: what the cache weighs it by. */
        int parts() {
            return slots.size() + options.values().stream().mapToInt(List::size).sum();
        }
    }

    private static Map<Integer, SlotSnapshot> inSlotOrder(List<SlotSnapshot> slots) {
        var bySlot = new LinkedHashMap<Integer, SlotSnapshot>();
        slots.forEach(q -> bySlot.put(q.slot(), q));
        return Collections.unmodifiableMap(bySlot);
    }

    /** The attempt's snapshot, read once (two queries) and then served from memory. */
    Snapshot of(String attemptId) {
        var cached = cache.getIfPresent(attemptId);
        if (cached != null) {
            return cached;
        }
        var read = jdbi.withExtension(AttemptDao.class, dao -> new Snapshot(
                // in slot order (the query's): grading and the result page walk the values as they are
                inSlotOrder(dao.slots(attemptId)),
                dao.options(attemptId).stream().collect(Collectors.groupingBy(OptionSnapshot::slot, Collectors.toUnmodifiableList()))));
        if (!read.slots().isEmpty()) {
            cache.put(attemptId, read);
        }
        return read;
    }
}
