package dev.skillmark.content.gift;

import dev.skillmark.content.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GIFT question text is one block of markdown; a Skillmark question has a one-line prompt (its heading)
 * and a body. The prompt is the first plain paragraph; the rest, in order, is the body.
 */
record PromptSplit(String prompt, String body) {

    private static final Pattern BLOCK_START = Pattern.compile("^(\\s{4,}|\\s{0,3}([-*+]\\s|\\d+[.)](\\s|$)|>|#{1,6}(\\s|$)|```|~~~|\\|))");
    private static final String NO_PROMPT = "Answer the question below.";

    static PromptSplit of(String markdown, Optional<String> title) {
        List<String> lines = Lines.of(markdown.strip());
        boolean[] fenced = Lines.fenceMask(lines);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size() && end < 0; i++) {
            boolean prose = !fenced[i] && !lines.get(i).isBlank() && !BLOCK_START.matcher(lines.get(i)).find();
            if (start < 0 && prose && (i == 0 || lines.get(i - 1).isBlank())) {
                start = i;
            } else if (start >= 0 && !prose) {
                end = i;
            }
        }
        end = end < 0 ? lines.size() : end;
        var prompt = new ArrayList<String>();
        for (String line : start < 0 ? List.<String>of() : lines.subList(start, end)) {
            prompt.add(withoutHardBreak(line.strip()));
        }
        if (String.join("", prompt).isBlank()) {
            String fallback = title.map(GiftText::plainToMarkdown).map(GiftToBank::oneLine).filter(t -> !t.isBlank())
                    .orElse(NO_PROMPT);
            return new PromptSplit(fallback, GiftText.trimBlankLines(markdown));
        }
        var body = new ArrayList<>(lines.subList(0, start));
        body.addAll(lines.subList(end, lines.size()));
        return new PromptSplit(String.join(" ", prompt), GiftText.trimBlankLines(String.join("\n", body)));
    }

    /** A line break inside the prompt paragraph becomes a space in the heading. */
    private static String withoutHardBreak(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1 ? line.substring(0, line.length() - 1).stripTrailing() : line;
    }
}
