package dev.skillmark.account;

import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Flash;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Interviewers invite candidates: one, or a pasted list that comes back as a CSV of links. A successful post
 * redirects and the page it lands on says what happened (once); revoking and re-issuing ask first, on a page
 * of their own, and a repeat of either changes nothing.
 */
public final class InvitationController implements Routes {

    private static final int REISSUE_DAYS = 7;
    private final Invitations invitations;
    private final Content content;
    private final Supplier<String> publicUrl;
    private final NoticeAddresses notices;

    /** {@code publicUrl}: where candidates reach Skillmark, from the configuration, never from the Host header. */
    public InvitationController(Invitations invitations, Content content, Supplier<String> publicUrl, NoticeAddresses notices) {
        this.invitations = invitations;
        this.content = content;
        this.publicUrl = publicUrl;
        this.notices = notices;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/invitations", ctx -> form(ctx, Map.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.post("/invitations", this::invite, Role.INTERVIEWER);
        routes.post("/invitations/bulk", this::inviteMany, Role.INTERVIEWER);
        routes.get("/invitations/{id}/revoke", ctx -> confirm(ctx, true), Role.INTERVIEWER);
        routes.post("/invitations/{id}/revoke", this::revoke, Role.INTERVIEWER);
        routes.get("/invitations/{id}/reissue", ctx -> confirm(ctx, false), Role.INTERVIEWER);
        routes.post("/invitations/{id}/reissue", this::reissue, Role.INTERVIEWER);
        routes.post("/invitations/notices", this::setNoticeAddress, Role.INTERVIEWER);
    }

