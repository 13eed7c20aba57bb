package dev.skillmark.attempt;

import dev.skillmark.web.Format;
import java.util.ArrayList;
import java.util.List;

/** Geometry for the per-area bar chart, drawn as inline SVG by the result template. */
final class Chart {

    static final int ROW_HEIGHT = 48;

    record Bar(String area, int percent, String detail, int y, double width) {
    }

    record Bars(List<Bar> bars, int height) {
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
