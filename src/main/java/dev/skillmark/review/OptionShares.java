package dev.skillmark.review;

import dev.skillmark.attempt.OptionSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distractor analysis: how often each option was chosen. Options are matched across attempts by their text. */
final class OptionShares {

    private OptionShares() {
    }

    static List<Statistics.OptionShare> of(List<Statistics.Response> list, Map<String, List<OptionSnapshot>> optionsBySlot) {
        var counts = new LinkedHashMap<String, int[]>();
        var correct = new HashMap<String, Boolean>();
        int answered = 0;
        for (var r : list) {
            var options = optionsBySlot.get(r.attemptId() + "#" + r.slot());
            if (options == null) {
                continue;
            }
            options.forEach(o -> {
                counts.putIfAbsent(o.html(), new int[1]);
                correct.put(o.html(), o.correct());
            });
            if (r.response() == null || r.response().isBlank()) {
                continue;
            }
            answered++;
            for (String position : r.response().split(",")) {
                int p = Integer.parseInt(position.strip());
                options.stream().filter(o -> o.position() == p).findFirst().ifPresent(o -> counts.get(o.html())[0]++);
            }
        }
        int total = answered;
        var shares = new ArrayList<Statistics.OptionShare>();
        counts.forEach((html, c) -> shares.add(new Statistics.OptionShare(html, correct.get(html), c[0],
                total == 0 ? 0 : c[0] / (double) total)));
        return shares;
    }
}
