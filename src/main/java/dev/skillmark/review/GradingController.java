package dev.skillmark.review;

import dev.skillmark.account.StaffAccess;
import dev.skillmark.web.Flash;
import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The grading queue, one answer at a time, and one question across candidates; interviewers only. Blind grading is
 * the grader's own setting ({@link GradingPreferences}), so no link on these pages carries it or can drop it.
 */
public final class GradingController implements Routes {

    private final GradingQueue queue;
    private final Reviews reviews;
    private final GradingPreferences preferences;

    public GradingController(GradingQueue queue, Reviews reviews, GradingPreferences preferences) {
        this.queue = queue;
        this.reviews = reviews;
        this.preferences = preferences;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/grading", this::overview, Role.INTERVIEWER);
        routes.get("/review/grading/next", this::next, Role.INTERVIEWER);
        routes.post("/review/grading/blind", this::setBlind, Role.INTERVIEWER);
        routes.get("/review/grading/question", ctx -> question(ctx, "", Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.get("/review/grading/{attempt}/{slot}", ctx -> answer(ctx, Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.post("/review/grading/{attempt}/{slot}", this::grade, Role.INTERVIEWER);
    }

    void overview(Context ctx) {
        boolean blind = blind(ctx);
        var model = new HashMap<String, Object>();
        model.put("pending", queue.pending(blind));
        model.put("questions", queue.questions());
        model.put("blind", blind);
        model.put("back", "/review/grading");
        model.put("done", ctx.queryParam("done") != null);
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/grading.html", model);
    }

    void next(Context ctx) {
        var next = queue.next();
        if (next.isEmpty()) {
            ctx.redirect("/review/grading?done=1", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/review/grading/" + next.get().attemptId() + "/" + next.get().slot(), HttpStatus.SEE_OTHER);
    }

    /** Turns blind grading on or off for the signed-in grader, then goes back to the grading page the form was on. */
    void setBlind(Context ctx) {
        boolean on = "on".equals(ctx.formParam("blind"));
        preferences.setBlind(StaffAccess.signedIn(ctx), on);
        Flash.next(ctx, on ? "Blind grading is on: candidates with grades to come are numbered, not named, on every "
                + "grading page until you turn it off." : "Blind grading is off: grading pages show candidates' names.");
        String back = Optional.ofNullable(ctx.formParam("back")).orElse("");
        // only a grading page of this site: the form names where it was, never another origin
        ctx.redirect(back.matches("/review/grading(/[A-Za-z0-9_-]+/\\d{1,4}|/question\\?[A-Za-z0-9_.*%=&+-]*)?") ? back
                : "/review/grading", HttpStatus.SEE_OTHER);
    }

    void answer(Context ctx, Map<String, String> errors, HttpStatus status) {
        boolean blind = blind(ctx);
        var answer = queue.answer(ctx.pathParam("attempt"), slot(ctx), blind);
        var model = new HashMap<String, Object>();
        model.put("a", answer);
        model.put("left", queue.count());
        model.put("blind", blind);
        model.put("back", "/review/grading/" + answer.attemptId() + "/" + answer.item().question().slot());
        model.put("errors", errors);
        model.put("summary", summary(errors, ""));
        model.put("entered", ctx.attribute("entered"));
        model.put("fmt", Format.INSTANCE);
        ctx.status(status).render("review/grade-one.html", model);
    }

    void question(Context ctx, String failedAttempt, Map<String, String> errors, HttpStatus status) {
        String quiz = Optional.ofNullable(ctx.queryParam("quiz")).orElse(Optional.ofNullable(ctx.formParam("quiz")).orElse(""));
        String question = Optional.ofNullable(ctx.queryParam("question")).orElse(Optional.ofNullable(ctx.formParam("question")).orElse(""));
        boolean blind = blind(ctx);
        var model = new HashMap<String, Object>();
        model.put("quiz", quiz);
        model.put("question", question);
        model.put("answers", queue.acrossCandidates(quiz, question, blind));
        model.put("blind", blind);
        model.put("back", questionPage(quiz, question));
        model.put("failed", failedAttempt);
        model.put("errors", errors);
        model.put("summary", summary(errors, "-" + failedAttempt));
        model.put("noErrors", Map.of());
        model.put("entered", ctx.attribute("entered"));
        model.put("fmt", Format.INSTANCE);
        ctx.status(status).render("review/grade-question.html", model);
    }

    void grade(Context ctx) {
        String attempt = ctx.pathParam("attempt");
        int slot = slot(ctx);
        boolean acrossCandidates = "question".equals(ctx.formParam("then"));
        try {
            reviews.grade(attempt, slot, ctx.formParam("points"), ctx.formParam("comment"), ReviewController.ticks(ctx),
                    StaffAccess.signedIn(ctx));
        } catch (SkillmarkException.InvalidInput e) {
            var errors = e.problems(slot + ":");
            ctx.attribute("entered", Entered.of(attempt, slot, ReviewController.ticks(ctx), ctx.formParam("points"), ctx.formParam("comment")));
            if (acrossCandidates) {
                question(ctx, attempt, errors, HttpStatus.BAD_REQUEST);
            } else {
                answer(ctx, errors, HttpStatus.BAD_REQUEST);
            }
            return;
        }
        if (acrossCandidates) {
            ctx.redirect(questionPage(ctx.formParam("quiz"), ctx.formParam("question")) + "#answer-" + attempt, HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect("/review/grading/next", HttpStatus.SEE_OTHER);
        }
    }

    private boolean blind(Context ctx) {
        return preferences.blind(StaffAccess.signedIn(ctx));
    }

    /** The error summary's links: {@code 6:points} is the field {@code points-6}, plus {@code suffix} on the page of many forms. */
    private static Map<String, String> summary(Map<String, String> errors, String suffix) {
        var summary = new LinkedHashMap<String, String>();
        errors.forEach((key, message) -> summary.put(ReviewController.fieldId(key) + suffix, message));
        return summary;
    }

    private static String questionPage(String quiz, String question) {
        return "/review/grading/question?quiz=" + enc(quiz) + "&question=" + enc(question);
    }

    private static int slot(Context ctx) {
        return ctx.pathParam("slot").matches("\\d{1,4}") ? Integer.parseInt(ctx.pathParam("slot")) : -1;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
