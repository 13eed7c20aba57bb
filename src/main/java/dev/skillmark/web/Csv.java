package dev.skillmark.web;

import java.util.List;

/**
 * CSV for spreadsheets. A cell that starts with =, +, -, @, a tab or a carriage return is prefixed
 * with an apostrophe, so a spreadsheet shows it as text instead of running it as a formula. A cell
 * is quoted when it holds a separator any locale's spreadsheet may split on ({@code ,} or {@code ;}),
 * a quote, a tab or a line break.
 */
public final class Csv {

    private Csv() {
    }

    public static String write(List<List<String>> rows) {
        var out = new StringBuilder();
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Plain text from HTML that Skillmark rendered, for a spreadsheet cell. */
    public static String text(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.chars().anyMatch(c -> ",;\"\t\n\r".indexOf(c) >= 0)) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
