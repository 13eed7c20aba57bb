package dev.skillmark.review;

import dev.skillmark.quiz.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * A quiz's score distribution in ten bands of whole percents (0–9, …, 80–89, 90–100), with the geometry
 * of its server-rendered SVG bars: x and width along the {@link #WIDTH} wide chart, height out of {@link #BARS}.
 */
record Histogram(List<Band> bands, int most) {

    static final int WIDTH = 560;
    static final int BARS = 180;
    static final int LEFT = 40;
    static final int STEP = 50;

    record Band(String label, int count, int x, int y, int height) {
        /** The band under its bar, without the percent sign the axis title carries. */
        public String axisLabel() {
            return label.replace("%", "");
        }

        public int labelX() {
            return x + 20;
        }

        public int countY() {
            return y - 6;
        }
    }

    static Histogram of(List<Score> scores) {
        int[] counts = new int[10];
        scores.forEach(s -> counts[Math.min(9, s.percent() / 10)]++);
        int most = 0;
        for (int c : counts) {
            most = Math.max(most, c);
        }
        var bands = new ArrayList<Band>();
        for (int i = 0; i < 10; i++) {
            int height = most == 0 ? 0 : Math.round((float) counts[i] * BARS / most);
            bands.add(new Band(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9) + "%", counts[i], LEFT + i * STEP, 20 + BARS - height, height));
        }
        return new Histogram(List.copyOf(bands), most);
    }

    /** The chart in words, for its SVG description. */
    public String description() {
        return "Finished attempts per band of 10 percentage points: "
                + String.join(", ", bands.stream().map(b -> b.label() + ": " + b.count()).toList())
                + ". The table below has the same figures.";
    }

    /** The y of the chart's base line. */
    public int base() {
        return 20 + BARS;
    }
}
