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
 * answer it replaces. Bounded so a heap of -Xmx256m holds it: 5,000 attempts of 30 questions are about 60 MB at most.
 * An id without slots (no such attempt) is read each time and never cached, so made-up ids cannot fill the cache.
 */
final class AttemptSnapshots {

    private final Jdbi jdbi;
    private final Cache<String, Snapshot> cache = Caffeine.newBuilder().maximumSize(5_000).build();

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
