package dev.skillmark.review;

import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Geometry of the grouped bar chart comparing candidates per skill area, drawn as SVG by the template: each bar is the
 * percent of the points that candidate was offered in the area. Names sit in a column of their own left of the bars,
 * cut to fit with an ellipsis (the full name is the bar's tooltip), so a long name never runs off the chart; the
 * chart is {@link #WIDTH} units wide so its text stays readable on a phone.
 */
public final class CompareChart {

    /** One candidate's bar; {@code offered} is false when the skill area was not in their draw (no bar, a label). */
    public record Bar(int candidate, String label, String shortLabel, boolean offered, int percent, double x, double y,
                      double width) {
        /** What the bar says beside it: its figure. */
        public String text() {
            return offered ? percent + "%" : "not offered";
        }

        /** The tooltip and what a screen reader's text view finds: the full name and the figure. */
        public String title() {
            return label + (offered ? ": " + percent + "%" : ": not offered");
        }
    }

    public record Group(String area, String shortArea, double y, List<Bar> bars) {
    }

    public record Chart(List<Group> groups, double height, List<String> candidates) {
        public double width() {
            return WIDTH;
        }

        public double barsFrom() {
            return BARS_FROM;
        }

        public double namesWidth() {
            return BARS_FROM - 6;
        }
    }

    static final double WIDTH = 400;
    /** Where the bars start: left of it, the names' column. */
    static final double BARS_FROM = 130;
    /** A full bar; the figure after it ("100%") still fits inside {@link #WIDTH}. */
    static final double FULL_BAR = 220;
    static final double BAR = 14;
    static final double GAP = 4;
    /** At 12 px, about this many characters fill the names' column; a clip path cuts off any that are wider. */
    static final int NAME_CHARACTERS = 18;
    /** At 14 px, about this many characters of an area's name fill the chart's width. */
    static final int AREA_CHARACTERS = 52;

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
                String name = r.attempt().candidateName();
                Score score = areas.getOrDefault(r.attempt().id(), Map.of()).get(area);
                int percent = score == null ? 0 : score.percent();
                bars.add(new Bar(i, name, shortened(name, NAME_CHARACTERS), score != null, percent, BARS_FROM,
                        top + i * (BAR + GAP), score == null ? 0 : Math.max(0.5, percent * FULL_BAR / 100)));
            }
            groups.add(new Group(area, shortened(area, AREA_CHARACTERS), y + 14, bars));
            y = top + results.size() * (BAR + GAP) + 10;
        }
        return new Chart(groups, Math.max(40, y), results.stream().map(r -> r.attempt().candidateName()).toList());
    }

    /** {@code text} if it has at most {@code max} characters, else its first ones and an ellipsis, cut at a space when one is near. */
    static String shortened(String text, int max) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        String head = t.substring(0, t.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        if (space >= max / 2) {
            head = head.substring(0, space);
        }
        return head.strip() + "…";
    }
}
