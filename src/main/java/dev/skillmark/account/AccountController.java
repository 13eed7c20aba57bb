package dev.skillmark.account;

import dev.skillmark.content.Content;
import dev.skillmark.web.SkillmarkException;
import dev.skillmark.web.ClientAddress;
import dev.skillmark.web.Flash;
import dev.skillmark.web.Role;
import dev.skillmark.web.DayRange;
import dev.skillmark.web.Format;
import dev.skillmark.web.Paging;
import dev.skillmark.web.QueryString;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sign-in and sign-out, the first-admin setup link, and the admin's pages for users, settings and the audit log. */
public final class AccountController implements Routes {

    private final Accounts accounts;
    private final StaffAccess access;
    private final ClientAddress clientAddress;
    private final Audit audit;
    private final Settings settings;
    private final UserAdmin admin;
    private final Content content;

    public AccountController(Accounts accounts, StaffAccess access, ClientAddress clientAddress, Audit audit, Settings settings,
                             UserAdmin admin, Content content) {
        this.admin = admin;
        this.content = content;
        this.clientAddress = clientAddress;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/sign-in", ctx -> signInPage(ctx, "", "", HttpStatus.OK));
        routes.post("/sign-in", this::signIn);
        routes.post("/sign-out", this::signOut);
        routes.get("/setup/{token}", ctx -> setupPage(ctx, Map.of(), HttpStatus.OK));
        routes.post("/setup/{token}", this::setup);
        routes.get("/admin/users", ctx -> usersPage(ctx, Map.of(), Map.of(), HttpStatus.OK), Role.ADMIN);
        routes.post("/admin/users", this::createUser, Role.ADMIN);
        routes.post("/admin/users/{id}/roles", this::setRoles, Role.ADMIN);
        routes.get("/admin/users/{id}/deactivate", this::confirmDeactivate, Role.ADMIN);
        routes.post("/admin/users/{id}/active", this::setActive, Role.ADMIN);
        routes.post("/admin/users/{id}/password", this::resetPassword, Role.ADMIN);
        routes.get("/account/password", ctx -> passwordPage(ctx, Map.of(), HttpStatus.OK), Role.values());
        routes.post("/account/password", this::changePassword, Role.values());
        routes.post("/admin/settings", this::saveSettings, Role.ADMIN);
        routes.get("/admin/audit", this::auditPage, Role.ADMIN);
    }

