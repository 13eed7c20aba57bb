package dev.skillmark.review;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.StaffAccess;
import dev.skillmark.attempt.Extensions;
import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.DayRange;
import dev.skillmark.web.Paging;
import dev.skillmark.web.QueryString;
import dev.skillmark.web.Flash;
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
        routes.get("/review/regrade/confirm", this::regradeConfirm, Role.INTERVIEWER);
        routes.post("/review/regrade", this::regradeApply, Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}", ctx -> attempt(ctx, Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.get("/review/attempts/{attempt}/export.csv", this::exportAttempt, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/grade/{slot}", this::grade, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/note", this::note, Role.INTERVIEWER);
        routes.post("/review/attempts/{attempt}/time", this::addTime, Role.INTERVIEWER);
    }

    void dashboard(Context ctx) {
        // a filter the list cannot use is said beside its box, with a 400; the list ignores that filter
        var errors = new LinkedHashMap<String, String>();
        var filter = filter(ctx, errors);
        var listing = reviews.dashboard(filter, ctx.queryParam("page"), ctx.queryParam("size"));
        var model = new HashMap<String, Object>();
        model.put("errors", errors);
        model.put("typedFrom", Optional.ofNullable(ctx.queryParam("from")).orElse(""));
        model.put("typedTo", Optional.ofNullable(ctx.queryParam("to")).orElse(""));
        model.put("rows", listing.rows());
        model.put("paging", listing.paging());
        model.put("sizes", Paging.SIZES);
        model.put("answersToGrade", reviews.answersToGrade());
        model.put("filter", filter);
        model.put("sorts", Reviews.SORTS);
        model.put("mostFirst", Reviews.MOST_FIRST);
        model.put("statuses", Reviews.STATUSES);
        model.put("quizzes", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("keyChanges", regrades.keyChanges());
        var query = query(filter);
        model.put("query", query.with("size", listing.paging().size() == Paging.DEFAULT_SIZE ? null : listing.paging().size()));
        model.put("exportQuery", query.toString());
        model.put("fmt", Format.INSTANCE);
        ctx.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).render("review/dashboard.html", model);
    }

    void exportDashboard(Context ctx) {
        csv(ctx, "candidates.csv", exports.candidates(filter(ctx, new LinkedHashMap<>()), StaffAccess.signedIn(ctx)));
    }

    /**
     * {@code errors} keys name the form and field ({@code 3:points}, {@code note:rating}, {@code time:reason}); the
     * summary at the top links each to its field's id; the form that came back keeps what was typed.
     */
    void attempt(Context ctx, Map<String, String> errors, HttpStatus status) {
        var detail = reviews.detail(ctx.pathParam("attempt"));
        var model = new HashMap<String, Object>();
        model.put("d", detail);
        model.put("r", detail.result());
        model.put("essayKeys", reviews.essayKeys(ctx.pathParam("attempt")));
        model.put("ticks", Reviews.lastTicks(detail.gradeChanges()));
        model.put("errors", errors);
        model.put("entered", ctx.attribute("entered"));
        var summary = new LinkedHashMap<String, String>();
        errors.forEach((key, message) -> summary.put(fieldId(key), message));
        model.put("summary", summary);
        model.put("typed", status == HttpStatus.OK ? Map.of() : typed(ctx));
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
            Double typed = points(ctx); // empty when the ticked rubric lines give the points
            Flash.next(ctx, "Grade of question " + slot + " saved" + (typed == null ? "." : ": " + Format.INSTANCE.points(typed) + " points."));
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#q" + slot, HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            ctx.attribute("entered", Entered.of(ctx.pathParam("attempt"), slot, ticks(ctx), ctx.formParam("points"), ctx.formParam("comment")));
            attempt(ctx, e.problems(slot + ":"), HttpStatus.BAD_REQUEST);
        }
    }

    void note(Context ctx) {
        try {
            reviews.note(ctx.pathParam("attempt"), ctx.formParam("note"), ctx.formParam("rating"), StaffAccess.signedIn(ctx));
            Flash.next(ctx, "Notes and rating saved.");
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#notes", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, e.problems("note:"), HttpStatus.BAD_REQUEST);
        }
    }

    /** More time for an attempt in progress: minutes or a percentage of the time limit, with a reason. */
    void addTime(Context ctx) {
        try {
            extensions.add(ctx.pathParam("attempt"), ctx.formParam("amount"), "percent".equals(ctx.formParam("unit")),
                    ctx.formParam("reason"), StaffAccess.signedIn(ctx));
            Flash.next(ctx, "Time added. It is in the timeline and the audit log; the candidate's open page shows "
                    + "the new deadline within seconds.");
            ctx.redirect("/review/attempts/" + ctx.pathParam("attempt") + "#time", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            attempt(ctx, e.problems("time:"), HttpStatus.BAD_REQUEST);
        }
    }

    /** Candidates who took the same quiz, side by side. */
    void compare(Context ctx) {
        var c = comparisons.of(ctx.queryParams("a"));
        var model = new HashMap<String, Object>();
        model.put("quizTitle", c.quizTitle());
        model.put("sameQuestions", c.sameQuestions());
        model.put("results", c.results());
        model.put("areaNames", c.areaNames());
        model.put("areas", c.areas());
        model.put("grid", c.grid());
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
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/regrade.html", model);
    }

    /** Asks before a regrade changes scores: what changes, for how many, on a page with one form. */
    void regradeConfirm(Context ctx) {
        String quiz = Optional.ofNullable(ctx.queryParam("quiz")).orElse("");
        var changes = quiz.isEmpty() ? List.<Regrades.Change>of() : regrades.preview(quiz);
        if (changes.isEmpty()) {
            Flash.next(ctx, "No finished attempt of this quiz would score differently; nothing to apply.");
            ctx.redirect(regradePage(quiz), HttpStatus.SEE_OTHER);
            return;
        }
        String title = content.current().quiz(quiz).map(q -> q.title()).orElse(quiz);
        var model = new HashMap<String, Object>();
        model.put("heading", "Regrade " + changes.size() + (changes.size() == 1 ? " attempt" : " attempts") + " of " + title + "?");
        model.put("lines", List.of("Their scores change to those in the preview; the original snapshots stay, and each "
                + "change goes into the grade history and the audit log. Grades set by a person are not changed.",
                "Candidates: " + String.join(", ", changes.stream().map(Regrades.Change::candidate).toList()) + "."));
        model.put("action", "/review/regrade");
        model.put("hidden", Map.of("quiz", quiz));
        model.put("confirm", "Apply the regrade");
        model.put("danger", false);
        model.put("cancel", regradePage(quiz));
        ctx.render("confirm.html", model);
    }

    /** Applies what the preview showed; a repeat finds nothing left to change. */
    void regradeApply(Context ctx) {
        String quiz = Optional.ofNullable(ctx.formParam("quiz")).orElse("");
        int n = regrades.apply(quiz, StaffAccess.signedIn(ctx));
        Flash.next(ctx, n == 0 ? "Nothing to regrade: no finished attempt of this quiz scores differently any more."
                : "Regraded " + n + (n == 1 ? " attempt" : " attempts") + "; each change is in its grade history.");
        ctx.redirect(regradePage(quiz), HttpStatus.SEE_OTHER);
    }

    private static String regradePage(String quiz) {
        return "/review/regrade" + (quiz.isEmpty() ? "" : "?quiz=" + java.net.URLEncoder.encode(quiz, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of the field an error key names: {@code 3:points} is {@code points-3}, {@code time:amount} is {@code time-amount}. */
    static String fieldId(String key) {
        String[] parts = key.split(":", 2);
        if (parts.length < 2) {
            return key;
        }
        if (parts[0].matches("\\d+")) {
            return parts[1] + "-" + parts[0];
        }
        return switch (parts[0]) {
            case "note" -> parts[1];
            default -> parts[0] + "-" + parts[1];
        };
    }

    /** What the form that came back held, to put back in its fields. */
    private static Map<String, String> typed(Context ctx) {
        var typed = new HashMap<String, String>();
        for (String field : List.of("points", "comment", "note", "rating", "amount", "unit", "reason")) {
            String v = ctx.formParam(field);
            if (v != null) {
                typed.put(field, v);
            }
        }
        typed.put("slot", ctx.pathParamMap().getOrDefault("slot", ""));
        typed.put("form", ctx.path().substring(ctx.path().lastIndexOf('/') + 1));
        return typed;
    }

    private static Double points(Context ctx) {
        try {
            return Double.parseDouble(Optional.ofNullable(ctx.formParam("points")).orElse("").strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
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

    /** The dashboard's filters from the query string; what cannot be used goes into {@code errors} and is left out. */
    private static Reviews.Filter filter(Context ctx, Map<String, String> errors) {
        var days = DayRange.read(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("tz"), errors);
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("").strip();
        if (!status.isEmpty() && !Reviews.STATUSES.contains(status)) {
            errors.put("status", "Choose a status from the list.");
            status = "";
        }
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (search.length() > 200) {
            errors.put("q", "Search for at most 200 characters.");
            search = "";
        }
        return new Reviews.Filter(ctx.queryParam("quiz"), status, days, search, ctx.queryParam("sort"),
                !"asc".equals(ctx.queryParam("dir")), "on".equals(ctx.queryParam("practice")));
    }

    /** The filters as the links of the page carry them (sort, paging, export); the page number is added per link. */
    private static QueryString query(Reviews.Filter filter) {
        return QueryString.of().with("q", filter.search()).with("quiz", filter.quiz()).with("status", filter.status())
                .with("from", filter.days().from().orElse(null)).with("to", filter.days().to().orElse(null))
                .with("tz", filter.days().from().isPresent() || filter.days().to().isPresent() ? filter.days().zoneName() : null)
                .with("practice", filter.includePractice() ? "on" : null)
                .with("sort", "date".equals(filter.sort()) ? null : filter.sort()).with("dir", filter.descending() ? null : "asc");
    }

    private static void csv(Context ctx, String name, List<List<String>> rows) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.write(rows));
    }

}
