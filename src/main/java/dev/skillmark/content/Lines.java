package dev.skillmark.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level reading of markdown that knows which lines are inside fenced code blocks. */
public final class Lines {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /** A run of lines starting at a heading; {@code firstLine} is the heading's 1-based line. */
    public record Block(int firstLine, List<String> lines) {
    }

    private Lines() {
    }

    public static List<String> of(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        return List.of(normalised.split("\n", -1));
    }

    /** For each line, whether it belongs to a fenced code block (fence lines included). */
    public static boolean[] fenceMask(List<String> lines) {
        var mask = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (open == null) {
                if (m.matches() && !(m.group(1).charAt(0) == '`' && m.group(2).contains("`"))) {
                    open = m.group(1);
                    mask[i] = true;
                }
            } else {
                mask[i] = true;
                if (m.matches() && m.group(1).charAt(0) == open.charAt(0) && m.group(1).length() >= open.length()
                        && m.group(2).isBlank()) {
                    open = null;
                }
            }
        }
        return mask;
    }

    /** Splits at {@code ## } headings outside code blocks; text before the first heading is dropped. */
    public static List<Block> splitAtHeadings(List<String> lines, int firstLineNumber) {
        var mask = fenceMask(lines);
        var blocks = new ArrayList<Block>();
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean heading = i < lines.size() && !mask[i] && lines.get(i).startsWith("## ");
            if (heading || i == lines.size()) {
                if (start >= 0) {
                    blocks.add(new Block(firstLineNumber + start, List.copyOf(lines.subList(start, i))));
                }
                start = i;
            }
        }
        return blocks;
    }
}
