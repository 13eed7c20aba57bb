package dev.skillmark.content;

import dev.skillmark.quiz.RubricLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an essay's rubric line by line. Each line ends with its points, {@code (2 points)}, optionally
 * {@code (2 points, award if 3 of 5)}; a line starting {@code Red flag:} names a deduction to weigh and
 * carries none. The points of the lines must add up to the question's points.
 */
final class Rubrics {

    private static final Pattern ITEM = Pattern.compile("^ {0,3}[-*+]\\s+(.*)$");
    private static final Pattern POINTS = Pattern.compile(
            "\\s*\\((\\d+) points?(?:\\s*[,;]\\s*award if (\\d+) of (\\d+))?\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RED_FLAG = Pattern.compile("^red flag:", Pattern.CASE_INSENSITIVE);

    private Rubrics() {
    }

    static List<RubricLine> parse(String file, QuestionParts.TextAt rubric, int questionPoints, Markdown markdown,
                                  List<Problem> problems) {
        record Item(String text, int line) {
        }
        var items = new ArrayList<Item>();
        String[] lines = rubric.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ITEM.matcher(lines[i]);
            if (m.matches()) {
                items.add(new Item(m.group(1).strip(), rubric.line() + 1 + i));
            } else if (!lines[i].isBlank() && !items.isEmpty()) {
                var last = items.remove(items.size() - 1);
                items.add(new Item(last.text() + " " + lines[i].strip(), last.line()));
            }
        }
        var parsed = new ArrayList<RubricLine>();
        int sum = 0;
        for (var item : items) {
            boolean redFlag = RED_FLAG.matcher(item.text()).find();
            Matcher m = POINTS.matcher(item.text());
            if (!m.find()) {
                if (!redFlag) {
                    problems.add(new Problem(file, item.line(), "this rubric line has no points: end it with "
                            + "(1 point), (2 points) or (2 points, award if 3 of 5); a deduction starts with 'Red flag:'"));
                }
                parsed.add(new RubricLine(markdown.renderInline(item.text()), 0, Optional.empty(), redFlag));
                continue;
            }
            int points = Integer.parseInt(m.group(1));
            Optional<RubricLine.NOfM> awardIf = Optional.empty();
            if (m.group(2) != null) {
                int n = Integer.parseInt(m.group(2));
                int of = Integer.parseInt(m.group(3));
                if (n < 1 || n > of || of < 2) {
                    problems.add(new Problem(file, item.line(), "'award if " + n + " of " + of
                            + "' needs 1 <= N <= M and M >= 2"));
                }
                awardIf = Optional.of(new RubricLine.NOfM(n, of));
            }
            if (redFlag) {
                problems.add(new Problem(file, item.line(), "a red flag carries no points: weigh it within the other lines"));
            }
            sum += points;
            String text = item.text().substring(0, m.start()).strip();
            parsed.add(new RubricLine(markdown.renderInline(text), points, awardIf, redFlag));
        }
        if (items.isEmpty()) {
            problems.add(new Problem(file, rubric.line(), "the rubric has no lines: write one '- ... (1 point)' per criterion"));
        } else if (sum != questionPoints) {
            problems.add(new Problem(file, rubric.line(), "the rubric's points add up to " + sum + " but the question is worth "
                    + questionPoints + " (points=" + questionPoints + " in its heading)"));
        }
        return parsed;
    }
}
