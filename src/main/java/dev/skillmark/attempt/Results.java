package dev.skillmark.attempt;

import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Response;
import dev.skillmark.quiz.Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Builds the result page of an attempt from its snapshot (from memory): its answers' query, whatever its size, and the rest below. */
final class Results {

    private Results() {
    }

    /** {@code staff}: interviewers always see every answer, whatever the candidate's review policy. */
    static Views.Result of(Jdbi jdbi, AttemptSnapshots.Snapshot snapshot, Attempt attempt, boolean staff) {
        return jdbi.withHandle(h -> {
            var slots = snapshot.slots().values();
            var answers = AttemptRows.answers(h, attempt.id());
            var areas = new LinkedHashMap<String, Score>();
            var counts = new LinkedHashMap<String, Integer>();
            var review = new ArrayList<Views.ReviewItem>();
            for (var slot : slots) {
                var answer = answers.get(slot.slot() - 1);
                var outcome = answer.outcome() == null ? null : Grade.Outcome.valueOf(answer.outcome());
                var slotOptions = snapshot.options(slot.slot());
                var response = Response.decode(slot.key(slotOptions), answer.response());
                var shown = slotOptions.stream().map(o -> new Views.ReviewOption(o.html(), o.correct(),
                        response instanceof Response.Choices c && c.positions().contains(o.position()))).toList();
                var item = new Views.ReviewItem(slot, shown, slot.choice() ? "" : answer.response(), outcome, answer.points());
                areas.merge(slot.area(), item.score(), Score::plus);
                counts.merge(slot.area(), 1, Integer::sum);
                review.add(item);
            }
            var areaScores = new ArrayList<Views.AreaScore>();
            areas.forEach((name, score) -> areaScores.add(new Views.AreaScore(name, score, counts.get(name))));
            var taken = Duration.ofMillis((attempt.finishedAt() == null ? attempt.startedAt() : attempt.finishedAt())
                    - attempt.startedAt());
            boolean show = staff || attempt.reviewAnswers();
            return new Views.Result(attempt, attempt.inProgress() ? Score.of(0, attempt.maxScore()) : attempt.result(),
                    taken, areaScores, show, show ? review : List.of());
        });
    }
}
