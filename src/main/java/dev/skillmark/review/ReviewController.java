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
    private final Dashboard dashboard;
    private final Exports exports;
    private final Comparisons comparisons;
    private final Regrades regrades;
    private final Extensions extensions;
    private final Content content;
    private final Invitations invitations;

    public ReviewController(Reviews reviews, Dashboard dashboard, Exports exports, Comparisons comparisons, Regrades regrades,
                            Extensions extensions, Content content, Invitations invitations) {
        this.extensions = extensions;
        this.invitations = invitations;
        this.reviews = reviews;
        this.dashboard = dashboard;
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
        routes.get("/review/regrade/confirm", this::regradeConfirm, Role.INTERVIEWER);
        routes.post("/review/regrade", this::regradeApply, Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}", ctx -> attempt(ctx, Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}/export.csv", this::exportAttempt, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/grade/{slot}", this::grade, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/note", this::note, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/time", this::addTime, Role.INTERVIEWER);
    }

    static final int PAGE_SIZE = 50;

    void dashboard(Context ctx) {
        var filter = filter(ctx);
        var errors = new LinkedHashMap<String, String>();
        Dashboard.Page page;
        try {
            page = dashboard.page(filter, number(ctx.queryParam("page"), 1), PAGE_SIZE);
        } catch (SkillmarkException.InvalidInput e) {
            errors.put(e.field(), e.getMessage());
            page = new Dashboard.Page(List.of(), 0, 1, PAGE_SIZE, Map.of());
        }
        var model = new HashMap<String, Object>();
        model.put("errors", errors);
        model.put("done", done(ctx));
        model.put("page", page);
        model.put("rows", page.rows());
        model.put("filter", filter);
        model.put("statuses", Dashboard.STATUSES);
        model.put("sorts", Dashboard.SORTS);
        model.put("quizzes", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("keyChanges", regrades.keyChanges());
        model.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        model.put("links", new DashboardLinks(filter));
        model.put("fmt", Format.INSTANCE);
        ctx.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).render("review/dashboard.html", model);
    }

    private static int number(String text, int fallback) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : fallback;
    }

    /** What the step before the redirect did, in words; the invitation's name comes from the database, not the URL. */
    private String done(Context ctx) {
        String name = Optional.ofNullable(ctx.queryParam("invitation")).flatMap(reviews::invitationName).orElse("the candidate");
        return switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
            case "revoked" -> "Revoked the invitation of " + name + "; the link no longer works.";
            case "unchanged" -> "Nothing changed: the invitation of " + name + " was already used or revoked.";
            default -> "";
        };
    }

    void exportDashboard(Context ctx) {
        csv(ctx, "candidates.csv", exports.candidates(filter(ctx), StaffAccess.signedIn(ctx)));
    }

    /** {@code errors}: "slot:field" or "note:field" to message, as the answer forms show them. */
    void attempt(Context ctx, Map<String, String> errors, HttpStatus status) {
        var detail = reviews.detail(ctx.pathParam("attempt"));
        var model = new HashMap<String, Object>();
        model.put("d", detail);
        model.put("r", detail.result());
        model.put("essayKeys", reviews.essayKeys(ctx.pathParam("attempt")));
        model.put("errors", errors);
        var summary = new LinkedHashMap<String, String>();
        errors.forEach((key, message) -> {
            String[] parts = key.split(":", 2);
            summary.put(parts[0].equals("note") ? parts[1] : parts[1] + "-" + parts[0],
                    (parts[0].equals("note") ? "Notes: " : "Question " + parts[0] + ": ") + message);
        });
        model.put("summary", summary);
        model.put("saved", Optional.ofNullable(ctx.queryParam("saved")).orElse(""));
        boolean graded = ctx.method().name().equals("POST") && ctx.path().contains("/grade/");
        model.put("formSlot", graded ? Integer.valueOf(ctx.pathParam("slot").matches("\\d{1,4}") ? ctx.pathParam("slot") : "-1") : -1);
        model.put("formPoints", Optional.ofNullable(ctx.formParam("points")).orElse(""));
        model.put("formComment", Optional.ofNullable(ctx.formParam("comment")).orElse(""));
        model.put("formNote", ctx.path().endsWith("/note") ? ctx.formParam("note") : null);
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
                    StaffAccess.signedIn(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "?saved=" + slot + "#q" + slot, HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, Map.of(slot + ":" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    void note(Context ctx) {
        try {
            reviews.note(ctx.pathParam("attempt"), ctx.formParam("note"), ctx.formParam("rating"), StaffAccess.signedIn(ctx));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "?saved=notes#notes", HttpStatus.SEE_OTHER);
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
        model.put("signals", c.signals());
        model.put("noSignals", Reviews.Signals.NONE);
        model.put("fixedForm", !c.results().isEmpty() && content.current().quiz(c.results().get(0).attempt().quizId())
                .map(q -> q.form() == dev.skillmark.quiz.Quiz.Form.FIXED).orElse(false));
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

    /** Asks before applying: how many attempts change, on a page that works without JavaScript. */
    void regradeConfirm(Context ctx) {
        String quiz = Optional.ofNullable(ctx.queryParam("quiz")).orElse("");
        var changes = quiz.isEmpty() ? List.<Regrades.Change>of() : regrades.preview(quiz);
        if (changes.isEmpty()) {
            ctx.redirect("/review/regrade?quiz=" + enc(quiz), HttpStatus.SEE_OTHER);
            return;
        }
        String title = content.current().quiz(quiz).map(q -> q.title()).orElse(quiz);
        var model = new HashMap<String, Object>();
        model.put("heading", "Regrade " + changes.size() + " attempt(s) of " + title + "?");
        model.put("lines", List.of("Their scores change to what the current answer keys give. Grades set by a person stay as they are.",
                "Each change goes into the attempt's grade history and the audit log."));
        model.put("action", "/review/regrade");
        model.put("hidden", Map.of("quiz", quiz));
        model.put("confirm", "Apply the regrade");
        model.put("cancel", "/review/regrade?quiz=" + enc(quiz));
        ctx.render("confirm.html", model);
    }

    void regradeApply(Context ctx) {
        String quiz = Optional.ofNullable(ctx.formParam("quiz")).orElse("");
        int n = regrades.apply(quiz, StaffAccess.signedIn(ctx));
        ctx.redirect("/review/regrade?quiz=" + enc(quiz) + "&applied=" + n, HttpStatus.SEE_OTHER);
    }

    private static Dashboard.Filter filter(Context ctx) {
        return new Dashboard.Filter(ctx.queryParam("quiz"), ctx.queryParam("status"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("q"), Optional.ofNullable(ctx.queryParam("sort")).orElse("date"),
                !"asc".equals(ctx.queryParam("dir")), "on".equals(ctx.queryParam("practice")), ctx.queryParam("tz"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void csv(Context ctx, String name, List<List<String>> rows) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.write(rows));
    }

}
