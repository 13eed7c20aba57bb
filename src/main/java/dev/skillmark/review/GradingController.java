package dev.skillmark.review;

import dev.skillmark.account.StaffAccess;
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
import java.util.Map;
import java.util.Optional;

/** The grading queue, one answer at a time, and one question across candidates; interviewers only. */
public final class GradingController implements Routes {

    private final GradingQueue queue;
    private final Reviews reviews;

    public GradingController(GradingQueue queue, Reviews reviews) {
        this.queue = queue;
        this.reviews = reviews;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/grading", this::overview, Role.INTERVIEWER);
        routes.get("/review/grading/next", this::next, Role.INTERVIEWER);
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
        model.put("done", ctx.queryParam("done") != null);
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/grading.html", model);
    }

    void next(Context ctx) {
        var next = queue.next();
        String suffix = blind(ctx) ? "?blind=1" : "";
        if (next.isEmpty()) {
            ctx.redirect("/review/grading?done=1" + (blind(ctx) ? "&blind=1" : ""), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/review/grading/" + next.get().attemptId() + "/" + next.get().slot() + suffix, HttpStatus.SEE_OTHER);
    }

    void answer(Context ctx, Map<String, String> errors, HttpStatus status) {
        boolean blind = blind(ctx);
        var answer = queue.answer(ctx.pathParam("attempt"), slot(ctx), blind);
        var model = new HashMap<String, Object>();
        model.put("a", answer);
        model.put("left", queue.count());
        model.put("blind", blind);
        model.put("errors", errors);
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
        model.put("failed", failedAttempt);
        model.put("errors", errors);
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
            var errors = Map.of(slot + ":" + e.field(), e.getMessage());
            ctx.attribute("entered", Entered.of(attempt, slot, ReviewController.ticks(ctx), ctx.formParam("points"), ctx.formParam("comment")));
            if (acrossCandidates) {
                question(ctx, attempt, errors, HttpStatus.BAD_REQUEST);
            } else {
                answer(ctx, errors, HttpStatus.BAD_REQUEST);
            }
            return;
        }
        String blind = blind(ctx) ? "blind=1" : "";
        if (acrossCandidates) {
            ctx.redirect("/review/grading/question?quiz=" + enc(ctx.formParam("quiz")) + "&question=" + enc(ctx.formParam("question"))
                    + (blind.isEmpty() ? "" : "&" + blind) + "#answer-" + attempt, HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect("/review/grading/next" + (blind.isEmpty() ? "" : "?" + blind), HttpStatus.SEE_OTHER);
        }
    }

    private static boolean blind(Context ctx) {
        return "1".equals(ctx.queryParam("blind")) || "1".equals(ctx.formParam("blind"));
    }

    private static int slot(Context ctx) {
        return ctx.pathParam("slot").matches("\\d{1,4}") ? Integer.parseInt(ctx.pathParam("slot")) : -1;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
