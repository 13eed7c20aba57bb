package dev.skillmark.account;

import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Interviewers invite candidates: one, or a pasted list that comes back as a CSV of links. Every
 * successful post redirects; revoking and re-issuing ask first, on a page of their own.
 */
public final class InvitationController implements Routes {

    /**
     * Carries a just-issued link from the post to the page after the redirect, because only its hash is
     * stored; HttpOnly, for this path only, read once, and shown only if it matches the stored hash.
     */
    static final String ISSUED_COOKIE = "skillmark_issued";

    private final Invitations invitations;
    private final Content content;
    private final Supplier<String> publicUrl;
    private final boolean secureCookies;

    /** {@code publicUrl}: where candidates reach Skillmark, from the configuration, never from the Host header. */
    public InvitationController(Invitations invitations, Content content, Supplier<String> publicUrl, boolean secureCookies) {
        this.invitations = invitations;
        this.content = content;
        this.publicUrl = publicUrl;
        this.secureCookies = secureCookies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/invitations", this::page, Role.INTERVIEWER);
        routes.post("/invitations", this::invite, Role.INTERVIEWER);
        routes.post("/invitations/bulk", this::inviteMany, Role.INTERVIEWER);
        routes.get("/invitations/{id}/revoke", ctx -> confirm(ctx, true), Role.INTERVIEWER);
        routes.post("/invitations/{id}/revoke", this::revoke, Role.INTERVIEWER);
        routes.get("/invitations/{id}/reissue", ctx -> confirm(ctx, false), Role.INTERVIEWER);
        routes.post("/invitations/{id}/reissue", this::reissue, Role.INTERVIEWER);
    }

    /** The form, and once after a redirect the link that was just created or re-issued. */
    void page(Context ctx) {
        List<Invitations.Issued> issued = List.of();
        String cookie = ctx.cookie(ISSUED_COOKIE);
        if (cookie != null) {
            clearIssued(ctx);
            String[] parts = cookie.split("\\.", 2);
            issued = parts.length == 2 ? invitations.justIssued(parts[0], parts[1]).map(List::of).orElse(List.of()) : List.of();
        }
        String done = null;
        if (!issued.isEmpty()) {
            String name = issued.get(0).invitation().candidateName();
            done = "reissued".equals(ctx.queryParam("done"))
                    ? "New link for " + name + " ready; the old link no longer works."
                    : "Invitation for " + name + " created.";
        }
        form(ctx, Map.of(), issued, done, HttpStatus.OK);
    }

    void form(Context ctx, Map<String, String> errors, List<Invitations.Issued> issued, String done, HttpStatus status) {
        var model = new HashMap<String, Object>();
        model.put("offers", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("errors", errors);
        model.put("issued", issued);
        model.put("done", done == null ? "" : done);
        model.put("baseUrl", publicUrl.get());
        boolean bulk = ctx.path().endsWith("/bulk");
        model.put("form", Map.of(
                "quiz", bulk ? "" : value(ctx, "quiz", ""), "name", value(ctx, "name", ""), "email", value(ctx, "email", ""),
                "expires", bulk ? "7" : value(ctx, "expires", "7"), "extra", bulk ? "0" : value(ctx, "extra", "0"),
                "bulkQuiz", bulk ? value(ctx, "quiz", "") : "", "bulkExpires", bulk ? value(ctx, "expires", "7") : "7",
                "bulkExtra", bulk ? value(ctx, "extra", "0") : "0", "lines", value(ctx, "lines", "")));
        ctx.status(status).render("account/invitations.html", model);
    }

    void invite(Context ctx) {
        try {
            var issued = invitations.invite(request(ctx, value(ctx, "name", "")), StaffAccess.signedIn(ctx));
            showOnce(ctx, issued, "/invitations");
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), null, HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * Answers with a CSV of names and links, to paste into e-mails or a spreadsheet. The browser saves
     * it and stays on the form it came from, so a reload shows the form and sends nothing again.
     */
    void inviteMany(Context ctx) {
        try {
            var issued = invitations.inviteMany(request(ctx, "x"), ctx.formParam("lines"), StaffAccess.signedIn(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"invitations.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(Csv.write(invitations.csv(issued, publicUrl.get())));
        } catch (SkillmarkException.InvalidInput e) {
            String field = e.field().equals("lines") ? "lines" : "bulk-" + e.field();
            form(ctx, Map.of(field, e.getMessage()), List.of(), null, HttpStatus.BAD_REQUEST);
        }
    }

    /** Asks before revoking or re-issuing: a page with one form, so it works without JavaScript. */
    void confirm(Context ctx, boolean revoke) {
        var invitation = invitations.byId(ctx.pathParam("id"));
        String quiz = content.current().quiz(invitation.quizId()).map(q -> q.title()).orElse(invitation.quizId());
        var model = new HashMap<String, Object>();
        model.put("heading", (revoke ? "Revoke the invitation of " : "Re-issue the link of ") + invitation.candidateName() + "?");
        model.put("lines", revoke
                ? List.of("Quiz: " + quiz + ".", "The link stops working at once and cannot be used again. "
                        + "You can invite the candidate again later.")
                : List.of("Quiz: " + quiz + ".", "You get a new link, valid for 7 days. The old link stops working at once."));
        model.put("action", "/invitations/" + invitation.id() + (revoke ? "/revoke" : "/reissue"));
        model.put("hidden", Map.of());
        model.put("confirm", revoke ? "Revoke the invitation" : "Re-issue the link");
        model.put("cancel", "/review");
        ctx.render("confirm.html", model);
    }

    void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            invitations.revoke(id, StaffAccess.signedIn(ctx));
            ctx.redirect("/review?done=revoked&invitation=" + enc(id), HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.Conflict e) {
            ctx.redirect("/review?done=unchanged&invitation=" + enc(id), HttpStatus.SEE_OTHER);
        }
    }

    void reissue(Context ctx) {
        try {
            showOnce(ctx, invitations.reissue(ctx.pathParam("id"), 7, StaffAccess.signedIn(ctx)), "/invitations?done=reissued");
        } catch (SkillmarkException.Conflict e) {
            ctx.redirect("/review?done=unchanged&invitation=" + enc(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
        }
    }

    private void showOnce(Context ctx, Invitations.Issued issued, String to) {
        ctx.res().addHeader("Set-Cookie", ISSUED_COOKIE + "=" + issued.invitation().id() + "." + issued.token()
                + "; Path=/invitations; Max-Age=300; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    private void clearIssued(Context ctx) {
        ctx.res().addHeader("Set-Cookie", ISSUED_COOKIE + "=; Path=/invitations; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    private static Invitations.Request request(Context ctx, String name) {
        return new Invitations.Request(ctx.formParam("quiz"), name, value(ctx, "email", ""),
                number(ctx, "expires", 7), number(ctx, "extra", 0));
    }

    private static int number(Context ctx, String field, int fallback) {
        String raw = value(ctx, field, String.valueOf(fallback)).strip();
        if (!raw.matches("\\d{1,4}")) {
            throw new SkillmarkException.InvalidInput(field, field.equals("expires")
                    ? "Write how many days the link stays valid, as a whole number." : "Write the extra time as a whole number of percent.");
        }
        return Integer.parseInt(raw);
    }

    private static String value(Context ctx, String field, String fallback) {
        return Optional.ofNullable(ctx.formParam(field)).orElse(fallback);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
