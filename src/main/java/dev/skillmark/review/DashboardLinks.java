package dev.skillmark.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Links that keep the dashboard's filters in the URL: to sort by a column, to another page, to the CSV. */
public final class DashboardLinks {

    private final Dashboard.Filter filter;

    DashboardLinks(Dashboard.Filter filter) {
        this.filter = filter;
    }

    /** Sorting by a column starts again at page 1; the current column's link turns the order around. */
    public String sort(String column) {
        var p = filters();
        p.put("sort", column);
        p.put("dir", column.equals(filter.sort()) && !filter.descending() ? "desc" : "asc");
        return "/review" + query(p);
    }

    public String page(int page) {
        var p = filters();
        p.put("sort", filter.sort());
        p.put("dir", filter.descending() ? "desc" : "asc");
        p.put("page", String.valueOf(page));
        return "/review" + query(p);
    }

    public String csv() {
        var p = filters();
        p.put("sort", filter.sort());
        p.put("dir", filter.descending() ? "desc" : "asc");
        return "/review/export.csv" + query(p);
    }

    private Map<String, String> filters() {
        var p = new LinkedHashMap<String, String>();
        p.put("q", filter.search());
        p.put("quiz", filter.quiz());
        p.put("status", filter.status());
        p.put("from", filter.from());
        p.put("to", filter.to());
        p.put("practice", filter.includePractice() ? "on" : null);
        p.put("tz", filter.zone());
        return p;
    }

    private static String query(Map<String, String> params) {
        var joiner = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                joiner.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return joiner.length() == 1 ? "" : joiner.toString();
    }
}
