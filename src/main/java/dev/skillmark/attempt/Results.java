package dev.skillmark.attempt;

import dev.skillmark.quiz.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Builds the result page of a finalised attempt from its snapshot: three queries, whatever its size. */
final class Results {

    private Results() {
    }

    /** {@code staff}: interviewers always see every answer, whatever the candidate's review policy. */
    static Views.Result of(Jdbi jdbi, Attempt attempt, boolean staff) {
        return jdbi.withExtension(AttemptDao.class, dao -> {
            var slots = dao.slots(attempt.id());
            var options = dao.options(attempt.id());
            var answers = dao.answers(attempt.id());
            var areas = new LinkedHashMap<String, double[]>();
            var review = new ArrayList<Views.ReviewItem>();
            for (var slot : slots) {
                var answer = answers.get(slot.slot() - 1);
                var area = areas.computeIfAbsent(slot.area(), a -> new double[3]);
                area[0] += answer.points() == null ? 0 : answer.points();
                area[1] += slot.points();
                area[2]++;
                var slotOptions = options.stream().filter(o -> o.slot() == slot.slot()).toList();
                var response = Response.decode(slot.key(slotOptions), answer.response());
                var shown = slotOptions.stream().map(o -> new Views.ReviewOption(o.html(), o.correct(),
                        response instanceof Response.Choices c && c.positions().contains(o.position()))).toList();
                review.add(new Views.ReviewItem(slot, shown, slot.choice() ? "" : answer.response(), answer.outcome(),
                        answer.points()));
            }
            var areaScores = new ArrayList<Views.AreaScore>();
            areas.forEach((name, v) -> areaScores.add(new Views.AreaScore(name, v[0], v[1], (int) v[2])));
            double score = attempt.score() == null ? 0 : attempt.score();
            int percent = attempt.maxScore() == 0 ? 0 : (int) Math.floor(100 * score / attempt.maxScore() + 1e-9);
            Optional<Boolean> passed = attempt.pending() > 0 ? Optional.empty() : Optional.of(percent >= attempt.passMark());
            var taken = Duration.ofMillis((attempt.finishedAt() == null ? attempt.startedAt() : attempt.finishedAt())
                    - attempt.startedAt());
            boolean show = staff || attempt.reviewAnswers();
            return new Views.Result(attempt, score, attempt.maxScore(), percent, passed, taken, areaScores, show,
                    show ? review : List.of());
        });
    }
}
