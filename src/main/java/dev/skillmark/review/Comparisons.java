package dev.skillmark.review;

import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.Csv;
import dev.skillmark.web.SkillmarkException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Candidates who took the same quiz, side by side: overall, per skill area and question by question. Every figure is
 * the one on each candidate's own result page (their {@link Views.Result}): per skill area, the points earned out of
 * the points that candidate was offered there, so candidates who drew different questions still compare fairly.
 */
public final class Comparisons {

    /** At most this many candidates side by side, so the grid stays readable. */
    public static final int MAX = 12;
    /** How much of a question's text names its row; the rest is one click away. */
    static final int EXCERPT = 90;

    /**
     * {@code areas}: per attempt id, per skill area, the score out of what that attempt was offered there (a skill area
     * missing from an attempt's map was not offered to it). {@code sameQuestions}: every candidate was asked the same
     * questions (a fixed form, or a quiz that draws them all).
     */
    public record Comparison(String quizTitle, List<Views.Result> results, List<String> areaNames,
                             Map<String, Map<String, Score>> areas, List<AreaRows> grid, boolean sameQuestions,
                             CompareChart.Chart chart) {
    }

    /** The questions of one skill area, one row each. */
    public record AreaRows(String area, List<Row> rows) {
    }

    /**
     * One question: a plain-text excerpt to name it, its full text as the candidates saw it, and per attempt id the
     * points it earned there; an attempt that was not asked it has no entry.
     */
    public record Row(String questionId, String excerpt, String promptHtml, String bodyHtml, Map<String, Score> scores) {
        /** Whether the excerpt leaves some of the question out, so the row opens to show the rest. */
        public boolean more() {
            return !plain(bodyHtml).isEmpty() || !excerpt.equals(plain(promptHtml));
        }

        /** Whether the excerpt is the whole prompt, so the opened row need not repeat it. */
        public boolean wholePrompt() {
            return excerpt.startsWith(plain(promptHtml));
        }
    }

    private final Reviews reviews;

    public Comparisons(Reviews reviews) {
        this.reviews = reviews;
    }

    /** Only candidates of one quiz compare: their questions and skill areas come from the same rules. */
    public Comparison of(List<String> attemptIds) {
        var ids = attemptIds.stream().distinct().limit(MAX).toList();
        var results = ids.stream().map(reviews::result).toList();
        if (results.stream().map(r -> r.attempt().quizId()).distinct().count() > 1) {
            throw new SkillmarkException.InvalidInput("a", "Compare candidates who took the same quiz.");
        }
        var areas = new HashMap<String, Map<String, Score>>();
        for (var r : results) {
            var mine = new LinkedHashMap<String, Score>();
            r.areas().forEach(a -> mine.put(a.area(), a.score()));
            areas.put(r.attempt().id(), mine);
        }
        var areaNames = Reviews.areaNames(areas);
        var byArea = new TreeMap<String, Map<String, Row>>();
        for (var r : results) {
            for (var item : r.review()) {
                var q = item.question();
                var row = byArea.computeIfAbsent(q.area(), k -> new TreeMap<>()).computeIfAbsent(q.questionId(),
                        k -> new Row(k, excerpt(q.promptHtml(), q.bodyHtml()), q.promptHtml(), q.bodyHtml(), new LinkedHashMap<>()));
                row.scores().put(r.attempt().id(), item.score());
            }
        }
        var grid = byArea.entrySet().stream()
                .map(e -> new AreaRows(e.getKey(), List.copyOf(e.getValue().values()))).toList();
        var asked = results.stream()
                .map(r -> r.review().stream().map(i -> i.question().questionId()).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        boolean same = asked.size() == 1 && !asked.iterator().next().isEmpty();
        String title = results.isEmpty() ? "" : results.get(0).attempt().quizTitle();
        return new Comparison(title, results, areaNames, areas, grid, same, CompareChart.of(results, areas, areaNames));
    }

    /**
     * A question's name in the grid, as plain text: its prompt, followed by the start of its body when the prompt
     * alone says little ("What does this print?"), cut at a word to about {@value #EXCERPT} characters.
     */
    static String excerpt(String promptHtml, String bodyHtml) {
        String prompt = plain(promptHtml);
        String text = prompt.length() < 40 && !plain(bodyHtml).isEmpty() ? prompt + " " + plain(bodyHtml) : prompt;
        if (text.length() <= EXCERPT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT);
        return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT).stripTrailing() + "…";
    }

    private static String plain(String html) {
        return Csv.text(html).replaceAll("\\s+", " ").strip();
    }
}
