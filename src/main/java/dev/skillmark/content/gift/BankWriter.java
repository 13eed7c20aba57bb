package dev.skillmark.content.gift;

import dev.skillmark.content.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Writes a Skillmark bank file, keeping text that would read as bank syntax from being read as such. */
final class BankWriter {

    // lines the bank parser would take for an option, an answer, a rubric or the next question
    private static final Pattern TASK = Pattern.compile("^( {0,3}[-*+]\\s+)(\\[[ xX]\\]\\s.*)$");
    private static final Pattern ANSWER_OR_RUBRIC = Pattern.compile("^(Answer|Rubric):(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    private BankWriter() {
    }

    static String write(String title, String summary, List<BankQuestion> questions) {
        var out = new StringBuilder();
        out.append("---\n").append("title: ").append(yamlString(title)).append('\n');
        if (!summary.isBlank()) {
            out.append("summary: ").append(yamlString(summary)).append('\n');
        }
        out.append("---\n");
        for (BankQuestion q : questions) {
            out.append('\n');
            question(q, out);
        }
        return out.toString();
    }

    private static void question(BankQuestion q, StringBuilder out) {
        out.append("## ").append(q.prompt()).append(" {#").append(q.id());
        if (!q.type().equals("single")) {
            out.append(" type=").append(q.type());
        }
        q.difficulty().ifPresent(d -> out.append(" difficulty=").append(d.label()));
        if (q.points() != 1) {
            out.append(" points=").append(q.points());
        }
        if (!q.tags().isEmpty()) {
            out.append(" tags=").append(String.join(",", q.tags()));
        }
        if (q.verifyOutput()) {
            out.append(" verify=output");
        }
        out.append("}\n");
        if (!q.body().isBlank()) {
            out.append('\n').append(safeBody(q.body())).append('\n');
        }
        if (!q.options().isEmpty()) {
            out.append('\n');
            for (var option : q.options()) {
                var lines = option.text().strip().lines().filter(l -> !l.isBlank()).toList();
                out.append("- [").append(option.correct() ? 'x' : ' ').append("] ").append(lines.isEmpty() ? "" : lines.get(0));
                // four spaces: continuation lines can never be mistaken for the next option
                lines.stream().skip(1).forEach(l -> out.append("\n    ").append(l.strip()));
                out.append('\n');
            }
        }
        q.answerLine().ifPresent(a -> out.append("\nAnswer: ").append(a).append('\n'));
        if (!q.explanation().isBlank()) {
            out.append('\n');
            q.explanation().strip().lines().forEach(l -> out.append(l.isBlank() ? ">" : "> " + l).append('\n'));
        }
    }

    /** Escapes, outside code blocks, lines the bank parser would otherwise take for bank syntax. */
    static String safeBody(String markdown) {
        var lines = new ArrayList<>(Lines.of(GiftText.trimBlankLines(markdown)));
        var fenced = Lines.fenceMask(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) {
                continue;
            }
            String line = lines.get(i);
            if (line.startsWith("## ") || line.equals("##")) {
                line = "\\" + line;
            }
            line = TASK.matcher(line).replaceFirst("$1\\\\$2");
            line = ANSWER_OR_RUBRIC.matcher(line).replaceFirst("$1\\\\:$2");
            lines.set(i, line);
        }
        closeOpenFence(lines);
        return String.join("\n", lines);
    }

    /** A code block left open would swallow the options and the Answer: line after it. */
    private static void closeOpenFence(List<String> lines) {
        String open = null;
        for (String line : lines) {
            var m = FENCE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (open == null && !(m.group(1).charAt(0) == '`' && m.group(2).contains("`"))) {
                open = m.group(1);
            } else if (open != null && m.group(1).charAt(0) == open.charAt(0) && m.group(1).length() >= open.length()
                    && m.group(2).isBlank()) {
                open = null;
            }
        }
        if (open != null) {
            lines.add(open);
        }
    }

    private static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }
}
