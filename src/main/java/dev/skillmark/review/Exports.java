package dev.skillmark.review;

import dev.skillmark.account.Audit;
import dev.skillmark.account.User;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CSV exports interviewers download: the candidate list and one attempt's answers. Each is audited. */
public final class Exports {

    private final Reviews reviews;
    private final Audit audit;

    public Exports(Reviews reviews, Audit audit) {
        this.reviews = reviews;
        this.audit = audit;
    }

    /** One row per dashboard row, with the score per skill area, rounded as everywhere else. */
    public List<List<String>> candidates(Reviews.Filter filter, User by) {
        var rows = reviews.dashboardRows(filter);
        var ids = rows.stream().map(r -> r.data().attemptId()).filter(id -> id != null).toList();
        var areas = reviews.areas(ids);
        var areaNames = Reviews.areaNames(areas);
        var out = new ArrayList<List<String>>();
        var header = new ArrayList<>(List.of("candidate", "quiz", "status", "score", "max_score", "percent", "passed",
                "pending_grades", "started_utc", "finished_utc", "time_taken_seconds", "signals"));
        areaNames.forEach(a -> header.add(a + " %"));
        out.add(header);
        for (var r : rows) {
            var d = r.data();
            var line = new ArrayList<>(List.of(d.name(), r.quiz(), r.status(),
                    number(d.score()), number(d.maxScore()), r.score().map(s -> String.valueOf(s.percent())).orElse(""),
                    r.passed().map(p -> p ? "yes" : "no").orElse(""), d.pending() == null ? "" : String.valueOf(d.pending()),
                    d.startedAt() == null ? "" : Format.INSTANCE.time(d.startedAt()),
                    d.finishedAt() == null ? "" : Format.INSTANCE.time(d.finishedAt()),
                    d.finishedAt() == null || d.startedAt() == null ? "" : String.valueOf((d.finishedAt() - d.startedAt()) / 1000),
                    String.valueOf(d.signals())));
            var mine = d.attemptId() == null ? Map.<String, Score>of() : areas.getOrDefault(d.attemptId(), Map.of());
            for (String area : areaNames) {
                Score s = mine.get(area);
                line.add(s == null || s.max() == 0 ? "" : String.valueOf(s.percent()));
            }
            out.add(line);
        }
        audit.record(by.username(), "export.dashboard", "", rows.size() + " rows");
        return out;
    }

    /** One row per question of an attempt: what was asked, answered, expected and awarded, and by whom. */
    public List<List<String>> attempt(String attemptId, User by) {
        var detail = reviews.detail(attemptId);
        var out = new ArrayList<List<String>>();
        out.add(List.of("slot", "question_id", "skill_area", "type", "question", "response", "correct_answer", "outcome",
                "points", "max_points", "graded_by", "grader_comment", "time_spent_seconds", "source"));
        for (var item : detail.result().review()) {
            var q = item.question();
            String response = q.choice()
                    ? String.join(" | ", item.options().stream().filter(o -> o.chosen()).map(o -> Csv.text(o.html())).toList())
                    : item.response();
            String key = q.choice()
                    ? String.join(" | ", item.options().stream().filter(o -> o.correct()).map(o -> Csv.text(o.html())).toList())
                    : q.acceptedKeys();
            var spent = detail.timePerSlot().get(q.slot());
            var changes = detail.gradeChanges().getOrDefault(q.slot(), List.of());
            var last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            out.add(List.of(String.valueOf(q.slot()), q.questionId(), q.area(), q.kind(), Csv.text(q.promptHtml()), response,
                    key, item.outcome() == null ? "" : item.outcome().name(), number(item.points()), String.valueOf(q.points()),
                    last == null ? "" : last.gradedBy(), last == null ? "" : last.comment(),
                    spent == null ? "" : String.valueOf(spent.toSeconds()), q.source()));
        }
        audit.record(by.username(), "export.attempt", attemptId, "");
        return out;
    }

    private static String number(Double d) {
        return d == null ? "" : Format.INSTANCE.points(d);
    }
}
