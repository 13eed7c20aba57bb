package dev.skillmark.attempt;

import dev.skillmark.account.Invitation;
import dev.skillmark.account.Invitations;
import dev.skillmark.content.Content;
import dev.skillmark.web.ClientAddress;
import dev.skillmark.web.Format;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;

/**
 * The candidate's invitation link: the start page, the attempt already running, or a clear page
 * saying why the link no longer works. The invitation allows exactly one attempt, under its name.
 */
public final class InvitationEntryController implements Routes {

    private final Invitations invitations;
    private final Attempts attempts;
    private final Content content;
    private final ClientAddress clientAddress;

    public InvitationEntryController(Invitations invitations, Attempts attempts, Content content, ClientAddress clientAddress) {
        this.invitations = invitations;
        this.attempts = attempts;
        this.content = content;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/i/{token}", this::landing);
        routes.post("/i/{token}/start", this::start);
    }

    /** The start page; the attempt itself while it runs (the candidate may have closed the tab). */
    void landing(Context ctx) {
        var invitation = invitations.forCandidate(ctx.pathParam("token"));
        if (invitation.attemptId() != null) {
            resume(ctx, invitation);
            return;
        }
        startPage(ctx, invitation, "", HttpStatus.OK);
    }

    void start(Context ctx) {
        var invitation = invitations.forCandidate(ctx.pathParam("token"));
        if (invitation.attemptId() != null) {
            resume(ctx, invitation);
            return;
        }
        try {
            String id = attempts.startInvited(invitation.quizId(), invitation.candidateName(),
                    new Attempts.Invited(invitation.id(), invitation.extraTimePercent()),
                    AttemptController.client(clientAddress, ctx));
            ctx.redirect("/attempts/" + id + "/q/1", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            startPage(ctx, invitation, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    private void resume(Context ctx, Invitation invitation) {
        var attempt = attempts.current(invitation.attemptId());
        if (!attempt.inProgress()) {
            throw new SkillmarkException.InvitationClosed(SkillmarkException.InvitationClosed.Reason.USED,
                    "You finished this quiz on " + Format.INSTANCE.time(attempt.finishedAt()) + ". Each invitation "
                    + "allows one attempt.", attempt.id());
        }
        ctx.redirect("/attempts/" + attempt.id() + "/q/1", HttpStatus.SEE_OTHER);
    }

    private void startPage(Context ctx, Invitation invitation, String nameError, HttpStatus status) {
        var offer = content.current().offer(invitation.quizId()).orElseThrow(() -> new SkillmarkException.NotFound(
                "The quiz of this invitation is not available right now. Contact the person who sent it."));
        var model = new HashMap<String, Object>();
        model.put("offer", offer);
        model.put("quiz", offer.quiz());
        model.put("name", invitation.candidateName());
        model.put("nameError", nameError);
        model.put("grace", attempts.grace().toSeconds());
        model.put("fmt", Format.INSTANCE);
        model.put("action", "/i/" + ctx.pathParam("token") + "/start");
        model.put("extraTime", invitation.extraTimePercent());
        model.put("invited", true);
        ctx.status(status).render("attempt/start.html", model);
    }
}
