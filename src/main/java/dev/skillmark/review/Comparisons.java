package dev.skillmark.review;

import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.SkillmarkException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Candidates who took the same quiz, side by side: overall, per skill area and question by question. */
public final class Comparisons {

    /** At most this many candidates side by side, so the grid stays readable. */
    public static final int MAX = 12;

    public record Comparison(List<Views.Result> results, List<String> areaNames, Map<String, Map<String, Score>> areas,
                             Map<String, Map<String, ReviewDao.CellRow>> grid, Map<String, String> prompts,
                             CompareChart.Chart chart) {
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
        var areas = reviews.areas(ids);
        var areaNames = Reviews.areaNames(areas);
        var grid = new LinkedHashMap<String, Map<String, ReviewDao.CellRow>>();
        var prompts = new HashMap<String, String>();
        for (var cell : reviews.cells(ids)) {
            grid.computeIfAbsent(cell.questionId(), k -> new HashMap<>()).put(cell.attemptId(), cell);
            prompts.put(cell.questionId(), cell.promptHtml());
        }
        return new Comparison(results, areaNames, areas, grid, prompts, CompareChart.of(results, areas, areaNames));
    }
}
