package dev.skillmark.content.gift;

import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GIFT text: backslash escapes, the {@code [format]} prefix, and turning a text into Skillmark markdown.
 * Like Moodle, escaped characters are swapped for placeholders before any structure is read, so an
 * escaped brace or tilde can never end an answer block.
 */
final class GiftText {

    /** How a GIFT text is written; Moodle's default ("moodle" auto-format) is plain text that may hold HTML. */
    enum Format { MOODLE, HTML, PLAIN, MARKDOWN }

    /** A text turned into markdown; {@code markupDropped} when HTML formatting could only be kept as text. */
    record Converted(String markdown, boolean markupDropped) {
    }

    private static final String SPECIAL = "~=#{}:";
    private static final char FIRST_PLACEHOLDER = '\uE000';        // private use: never in real text
    private static final char NEWLINE_PLACEHOLDER = '\uE010';
    private static final Pattern PREFIX = Pattern.compile("^\\[(moodle|html|plain|markdown)\\]");
    // only real HTML elements: "Partial<T>" in a question about generics is text, not markup
    private static final Pattern TAG = Pattern.compile("(?i)</?(a|abbr|b|big|blockquote|br|caption|cite|code|dd|del|"
            + "div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|ol|p|pre|q|s|samp|small|span|strike|strong|sub|sup|table|"
            + "tbody|td|tfoot|th|thead|tr|tt|u|ul|var)(\\s[^<>]*)?/?>");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END_TAG = Pattern.compile("(?i)</(p|div|h[1-6]|pre|li|tr|table|ul|ol|blockquote)>");
    private static final Pattern LIST_ITEM_TAG = Pattern.compile("(?i)<li(\\s[^<>]*)?>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");
    private static final Pattern MARKDOWN_INLINE = Pattern.compile("[\\\\`*_\\[\\]]");
    // "<" and "&" only mean something to markdown as an autolink or an entity, so "Partial<T>" stays as written
    private static final Pattern AUTOLINK_OR_ENTITY = Pattern.compile(
            "[<&](?=[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\\s<>]*>|[^\\s<>@]+@[^\\s<>]+>|#?[a-zA-Z0-9]+;)");
    private static final Pattern MARKDOWN_LINE_START = Pattern.compile("^([#>+=|-]|\\d+[.)])");

    private GiftText() {
    }

    /** Replaces {@code \~ \= \# \{ \} \:} and {@code \n} with placeholders and {@code \\} with a backslash. */
    static String hide(String raw) {
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (c == '\\' && next == '\\') {
                out.append('\\');
                i++;
            } else if (c == '\\' && next != 0 && SPECIAL.indexOf(next) >= 0) {
                out.append((char) (FIRST_PLACEHOLDER + SPECIAL.indexOf(next)));
                i++;
            } else if (c == '\\' && next == 'n') {
                out.append(NEWLINE_PLACEHOLDER);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The literal text behind placeholders made by {@link #hide}. */
    static String reveal(String hidden) {
        var out = new StringBuilder(hidden.length());
        for (char c : hidden.toCharArray()) {
            if (c == NEWLINE_PLACEHOLDER) {
                out.append('\n');
            } else if (c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + SPECIAL.length()) {
                out.append(SPECIAL.charAt(c - FIRST_PLACEHOLDER));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Writes text so that Moodle reads it back unchanged: the reverse of {@link #hide}, newlines included. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (char c : text.replace("\r", "").toCharArray()) {
            if (c == '\\' || SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The format named by a leading {@code [format]}, or the default; the prefix is not part of the text. */
    static Format formatOf(String hidden, Format dflt) {
        Matcher m = PREFIX.matcher(hidden.strip());
        return m.find() ? Format.valueOf(m.group(1).toUpperCase(Locale.ROOT)) : dflt;
    }

    static String withoutPrefix(String hidden) {
        return PREFIX.matcher(hidden.strip()).replaceFirst("");
    }

    /** A hidden GIFT text (prefix and all) as Skillmark markdown. */
    static Converted toMarkdown(String hidden, Format dflt) {
        Format format = formatOf(hidden, dflt);
        String text = reveal(withoutPrefix(hidden)).strip();
        boolean hasTags = TAG.matcher(text).find();
        return switch (format) {
            case MARKDOWN -> new Converted(text, false);
            case PLAIN -> new Converted(plainToMarkdown(text), false);
            // Moodle's auto-format renders HTML it finds, so tags in it are formatting too
            case HTML, MOODLE -> new Converted(plainToMarkdown(htmlToText(text)), hasTags);
        };
    }

    /** Plain text as markdown that renders the same characters and line breaks. */
    static String plainToMarkdown(String text) {
        var lines = new ArrayList<String>();
        for (String line : text.strip().split("\n", -1)) {
            String escaped = MARKDOWN_INLINE.matcher(line.strip()).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
            escaped = AUTOLINK_OR_ENTITY.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
            Matcher start = MARKDOWN_LINE_START.matcher(escaped);
            if (start.find()) {
                String marker = start.group(1);
                escaped = Character.isDigit(marker.charAt(0))
                        ? marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1)
                          + escaped.substring(marker.length())
                        : "\\" + escaped;
            }
            lines.add(escaped);
        }
        // a single newline in plain text is a line break; in markdown it would be a space
        var out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i));
            if (i + 1 < lines.size()) {
                boolean breakWithin = !lines.get(i).isEmpty() && !lines.get(i + 1).isEmpty();
                out.append(breakWithin ? "\\\n" : "\n");
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** Drops blank lines at both ends but keeps the first line's indentation, which can make it code. */
    static String trimBlankLines(String text) {
        return text.replaceFirst("^(\\s*\\n)+", "").stripTrailing();
    }

    static String htmlToText(String html) {
        String text = LINE_BREAK_TAG.matcher(html).replaceAll("\n");
        text = LIST_ITEM_TAG.matcher(text).replaceAll("- ");
        text = BLOCK_END_TAG.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        return decodeEntities(text).replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    static String decodeEntities(String text) {
        String decoded = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            String n = m.group(1);
            try {
                int code = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
                return Matcher.quoteReplacement(new String(Character.toChars(code)));
            } catch (IllegalArgumentException e) {
                return Matcher.quoteReplacement(m.group());     // not a character: keep it as written
            }
        });
        return decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
