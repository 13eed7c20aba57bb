package dev.skillmark.attempt;

import dev.skillmark.account.StaffAccess;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** A trainer's "try it": a real attempt at a quiz, marked as a trial so it never counts. */
public final class TrialController implements Routes {

    private final Attempts attempts;

    public TrialController(Attempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/trainer/quizzes/{quiz}/try", this::tryQuiz, Role.TRAINER);
    }

    void tryQuiz(Context ctx) {
        String id = attempts.startTrial(ctx.pathParam("quiz"), StaffAccess.signedIn(ctx).username());
        ctx.redirect("/attempts/" + id + "/q/1", HttpStatus.SEE_OTHER);
    }
}