    /** {@code errors}: field id to message; the bulk form's fields are prefixed {@code bulk-} (its list is {@code lines}). */
    void form(Context ctx, Map<String, String> errors, HttpStatus status) {
        boolean bulk = ctx.path().endsWith("/bulk");
        var model = new HashMap<String, Object>();
        model.put("offers", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("errors", errors);
        model.put("mailEnabled", invitations.mailEnabled());
        model.put("form", Map.of(
                "quiz", bulk ? "" : value(ctx, "quiz", ""), "name", value(ctx, "name", ""), "email", value(ctx, "email", ""),
                "expires", bulk ? "7" : value(ctx, "expires", "7"), "extra", bulk ? "0" : value(ctx, "extra", "0"),
                "bulkQuiz", bulk ? value(ctx, "quiz", "") : "", "bulkExpires", bulk ? value(ctx, "expires", "7") : "7",
                "bulkExtra", bulk ? value(ctx, "extra", "0") : "0", "lines", value(ctx, "lines", ""),
                "notify", value(ctx, "notify", notices.of(StaffAccess.signedIn(ctx).username()).orElse(""))));
        ctx.status(status).render("account/invitations.html", model);
    }

    void invite(Context ctx) {
        // every problem at once, so the summary lists them all: numbers that do not parse, then the rest
        var errors = new LinkedHashMap<String, String>();
        int expires = numberOr(ctx, "expires", 7, errors);
        int extra = numberOr(ctx, "extra", 0, errors);
        var request = new Invitations.Request(ctx.formParam("quiz"), value(ctx, "name", ""), value(ctx, "email", ""), expires, extra);
        invitations.problems(request).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            var ordered = new LinkedHashMap<String, String>();
            for (String field : List.of("quiz", "name", "email", "expires", "extra")) {
                if (errors.containsKey(field)) {
                    ordered.put(field, errors.get(field));
                }
            }
            form(ctx, ordered, HttpStatus.BAD_REQUEST);
            return;
        }
        try {
            var issued = invitations.invite(request, StaffAccess.signedIn(ctx));
            boolean mailed = invitations.mailEnabled() && !issued.invitation().email().isBlank();
            showOnce(ctx, "Invitation for " + issued.invitation().candidateName() + " to " + title(issued.invitation())
                    + " created. " + (mailed ? "An e-mail with this link is on its way to " + issued.invitation().email()
                    + ", with a reminder a day before it expires." : "Send the candidate this link."), issued);
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * Answers with a CSV of names and links, to paste into e-mails or a spreadsheet. The browser saves it and
     * stays on the form it came from, so a reload shows that form and sends nothing again.
     */
    void inviteMany(Context ctx) {
        try {
            var issued = invitations.inviteMany(request(ctx, "x"), ctx.formParam("lines"), StaffAccess.signedIn(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"invitations.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(Csv.write(invitations.csv(issued, publicUrl.get())));
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field().equals("lines") ? "lines" : "bulk-" + e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    void setNoticeAddress(Context ctx) {
        try {
            notices.set(StaffAccess.signedIn(ctx), ctx.formParam("notify"));
            Flash.next(ctx, "Your address for notices is saved.");
            ctx.redirect("/invitations", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    /** Asks before revoking or re-issuing: a page with one form, so it works without JavaScript. */
    void confirm(Context ctx, boolean revoke) {
        var invitation = invitations.byId(ctx.pathParam("id"));
        if (invitation.state(invitations.now()) != Invitation.State.OPEN) {
            Flash.next(ctx, "The invitation of " + invitation.candidateName() + " is " + stateWords(invitation)
                    + ", so there is nothing to " + (revoke ? "revoke." : "re-issue."));
            ctx.redirect("/review", HttpStatus.SEE_OTHER);
            return;
        }
        var model = new HashMap<String, Object>();
        model.put("heading", (revoke ? "Revoke the invitation of " : "Re-issue the link of ") + invitation.candidateName() + "?");
        model.put("lines", revoke
                ? List.of("Quiz: " + title(invitation) + ".", "The link stops working at once and cannot be used again. "
                        + "You can invite the candidate again later.")
                : List.of("Quiz: " + title(invitation) + ".", "You get a new link, valid for " + REISSUE_DAYS
                        + " days. The link you sent before stops working at once."));
        model.put("action", "/invitations/" + invitation.id() + (revoke ? "/revoke" : "/reissue"));
        // the re-issue names the link it replaces, so sending the same form twice makes one new link, not two
        model.put("hidden", revoke ? Map.of() : Map.of("replaces", invitation.tokenHash()));
        model.put("confirm", revoke ? "Revoke the invitation" : "Re-issue the link");
        model.put("danger", revoke);
        model.put("cancel", "/review");
        ctx.render("confirm.html", model);
    }

    void revoke(Context ctx) {
        var user = StaffAccess.signedIn(ctx);
        try {
            var invitation = invitations.revoke(ctx.pathParam("id"), user);
            Flash.next(ctx, "Invitation of " + invitation.candidateName() + " revoked: the link no longer works.");
        } catch (SkillmarkException.Conflict e) {
            var invitation = invitations.byId(ctx.pathParam("id"));
            if (invitation.revokedAt() == null) {
                throw e;
            }
            Flash.next(ctx, "The invitation of " + invitation.candidateName() + " was already revoked; nothing changed.");
        }
        ctx.redirect("/review", HttpStatus.SEE_OTHER);
    }

    void reissue(Context ctx) {
        String replaces = Optional.ofNullable(ctx.formParam("replaces")).orElse("");
        var result = invitations.reissue(ctx.pathParam("id"), REISSUE_DAYS, replaces, StaffAccess.signedIn(ctx));
        if (result.isEmpty()) {
            var invitation = invitations.byId(ctx.pathParam("id"));
            Flash.next(ctx, "The link of " + invitation.candidateName() + " was already re-issued; nothing changed. "
                    + "Only the newest link works; if it got lost, re-issue again from the candidates page.");
            ctx.redirect("/review", HttpStatus.SEE_OTHER);
            return;
        }
        var issued = result.get();
        showOnce(ctx, "New link for " + issued.invitation().candidateName() + " to " + title(issued.invitation())
                + " ready; the old link no longer works.", issued);
    }

    /** The link exists only now (just its hash is stored): the next page shows it once, in the flash. */
    private void showOnce(Context ctx, String text, Invitations.Issued issued) {
        Flash.next(ctx, new Flash.Message(text, publicUrl.get() + issued.path(), "Link for " + issued.invitation().candidateName()));
        ctx.redirect("/invitations", HttpStatus.SEE_OTHER);
    }

    private String title(Invitation invitation) {
        return invitations.quizTitle(invitation.quizId());
    }

    private String stateWords(Invitation invitation) {
        return switch (invitation.state(invitations.now())) {
            case REVOKED -> "already revoked";
            case STARTED -> "already in use by the candidate's attempt";
            case EXPIRED -> "expired";
            case OPEN -> "open";
        };
    }

    private static Invitations.Request request(Context ctx, String name) {
        return new Invitations.Request(ctx.formParam("quiz"), name, value(ctx, "email", ""),
                number(ctx, "expires", 7), number(ctx, "extra", 0));
    }

    /** The number typed in {@code field}, or a valid stand-in with the problem noted in {@code errors}. */
    private static int numberOr(Context ctx, String field, int fallback, Map<String, String> errors) {
        try {
            return number(ctx, field, fallback);
        } catch (SkillmarkException.InvalidInput e) {
            errors.put(field, e.getMessage());
            return fallback;
        }
    }

    private static int number(Context ctx, String field, int fallback) {
        String raw = value(ctx, field, String.valueOf(fallback)).strip();
        if (!raw.matches("\\d{1,4}")) {
            throw new SkillmarkException.InvalidInput(field, field.equals("expires")
                    ? "Enter how many days the link stays valid, as a whole number." : "Enter the extra time as a whole number of percent.");
        }
        return Integer.parseInt(raw);
    }

    private static String value(Context ctx, String field, String fallback) {
        return Optional.ofNullable(ctx.formParam(field)).orElse(fallback);
    }
}
