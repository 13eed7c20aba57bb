package dev.skillmark.attempt;

import dev.skillmark.web.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry for the per-area bar chart, drawn as inline SVG by the result template. Public, with the positions the
 * template draws at computed here, so each of its expressions is a plain accessor chain (read without OGNL).
 */
public final class Chart {

    static final int ROW_HEIGHT = 48;

    /** One area's bar: {@code y} is the top of its row, {@code width} its length on the 0..100 scale. */
    public record Bar(String area, int percent, String detail, int y, double width) {
        /** The baseline of the area's label. */
        public int labelY() {
            return y + 14;
        }

        /** The top of the track and of the bar. */
        public int barY() {
            return y + 22;
        }

        /** The bar's length in the 560-unit track. */
        public double trackWidth() {
            return width * 5.6;
        }
    }

    public record Bars(List<Bar> bars, int height) {
    }

    private Chart() {
    }

    /** Bars on a 0..100 scale; the template scales them with a viewBox, so no inline styles are needed. */
    static Bars bars(List<Views.AreaScore> areas) {
        var bars = new ArrayList<Bar>();
        int y = 0;
        for (var area : areas) {
            String detail = Format.INSTANCE.points(area.score().points()) + " of " + Format.INSTANCE.points(area.score().max()) + " points";
            bars.add(new Bar(area.area(), area.score().percent(), detail, y, Math.max(0.5, area.score().percent())));
            y += ROW_HEIGHT;
        }
        return new Bars(bars, Math.max(ROW_HEIGHT, y));
    }
}
