package dev.skillmark.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The query string of a list page, so every link on it (sort, page, export) keeps the filters the page was shown
 * with. Immutable: {@code with} and {@code without} return a new one. Empty values are left out.
 */
public final class QueryString {

    private final Map<String, String> params;

    private QueryString(Map<String, String> params) {
        this.params = params;
    }

    public static QueryString of() {
        return new QueryString(Map.of());
    }

    public QueryString with(String name, Object value) {
        var next = new LinkedHashMap<>(params);
        String text = value == null ? "" : value.toString();
        if (text.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, text);
        }
        return new QueryString(next);
    }

    public QueryString without(String name) {
        return with(name, null);
    }

    /** {@code path?a=1&b=2}, or just the path when there is nothing to add. */
    public String link(String path) {
        String query = toString();
        return query.isEmpty() ? path : path + "?" + query;
    }

    @Override
    public String toString() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
