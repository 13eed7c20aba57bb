package dev.skillmark.review;

import dev.skillmark.SkillmarkException;
import dev.skillmark.account.Audit;
import dev.skillmark.content.Content;
import dev.skillmark.web.Access;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Format;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The interviewer's pages. Everything under /review needs the interviewer role (see web.Access). */
public final class ReviewController implements Routes {

    private final Reviews reviews;
    private final Regrades regrades;
    private final Content content;
    private final Audit audit;

    public ReviewController(Reviews reviews, Regrades regrades, Content content, Audit audit) {
        this.reviews = reviews;
        this.regrades = regrades;
        this.content = content;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review", this::dashboard);
        routes.get("/review/export.csv", this::exportDashboard);
        routes.get("/review/compare", this::compare);
        routes.get("/review/regrade", this::regradePreview);
        routes.post("/review/regrade", this::regradeApply);
        routes.get("/review/attempts/{attempt}", ctx -> attempt(ctx, Map.of(), HttpStatus.OK));
        routes.get("/review/attempts/{attempt}/export.csv", this::exportAttempt);
        routes.post("/review/attempts/{attempt}/grade/{slot}", this::grade);
        routes.post("/review/attempts/{attempt}/note", this::note);
    }

    void dashboard(Context ctx) {
        var filter = filter(ctx);
        var rows = reviews.dashboard(filter);
        var model = new HashMap<String, Object>();
        model.put("rows", rows);
        model.put("filter", filter);
        model.put("statuses", Reviews.STATUSES);
        model.put("quizzes", content.current().offers());
        model.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/dashboard.html", model);
    }

    void exportDashboard(Context ctx) {
        var rows = reviews.dashboard(filter(ctx));
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
            var line = new ArrayList<>(List.of(d.name(), d.quizId(), r.status(), number(d.score()), number(d.maxScore()),
                    r.percent() == null ? "" : String.valueOf(r.percent()),
                    r.passed().map(p -> p ? "yes" : "no").orElse(""), d.pending() == null ? "" : String.valueOf(d.pending()),
                    d.startedAt() == null ? "" : Format.INSTANCE.time(d.startedAt()),
                    d.finishedAt() == null ? "" : Format.INSTANCE.time(d.finishedAt()),
                    d.finishedAt() == null || d.startedAt() == null ? "" : String.valueOf((d.finishedAt() - d.startedAt()) / 1000),
                    String.valueOf(d.signals())));
            var mine = d.attemptId() == null ? Map.<String, double[]>of() : areas.getOrDefault(d.attemptId(), Map.of());
            for (String area : areaNames) {
                double[] v = mine.get(area);
                line.add(v == null || v[1] == 0 ? "" : String.valueOf((int) Math.floor(100 * v[0] / v[1] + 1e-9)));
            }
            out.add(line);
        }
        audit.record(Access.requireUser(ctx).username(), "export.dashboard", "", rows.size() + " rows");
        csv(ctx, "candidates.csv", out);
    }

    void attempt(Context ctx, Map<String, String> errors, HttpStatus status) {
        var detail = reviews.detail(ctx.pathParam("attempt"));
        var model = new HashMap<String, Object>();
        model.put("d", detail);
        model.put("r", detail.result());
        model.put("errors", errors);
        model.put("fmt", Format.INSTANCE);
        ctx.status(status).render("review/attempt.html", model);
    }

    void exportAttempt(Context ctx) {
        var detail = reviews.detail(ctx.pathParam("attempt"));
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
                    : q.answerDisplay();
            var spent = detail.timePerSlot().get(q.slot());
            var changes = detail.gradeChanges().getOrDefault(q.slot(), List.of());
            var last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            out.add(List.of(String.valueOf(q.slot()), q.questionId(), q.area(), q.kind(), Csv.text(q.promptHtml()), response,
                    key, item.outcome() == null ? "" : item.outcome(), number(item.points()), String.valueOf(q.points()),
                    last == null ? "" : last.gradedBy(), last == null ? "" : last.comment(),
                    spent == null ? "" : String.valueOf(spent.toSeconds()), q.source()));
        }
        audit.record(Access.requireUser(ctx).username(), "export.attempt", ctx.pathParam("attempt"), "");
        csv(ctx, "attempt-" + ctx.pathParam("attempt").substring(0, 8) + ".csv", out);
    }

    void grade(Context ctx) {
        int slot = ctx.pathParam("slot").matches("\\d{1,4}") ? Integer.parseInt(ctx.pathParam("slot")) : -1;
        try {
            reviews.grade(ctx.pathParam("attempt"), slot, ctx.formParam("points"), ctx.formParam("comment"),
                    Access.requireUser(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#q" + slot, HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, Map.of(slot + ":" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    void note(Context ctx) {
        try {
            reviews.note(ctx.pathParam("attempt"), ctx.formParam("note"), ctx.formParam("rating"), Access.requireUser(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#notes", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, Map.of("note:" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    /** Candidates who took the same quiz, side by side: overall, per skill area and question by question. */
    void compare(Context ctx) {
        var ids = ctx.queryParams("a").stream().distinct().limit(12).toList();
        var results = ids.stream().map(id -> reviews.result(id)).toList();
        var quizzes = results.stream().map(r -> r.attempt().quizId()).distinct().toList();
        if (quizzes.size() > 1) {
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
        var model = new HashMap<String, Object>();
        model.put("results", results);
        model.put("areaNames", areaNames);
        model.put("areas", areas);
        model.put("grid", grid);
        model.put("prompts", prompts);
        model.put("chart", CompareChart.of(results, areas, areaNames));
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/compare.html", model);
    }

    void regradePreview(Context ctx) {
        String quiz = Optional.ofNullable(ctx.queryParam("quiz")).orElse("");
        var model = new HashMap<String, Object>();
        model.put("quiz", quiz);
        model.put("quizzes", content.current().offers());
        model.put("changes", quiz.isEmpty() ? List.of() : regrades.preview(quiz));
        model.put("applied", ctx.queryParam("applied"));
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/regrade.html", model);
    }

    void regradeApply(Context ctx) {
        String quiz = Optional.ofNullable(ctx.formParam("quiz")).orElse("");
        int n = regrades.apply(quiz, Access.requireUser(ctx));
        ctx.redirect("/review/regrade?quiz=" + java.net.URLEncoder.encode(quiz, java.nio.charset.StandardCharsets.UTF_8)
                + "&applied=" + n, HttpStatus.SEE_OTHER);
    }

    private static Reviews.Filter filter(Context ctx) {
        return new Reviews.Filter(ctx.queryParam("quiz"), ctx.queryParam("status"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("q"), Optional.ofNullable(ctx.queryParam("sort")).orElse("date"),
                !"asc".equals(ctx.queryParam("dir")), "on".equals(ctx.queryParam("practice")));
    }

    private static void csv(Context ctx, String name, List<List<String>> rows) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.write(rows));
    }

    private static String number(Double d) {
        return d == null ? "" : Format.INSTANCE.points(d);
    }
}
