package dev.skillmark.account;

import dev.skillmark.SkillmarkException;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.content.Content;
import dev.skillmark.web.Access;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Format;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Interviewers invite candidates; candidates follow their link, which allows exactly one attempt. */
public final class InvitationController implements Routes {

    private final Invitations invitations;
    private final Attempts attempts;
    private final Content content;
    private final Access access;
    private final Clock clock;

    public InvitationController(Invitations invitations, Attempts attempts, Content content, Access access, Clock clock) {
        this.invitations = invitations;
        this.attempts = attempts;
        this.content = content;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/invitations", ctx -> form(ctx, Map.of(), List.of(), HttpStatus.OK));
        routes.post("/invitations", this::invite);
        routes.post("/invitations/bulk", this::inviteMany);
        routes.post("/invitations/{id}/revoke", this::revoke);
        routes.post("/invitations/{id}/reissue", this::reissue);
        routes.get("/i/{token}", this::landing);
        routes.post("/i/{token}/start", this::start);
    }

    void form(Context ctx, Map<String, String> errors, List<Invitations.Issued> issued, HttpStatus status) {
        var model = new HashMap<String, Object>();
        model.put("offers", content.current().offers());
        model.put("errors", errors);
        model.put("issued", issued);
        model.put("baseUrl", baseUrl(ctx));
        model.put("form", Map.of(
                "quiz", value(ctx, "quiz", ""), "name", value(ctx, "name", ""), "email", value(ctx, "email", ""),
                "expires", value(ctx, "expires", "7"), "extra", value(ctx, "extra", "0"), "lines", value(ctx, "lines", "")));
        ctx.status(status).render("account/invitations.html", model);
    }

    void invite(Context ctx) {
        try {
            var issued = invitations.invite(request(ctx, value(ctx, "name", "")), Access.requireUser(ctx));
            form(ctx, Map.of(), List.of(issued), HttpStatus.CREATED);
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), HttpStatus.BAD_REQUEST);
        }
    }

    /** Answers with a CSV of names and links, to paste into e-mails or a spreadsheet. */
    void inviteMany(Context ctx) {
        try {
            var issued = invitations.inviteMany(request(ctx, "x"), ctx.formParam("lines"), Access.requireUser(ctx));
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("name", "email", "quiz", "expires", "extra_time_percent", "link"));
            for (var i : issued) {
                var inv = i.invitation();
                rows.add(List.of(inv.candidateName(), inv.email(), inv.quizId(), Format.INSTANCE.time(inv.expiresAt()),
                        String.valueOf(inv.extraTimePercent()), baseUrl(ctx) + i.path()));
            }
            ctx.header("Content-Disposition", "attachment; filename=\"invitations.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(Csv.write(rows));
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), HttpStatus.BAD_REQUEST);
        }
    }

    void revoke(Context ctx) {
        invitations.revoke(ctx.pathParam("id"), Access.requireUser(ctx));
        ctx.redirect("/review", HttpStatus.SEE_OTHER);
    }

    void reissue(Context ctx) {
        var issued = invitations.reissue(ctx.pathParam("id"), 7, Access.requireUser(ctx));
        form(ctx, Map.of(), List.of(issued), HttpStatus.OK);
    }

    /** The candidate's link: the start page, the running attempt, or a clear page saying why not. */
    void landing(Context ctx) {
        var invitation = invitation(ctx);
        switch (invitation.state(clock.millis())) {
            case STARTED -> ctx.redirect("/attempts/" + invitation.attemptId() + "/q/1", HttpStatus.SEE_OTHER);
            case REVOKED -> throw new SkillmarkException.Closed(null, "This invitation was withdrawn. "
                    + "If you think that is a mistake, contact the person who sent it.");
            case EXPIRED -> throw new SkillmarkException.Closed(null, "This invitation expired on "
                    + Format.INSTANCE.time(invitation.expiresAt()) + ". Ask the person who sent it for a new link.");
            default -> startPage(ctx, invitation, "", HttpStatus.OK);
        }
    }

    void start(Context ctx) {
        var invitation = invitation(ctx);
        if (invitation.state(clock.millis()) != Invitation.State.OPEN) {
            landing(ctx);
            return;
        }
        String name = value(ctx, "name", invitation.candidateName());
        try {
            String id = attempts.start(invitation.quizId(), name,
                    Optional.of(new Attempts.Invited(invitation.id(), invitation.extraTimePercent())),
                    new Attempts.Client(access.clientAddress(ctx), ctx.header("User-Agent")));
            ctx.redirect("/attempts/" + id + "/q/1", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            startPage(ctx, invitation, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    private void startPage(Context ctx, Invitation invitation, String nameError, HttpStatus status) {
        var offer = content.current().offer(invitation.quizId()).orElseThrow(() -> new SkillmarkException.NotFound(
                "The quiz of this invitation is not available right now. Contact the person who sent it."));
        var model = new HashMap<String, Object>();
        model.put("offer", offer);
        model.put("quiz", offer.quiz());
        model.put("name", value(ctx, "name", invitation.candidateName()));
        model.put("nameError", nameError);
        model.put("grace", attempts.grace().toSeconds());
        model.put("fmt", Format.INSTANCE);
        model.put("action", "/i/" + ctx.pathParam("token") + "/start");
        model.put("extraTime", invitation.extraTimePercent());
        model.put("invited", true);
        ctx.status(status).render("attempt/start.html", model);
    }

    private Invitation invitation(Context ctx) {
        return invitations.byToken(ctx.pathParam("token")).orElseThrow(() -> new SkillmarkException.NotFound(
                "This invitation link is not valid. Check that you copied all of it."));
    }

    private static Invitations.Request request(Context ctx, String name) {
        return new Invitations.Request(ctx.formParam("quiz"), name, value(ctx, "email", ""),
                number(ctx, "expires", 7), number(ctx, "extra", 0));
    }

    private static int number(Context ctx, String field, int fallback) {
        String raw = value(ctx, field, String.valueOf(fallback)).strip();
        if (!raw.matches("\\d{1,4}")) {
            throw new SkillmarkException.InvalidInput(field, "Enter a whole number.");
        }
        return Integer.parseInt(raw);
    }

    private static String value(Context ctx, String field, String fallback) {
        return Optional.ofNullable(ctx.formParam(field)).orElse(fallback);
    }

    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
