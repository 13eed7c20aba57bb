package dev.skillmark.content.gift;

import dev.skillmark.content.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markdown a question was written in, split the way the bank parser splits it, so an export carries
 * the trainer's own text rather than HTML turned back into text. What the text means (which option is
 * correct, the keys) is taken from the loaded question, not from here.
 */
record SourceQuestion(String prompt, String body, List<String> options, String explanation, boolean hasRubric) {

    private static final Pattern HEADING = Pattern.compile("^##\\s+(.*?)\\s*(?:\\{([^{}]*)\\})?\\s*$");
    private static final Pattern TASK = Pattern.compile("^ {0,3}[-*+]\\s+\\[([ xX])\\]\\s+(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^Answer:\\s*(.*)$");
    private static final Pattern RUBRIC = Pattern.compile("^Rubric:\\s*$");

    SourceQuestion {
        options = List.copyOf(options);
    }

    /** Reads a question block: its {@code ##} heading line and the lines up to the next question. */
    static Optional<SourceQuestion> read(Lines.Block block) {
        Matcher heading = HEADING.matcher(block.lines().get(0));
        if (!heading.matches()) {
            return Optional.empty();
        }
        String prompt = heading.group(1).strip();
        var lines = block.lines().subList(1, block.lines().size());
        var fenced = Lines.fenceMask(lines);
        int answerStart = -1;
        for (int i = 0; i < lines.size() && answerStart < 0; i++) {
            String l = lines.get(i);
            if (!fenced[i] && (TASK.matcher(l).matches() || ANSWER.matcher(l).matches() || RUBRIC.matcher(l).matches())) {
                answerStart = i;
            }
        }
        if (answerStart < 0) {
            // no answer part (an essay without rubric): a trailing block quote is the explanation
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
            int start = end;
            while (start > 0 && !fenced[start - 1] && lines.get(start - 1).startsWith(">")) {
                start--;
            }
            return Optional.of(new SourceQuestion(prompt, text(lines.subList(0, start)), List.of(),
                    unquote(lines.subList(start, end)), false));
        }
        var options = new ArrayList<String>();
        var explanation = new ArrayList<String>();
        boolean rubric = false;
        String section = "";
        for (String l : lines.subList(answerStart, lines.size())) {
            Matcher m;
            if (l.isBlank()) {
                continue;
            }
            if (!explanation.isEmpty() || (l.startsWith(">") && !section.equals("explanation"))) {
                section = "explanation";
                explanation.add(l);
            } else if ((m = TASK.matcher(l)).matches()) {
                section = "options";
                options.add(m.group(2).strip());
            } else if (ANSWER.matcher(l).matches()) {
                section = "answer";
            } else if (RUBRIC.matcher(l).matches()) {
                section = "rubric";
                rubric = true;
            } else if (section.equals("options") && l.startsWith("  ") && !options.isEmpty()) {
                options.set(options.size() - 1, options.get(options.size() - 1) + "\n" + l.strip());
            }
        }
        return Optional.of(new SourceQuestion(prompt, text(lines.subList(0, answerStart)), options,
                unquote(explanation), rubric));
    }

    private static String text(List<String> lines) {
        return GiftText.trimBlankLines(String.join("\n", lines));
    }

    private static String unquote(List<String> quoted) {
        return String.join("\n", quoted.stream().map(l -> l.replaceFirst("^> ?", "")).toList()).strip();
    }
}
