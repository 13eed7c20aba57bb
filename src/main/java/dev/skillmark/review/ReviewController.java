package dev.skillmark.review;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.StaffAccess;
import dev.skillmark.attempt.Extensions;
import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
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

/** The interviewer's pages; every route needs the interviewer role. */
public final class ReviewController implements Routes {

    private final Reviews reviews;
    private final Exports exports;
    private final Comparisons comparisons;
    private final Regrades regrades;
    private final Extensions extensions;
    private final Content content;
    private final Invitations invitations;

    public ReviewController(Reviews reviews, Exports exports, Comparisons comparisons, Regrades regrades,
                            Extensions extensions, Content content, Invitations invitations) {
        this.extensions = extensions;
        this.invitations = invitations;
        this.reviews = reviews;
        this.exports = exports;
        this.comparisons = comparisons;
        this.regrades = regrades;
        this.content = content;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review", this::dashboard, Role.INTERVIEWER);
        routes.get("/review/export.csv", this::exportDashboard, Role.INTERVIEWER);
        routes.get("/review/compare", this::compare, Role.INTERVIEWER);
        routes.get("/review/regrade", this::regradePreview, Role.INTERVIEWER);
        routes.post("/review/regrade", this::regradeApply, Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}", ctx -> attempt(ctx, Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}/export.csv", this::exportAttempt, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/grade/{slot}", this::grade, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/note", this::note, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/time", this::addTime, Role.INTERVIEWER);
    }

    void dashboard(Context ctx) {
        var filter = filter(ctx);
        var rows = reviews.dashboard(filter);
        var model = new HashMap<String, Object>();
        model.put("rows", rows);
        model.put("answersToGrade", reviews.answersToGrade());
        model.put("filter", filter);
        model.put("statuses", Reviews.STATUSES);
        model.put("quizzes", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("keyChanges", regrades.keyChanges());
        model.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/dashboard.html", model);
    }

    void exportDashboard(Context ctx) {
        csv(ctx, "candidates.csv", exports.candidates(filter(ctx), StaffAccess.signedIn(ctx)));
    }

    void attempt(Context ctx, Map<String, String> errors, HttpStatus status) {
        var detail = reviews.detail(ctx.pathParam("attempt"));
        var model = new HashMap<String, Object>();
        model.put("d", detail);
        model.put("r", detail.result());
        model.put("essayKeys", reviews.essayKeys(ctx.pathParam("attempt")));
        model.put("ticks", Reviews.lastTicks(detail.gradeChanges()));
        model.put("errors", errors);
        model.put("entered", ctx.attribute("entered"));
        model.put("fmt", Format.INSTANCE);
        ctx.status(status).render("review/attempt.html", model);
    }

    void exportAttempt(Context ctx) {
        String id = ctx.pathParam("attempt");
        csv(ctx, "attempt-" + id.substring(0, Math.min(8, id.length())) + ".csv", exports.attempt(id, StaffAccess.signedIn(ctx)));
    }

    void grade(Context ctx) {
        int slot = ctx.pathParam("slot").matches("\\d{1,4}") ? Integer.parseInt(ctx.pathParam("slot")) : -1;
        try {
            reviews.grade(ctx.pathParam("attempt"), slot, ctx.formParam("points"), ctx.formParam("comment"),
                    ticks(ctx), StaffAccess.signedIn(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#q" + slot, HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            ctx.attribute("entered", Entered.of(ctx.pathParam("attempt"), slot, ticks(ctx), ctx.formParam("points"), ctx.formParam("comment")));
            attempt(ctx, Map.of(slot + ":" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    void note(Context ctx) {
        try {
            reviews.note(ctx.pathParam("attempt"), ctx.formParam("note"), ctx.formParam("rating"), StaffAccess.signedIn(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#notes", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, Map.of("note:" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    /** More time for an attempt in progress: minutes or a percentage of the time limit, with a reason. */
    void addTime(Context ctx) {
        try {
            extensions.add(ctx.pathParam("attempt"), ctx.formParam("amount"), "percent".equals(ctx.formParam("unit")),
                    ctx.formParam("reason"), StaffAccess.signedIn(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "?extended=1#time", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, Map.of("time:" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    /** Candidates who took the same quiz, side by side. */
    void compare(Context ctx) {
        var c = comparisons.of(ctx.queryParams("a"));
        var model = new HashMap<String, Object>();
        model.put("results", c.results());
        model.put("areaNames", c.areaNames());
        model.put("areas", c.areas());
        model.put("grid", c.grid());
        model.put("prompts", c.prompts());
        model.put("chart", c.chart());
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
        int n = regrades.apply(quiz, StaffAccess.signedIn(ctx));
        ctx.redirect("/review/regrade?quiz=" + java.net.URLEncoder.encode(quiz, java.nio.charset.StandardCharsets.UTF_8)
                + "&applied=" + n, HttpStatus.SEE_OTHER);
    }

    /** The rubric lines ticked on a grading form ({@code tick-<position>}), when the form showed the rubric. */
    static Optional<Map<Integer, String>> ticks(Context ctx) {
        if (ctx.formParam("rubric") == null) {
            return Optional.empty();
        }
        var ticks = new HashMap<Integer, String>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.matches("tick-\\d{1,3}") && !values.isEmpty()) {
                ticks.put(Integer.parseInt(name.substring(5)), values.get(0));
            }
        });
        return Optional.of(ticks);
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

}
