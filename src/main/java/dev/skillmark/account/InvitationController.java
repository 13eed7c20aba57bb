package dev.skillmark.account;

import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Interviewers invite candidates: one, or a pasted list that comes back as a CSV of links. */
public final class InvitationController implements Routes {

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
        routes.get("/invitations", ctx -> form(ctx, Map.of(), List.of(), HttpStatus.OK), Role.INTERVIEWER);
        routes.post("/invitations", this::invite, Role.INTERVIEWER);
        routes.post("/invitations/bulk", this::inviteMany, Role.INTERVIEWER);
        routes.post("/invitations/{id}/revoke", this::revoke, Role.INTERVIEWER);
        routes.post("/invitations/{id}/reissue", this::reissue, Role.INTERVIEWER);
        routes.post("/invitations/notices", this::setNoticeAddress, Role.INTERVIEWER);
    }

    void form(Context ctx, Map<String, String> errors, List<Invitations.Issued> issued, HttpStatus status) {
        var model = new HashMap<String, Object>();
        model.put("offers", content.current().offers());
        model.put("outages", invitations.outages());
        model.put("errors", errors);
        model.put("issued", issued);
        model.put("baseUrl", publicUrl.get());
        model.put("mailEnabled", invitations.mailEnabled());
        model.put("form", Map.of(
                "quiz", value(ctx, "quiz", ""), "name", value(ctx, "name", ""), "email", value(ctx, "email", ""),
                "expires", value(ctx, "expires", "7"), "extra", value(ctx, "extra", "0"), "lines", value(ctx, "lines", ""), "notify", value(ctx, "notify", notices.of(StaffAccess.signedIn(ctx).username()).orElse(""))));
        ctx.status(status).render("account/invitations.html", model);
    }

    void invite(Context ctx) {
        try {
            var issued = invitations.invite(request(ctx, value(ctx, "name", "")), StaffAccess.signedIn(ctx));
            form(ctx, Map.of(), List.of(issued), HttpStatus.CREATED);
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), HttpStatus.BAD_REQUEST);
        }
    }

    /** Answers with a CSV of names and links, to paste into e-mails or a spreadsheet. */
    void inviteMany(Context ctx) {
        try {
            var issued = invitations.inviteMany(request(ctx, "x"), ctx.formParam("lines"), StaffAccess.signedIn(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"invitations.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(Csv.write(Invitations.csv(issued, publicUrl.get())));
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), HttpStatus.BAD_REQUEST);
        }
    }

    void setNoticeAddress(Context ctx) {
        try {
            notices.set(StaffAccess.signedIn(ctx), ctx.formParam("notify"));
            ctx.redirect("/invitations", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            form(ctx, Map.of(e.field(), e.getMessage()), List.of(), HttpStatus.BAD_REQUEST);
        }
    }

    void revoke(Context ctx) {
        invitations.revoke(ctx.pathParam("id"), StaffAccess.signedIn(ctx));
        ctx.redirect("/review", HttpStatus.SEE_OTHER);
    }

    void reissue(Context ctx) {
        var issued = invitations.reissue(ctx.pathParam("id"), 7, StaffAccess.signedIn(ctx));
        form(ctx, Map.of(), List.of(issued), HttpStatus.OK);
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
}
