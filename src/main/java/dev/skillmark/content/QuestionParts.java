package dev.skillmark.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question block split into its body, options, {@code Answer:} line, rubric and explanation, all as the
 * markdown the trainer wrote. The bank parser validates and renders it; the GIFT export reuses the text.
 */
public record QuestionParts(String body, List<OptionLine> options, Optional<TextAt> answerLine, Optional<TextAt> rubric,
                            Optional<TextAt> modelAnswer, String explanation) {

    public record OptionLine(String text, boolean correct, int line) {
    }

    public record TextAt(String text, int line) {
    }

    static final Pattern HEADING = Pattern.compile("^##\\s+(.*?)\\s*(?:\\{([^{}]*)\\})?\\s*$");
    static final Pattern TASK = Pattern.compile("^ {0,3}[-*+]\\s+\\[([ xX])\\]\\s+(.*)$");
    static final Pattern ANSWER = Pattern.compile("^Answer:\\s*(.*)$");
    static final Pattern RUBRIC = Pattern.compile("^Rubric:\\s*$");
    static final Pattern MODEL = Pattern.compile("^Model answer:\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^ {0,3}[-*+]\\s+.*$");

    /** The prompt of a question heading line (without its {#id ...}), if the line is a question heading. */
    public static Optional<String> prompt(String headingLine) {
        Matcher m = HEADING.matcher(headingLine);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    /** Splits a question block (its heading line first); problems are added with their file lines. */
    public static QuestionParts split(String file, Lines.Block block, List<Problem> problems) {
        var lines = block.lines().subList(1, block.lines().size());
        var fenced = Lines.fenceMask(lines);
        int answerStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!fenced[i] && (TASK.matcher(l).matches() || ANSWER.matcher(l).matches() || RUBRIC.matcher(l).matches()
                    || MODEL.matcher(l).matches())) {
                answerStart = i;
                break;
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
            return new QuestionParts(String.join("\n", lines.subList(0, start)), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), unquote(lines.subList(start, end)));
        }
        var options = new ArrayList<OptionLine>();
        TextAt answer = null;
        int rubricLine = -1;
        var rubric = new ArrayList<String>();
        var explanation = new ArrayList<String>();
        int modelLine = -1;
        var model = new ArrayList<String>();
        String section = "";
        for (int i = answerStart; i < lines.size(); i++) {
            String l = lines.get(i);
            int lineNo = block.firstLine() + 1 + i;
            Matcher m;
            if (l.isBlank()) {
                if (section.equals("rubric")) {
                    rubric.add("");
                } else if (section.equals("model")) {
                    model.add("");
                }
                continue;
            }
            if (section.equals("model") && (fenced[i] || !l.startsWith(">"))) {
                model.add(l); // any markdown, code included, up to the explanation's block quote
                continue;
            }
            if (!explanation.isEmpty() || (l.startsWith(">") && !section.equals("explanation"))) {
                if (!l.startsWith(">")) {
                    problems.add(new Problem(file, lineNo, "unexpected text after the explanation: "
                            + "the explanation block quote ends the question"));
                    break;
                }
                section = "explanation";
                explanation.add(l);
            } else if ((m = TASK.matcher(l)).matches()) {
                section = "options";
                options.add(new OptionLine(m.group(2).strip(), !m.group(1).isBlank(), lineNo));
            } else if ((m = ANSWER.matcher(l)).matches()) {
                if (answer != null) {
                    problems.add(new Problem(file, lineNo, "a second 'Answer:' line: put all keys on one line, separated by ' | '"));
                }
                section = "answer";
                answer = new TextAt(m.group(1), lineNo);
                int fence = i + 1;
                while (fence < lines.size() && lines.get(fence).isBlank()) {
                    fence++;
                }
                if (m.group(1).isBlank() && fence < lines.size() && FENCE.matcher(lines.get(fence)).matches()) {
                    // "Answer:" alone, then a fenced block: one key of several lines (what a program prints)
                    int end = fence + 1;
                    while (end < lines.size() && fenced[end] && !FENCE.matcher(lines.get(end)).matches()) {
                        end++;
                    }
                    if (end >= lines.size()) {
                        problems.add(new Problem(file, block.firstLine() + 1 + fence, "the answer's code block is not closed"));
                    }
                    // ends with a line break, even for a block of one line: the parser tells a block key by it
                    answer = new TextAt(String.join("\n", lines.subList(fence + 1, Math.min(end, lines.size()))) + "\n", lineNo);
                    i = end;
                }
            } else if (RUBRIC.matcher(l).matches()) {
                section = "rubric";
                rubricLine = lineNo;
            } else if (MODEL.matcher(l).matches()) {
                if (modelLine >= 0) {
                    problems.add(new Problem(file, lineNo, "a second 'Model answer:' section"));
                }
                section = "model";
                modelLine = lineNo;
            } else if (section.equals("rubric") && (LIST_ITEM.matcher(l).matches() || l.startsWith("  "))) {
                rubric.add(l);
            } else if (section.equals("options") && l.startsWith("  ") && !options.isEmpty()) {
                var last = options.remove(options.size() - 1);
                options.add(new OptionLine(last.text() + "\n" + l.strip(), last.correct(), last.line()));
            } else {
                problems.add(new Problem(file, lineNo, "unexpected text in the answer part: after the options or "
                        + "'Answer:' only a block quote (the explanation) may follow"));
            }
        }
        return new QuestionParts(String.join("\n", lines.subList(0, answerStart)), options, Optional.ofNullable(answer),
                rubricLine < 0 ? Optional.empty() : Optional.of(new TextAt(String.join("\n", rubric).strip(), rubricLine)),
                modelLine < 0 ? Optional.empty() : Optional.of(new TextAt(String.join("\n", model).strip(), modelLine)),
                unquote(explanation));
    }

    private static String unquote(List<String> quoted) {
        return String.join("\n", quoted.stream().map(l -> l.replaceFirst("^> ?", "")).toList()).strip();
    }
}
