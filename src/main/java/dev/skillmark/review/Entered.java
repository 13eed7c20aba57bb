package dev.skillmark.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a grader typed and ticked on a grading form that was refused, so the form comes back as they left it. */
public record Entered(String attemptId, int slot, List<Integer> ticks, String points, String comment) {

    public boolean matches(String attemptId, int slot) {
        return this.attemptId.equals(attemptId) && this.slot == slot;
    }

    static Entered of(String attemptId, int slot, Optional<Map<Integer, String>> ticks, String points, String comment) {
        var list = new ArrayList<Integer>();
        ticks.ifPresent(t -> {
            int last = t.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            for (int i = 0; i <= Math.min(last, 200); i++) {
                String v = t.getOrDefault(i, "0").strip();
                list.add(v.matches("\\d{1,3}") ? Integer.parseInt(v) : 0);
            }
        });
        return new Entered(attemptId, slot, List.copyOf(list), points == null ? "" : points, comment == null ? "" : comment);
    }
}
