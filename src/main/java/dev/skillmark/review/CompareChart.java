package dev.skillmark.review;

import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Geometry of the grouped bar chart comparing candidates per skill area, drawn as SVG by the template: each bar is the
 * percent of the points that candidate was offered in the area.
 */
public final class CompareChart {

    /** One candidate's bar; {@code offered} is false when the skill area was not in their draw (no bar, a label). */
    public record Bar(int candidate, String label, boolean offered, int percent, double x, double y, double width) {
        /** What the bar says beside it: the candidate and their figure. */
        public String text() {
            return label + (offered ? " " + percent + "%" : ": not offered");
        }
    }

    public record Group(String area, double y, List<Bar> bars) {
    }

    public record Chart(List<Group> groups, double height, List<String> candidates) {
    }

    static final double BAR = 14;
    static final double GAP = 4;

    private CompareChart() {
    }

    static Chart of(List<Views.Result> results, Map<String, Map<String, Score>> areas, List<String> areaNames) {
        var groups = new ArrayList<Group>();
        double y = 0;
        for (String area : areaNames) {
            var bars = new ArrayList<Bar>();
            double top = y + 20;
            for (int i = 0; i < results.size(); i++) {
                var r = results.get(i);
                Score score = areas.getOrDefault(r.attempt().id(), Map.of()).get(area);
                int percent = score == null ? 0 : score.percent();
                bars.add(new Bar(i, r.attempt().candidateName(), score != null, percent, 0, top + i * (BAR + GAP),
                        score == null ? 0 : Math.max(0.5, percent * 4.4)));
            }
            groups.add(new Group(area, y + 14, bars));
            y = top + results.size() * (BAR + GAP) + 10;
        }
        return new Chart(groups, Math.max(40, y), results.stream().map(r -> r.attempt().candidateName()).toList());
    }
}