    void signInPage(Context ctx, String username, String error, HttpStatus status) {
        ctx.status(status).render("account/sign-in.html", Map.of("username", username, "error", error,
                "next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"))));
    }

    void signIn(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        try {
            var signedIn = accounts.signIn(username, ctx.formParam("password"), clientAddress.of(ctx));
            access.startSession(ctx, signedIn.sessionId());
            String next = safeNext(ctx.formParam("next"));
            ctx.redirect(signedIn.user().mustChangePassword() ? StaffAccess.CHANGE_PASSWORD
                    : next.isEmpty() ? signedIn.user().home() : next, HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.Throttled e) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            signInPage(ctx, username, e.getMessage(), HttpStatus.TOO_MANY_REQUESTS);
        } catch (SkillmarkException.InvalidInput e) {
            signInPage(ctx, username, e.getMessage(), HttpStatus.UNAUTHORIZED);
        }
    }

    void signOut(Context ctx) {
        var user = StaffAccess.user(ctx);
        user.ifPresent(u -> accounts.signOut(ctx.cookie(StaffAccess.SESSION_COOKIE), u));
        access.endSession(ctx);
        ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
    }

    void setupPage(Context ctx, Map<String, String> errors, HttpStatus status) {
        if (!accounts.setupTokenIsOpen(ctx.pathParam("token"))) {
            throw new SkillmarkException.NotFound("This setup link is not valid or was already used. "
                    + "Sign in instead, or restart Skillmark to print a new link if there is still no admin.");
        }
        var model = new HashMap<String, Object>();
        model.put("token", ctx.pathParam("token"));
        model.put("errors", errors);
        model.put("username", Optional.ofNullable(ctx.formParam("username")).orElse(""));
        model.put("displayName", Optional.ofNullable(ctx.formParam("displayName")).orElse(""));
        ctx.status(status).render("account/setup.html", model);
    }

    void setup(Context ctx) {
        var problems = newUserProblems(ctx, EnumSet.of(Role.ADMIN));
        if (!problems.isEmpty()) {
            setupPage(ctx, problems, HttpStatus.BAD_REQUEST);
            return;
        }
        try {
            var user = accounts.completeSetup(ctx.pathParam("token"), ctx.formParam("username"), ctx.formParam("displayName"),
                    ctx.formParam("password"));
            try {
                var signedIn = accounts.signIn(user.username(), ctx.formParam("password"), clientAddress.of(ctx));
                access.startSession(ctx, signedIn.sessionId());
                ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
            } catch (SkillmarkException.Throttled busy) {
                // the admin exists and the link is used up: a busy moment must not make the setup look failed
                ctx.redirect("/sign-in?next=%2Fadmin%2Fusers", HttpStatus.SEE_OTHER);
            }
        } catch (SkillmarkException.InvalidInput e) {
            setupPage(ctx, Map.of(e.field(), e.getMessage()), HttpStatus.BAD_REQUEST);
        }
    }

    void usersPage(Context ctx, Map<String, String> errors, Map<String, String> form, HttpStatus status) {
        var model = new HashMap<String, Object>();
        model.put("users", accounts.users());
        model.put("lastSignIn", accounts.lastSignIns());
        model.put("roles", Role.values());
        model.put("errors", errors);
        // the summary at the top links to the field: a reset's error to that user's first password box
        var summary = new LinkedHashMap<String, String>();
        errors.forEach((key, message) -> summary.put(key.startsWith("reset-") ? "reset-password-" + key.substring(6) : key, message));
        model.put("summary", summary);
        model.put("form", form);
        model.put("publicPractice", settings.publicPractice());
        model.put("publicExamAttempts", settings.publicExamAttempts());
        // the admin sees, before and after turning public practice on, what it would expose
        model.put("shared", content.current().sharedWithPublicPractice());
        ctx.status(status).render("account/users.html", model);
    }

    void createUser(Context ctx) {
        var roles = EnumSet.noneOf(Role.class);
        ctx.formParams("roles").forEach(r -> Role.parse(r).ifPresent(roles::add));
        var form = Map.of("username", Optional.ofNullable(ctx.formParam("username")).orElse(""),
                "displayName", Optional.ofNullable(ctx.formParam("displayName")).orElse(""),
                "roles", String.join(",", ctx.formParams("roles")));
        var problems = newUserProblems(ctx, roles);
        if (!problems.isEmpty()) {
            usersPage(ctx, problems, form, HttpStatus.BAD_REQUEST);
            return;
        }
        try {
            accounts.create(ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("password"), roles,
                    StaffAccess.signedIn(ctx).username());
            Flash.next(ctx, "User " + ctx.formParam("username").strip() + " added. They sign in with the password you chose.");
            ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            usersPage(ctx, Map.of(e.field(), e.getMessage()), form, HttpStatus.BAD_REQUEST);
        }
    }

    void setRoles(Context ctx) {
        var roles = EnumSet.noneOf(Role.class);
        ctx.formParams("roles").forEach(r -> Role.parse(r).ifPresent(roles::add));
        accounts.setRoles(userId(ctx), roles, StaffAccess.signedIn(ctx));
        Flash.next(ctx, "Roles of " + user(userId(ctx)).username() + " saved.");
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    /** Asks before deactivating: the user is signed out everywhere at once. */
    void confirmDeactivate(Context ctx) {
        var target = user(userId(ctx));
        var model = new HashMap<String, Object>();
        model.put("heading", "Deactivate " + target.displayName() + " (" + target.username() + ")?");
        model.put("lines", List.of("They are signed out at once and cannot sign in until an admin reactivates them.",
                "Their invitations, grades and notes stay as they are."));
        model.put("action", "/admin/users/" + target.id() + "/active");
        model.put("hidden", Map.of("active", "off"));
        model.put("confirm", "Deactivate " + target.username());
        model.put("danger", true);
        model.put("cancel", "/admin/users");
        ctx.render("confirm.html", model);
    }

    /** Deactivating twice leaves the account as once did: a repeat changes nothing. */
    void setActive(Context ctx) {
        boolean active = "on".equals(ctx.formParam("active"));
        admin.setActive(userId(ctx), active, StaffAccess.signedIn(ctx));
        String name = user(userId(ctx)).username();
        Flash.next(ctx, active ? name + " reactivated: they can sign in again."
                : name + " deactivated: their sessions ended and they cannot sign in.");
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    void resetPassword(Context ctx) {
        long id = userId(ctx);
        try {
            requireSamePassword(ctx);
            admin.resetPassword(id, ctx.formParam("password"), StaffAccess.signedIn(ctx));
            Flash.next(ctx, "Password of " + user(id).username() + " reset: they choose a new one at their next sign-in.");
            ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            usersPage(ctx, Map.of("reset-" + id, e.getMessage()), Map.of(), HttpStatus.BAD_REQUEST);
        }
    }

    void passwordPage(Context ctx, Map<String, String> errors, HttpStatus status) {
        ctx.status(status).render("account/password.html", Map.of("errors", errors,
                "forced", StaffAccess.signedIn(ctx).mustChangePassword()));
    }

    void changePassword(Context ctx) {
        var user = StaffAccess.signedIn(ctx);
        try {
            admin.changePassword(user, ctx.formParam("current"), ctx.formParam("password"), ctx.formParam("confirm"));
            Flash.next(ctx, "Your password was changed.");
            ctx.redirect(user.home(), HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            passwordPage(ctx, e.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    private User user(long id) {
        return accounts.users().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new SkillmarkException.NotFound("There is no such user."));
    }

    private static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new SkillmarkException.NotFound("There is no such user.");
        }
    }

    void saveSettings(Context ctx) {
        var actor = StaffAccess.signedIn(ctx);
        boolean on = "on".equals(ctx.formParam("publicPractice"));
        if (on != settings.publicPractice()) {
            settings.setPublicPractice(on, actor);
        }
        String attempts = Optional.ofNullable(ctx.formParam("publicExamAttempts")).orElse("").strip();
        if (attempts.matches("\\d{1,3}") && Integer.parseInt(attempts) != settings.publicExamAttempts()) {
            settings.setPublicExamAttempts(Integer.parseInt(attempts), actor);
        }
        Flash.next(ctx, "Settings saved.");
        ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
    }

    /** The audit log, filtered and paged by the database; a day that cannot be read is said beside its box. */
    void auditPage(Context ctx) {
        var errors = new LinkedHashMap<String, String>();
        var days = DayRange.read(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("tz"), errors);
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (search.length() > 200) {
            errors.put("q", "Search for at most 200 characters.");
            search = "";
        }
        var filter = new Audit.Filter(ctx.queryParam("actor"), ctx.queryParam("action"), search, days);
        var listing = audit.search(filter, ctx.queryParam("page"), ctx.queryParam("size"));
        var query = QueryString.of().with("actor", filter.actor()).with("action", filter.action()).with("q", filter.search())
                .with("from", days.from().orElse(null)).with("to", days.to().orElse(null))
                .with("tz", days.from().isPresent() || days.to().isPresent() ? days.zoneName() : null)
                .with("size", listing.paging().size() == Paging.DEFAULT_SIZE ? null : listing.paging().size());
        var model = new java.util.HashMap<String, Object>();
        model.put("listing", listing);
        model.put("entries", listing.entries());
        model.put("paging", listing.paging());
        model.put("sizes", Paging.SIZES);
        model.put("filter", filter);
        model.put("errors", errors);
        model.put("typedFrom", Optional.ofNullable(ctx.queryParam("from")).orElse(""));
        model.put("typedTo", Optional.ofNullable(ctx.queryParam("to")).orElse(""));
        model.put("query", query);
        model.put("fmt", Format.INSTANCE);
        ctx.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).render("account/audit.html", model);
    }

    /** Every problem of a new user's form at once, in the order of its fields: the domain's, and the two passwords differing. */
    private static Map<String, String> newUserProblems(Context ctx, java.util.Set<Role> roles) {
        var found = Accounts.problems(ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("password"), roles);
        var problems = new LinkedHashMap<String, String>();
        for (String field : List.of("username", "displayName", "password", "confirm", "roles")) {
            if (field.equals("confirm") && !Optional.ofNullable(ctx.formParam("password")).orElse("").equals(ctx.formParam("confirm"))) {
                problems.put("confirm", "The two passwords are not the same.");
            } else if (found.containsKey(field)) {
                problems.put(field, found.get(field));
            }
        }
        return problems;
    }

    private static void requireSamePassword(Context ctx) {
        if (!Optional.ofNullable(ctx.formParam("password")).orElse("").equals(ctx.formParam("confirm"))) {
            throw new SkillmarkException.InvalidInput("confirm", "The two passwords are not the same.");
        }
    }

    /**
     * Only same-origin paths, so a crafted link cannot send someone elsewhere after signing in: exactly
     * one leading {@code /}, and no {@code //}, backslash, control character or other whitespace anywhere
     * (browsers drop tabs and line breaks from URLs, which would turn {@code /<TAB>/host} into {@code //host}).
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.contains("//") || next.contains("\\")
                || next.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT)) {
            return "";
        }
        return next;
    }
}
