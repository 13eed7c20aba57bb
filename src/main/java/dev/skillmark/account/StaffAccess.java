package dev.skillmark.account;

import dev.skillmark.web.Guard;
import dev.skillmark.web.Role;
import dev.skillmark.web.SkillmarkException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Staff sessions on the web: the session cookie is resolved to a user before every page, and a
 * route's declared roles are checked against that user before its handler runs.
 */
public final class StaffAccess implements Guard {

    public static final String SESSION_COOKIE = "skillmark_session";
    /** Where someone whose password an admin reset must go before anything else. */
    public static final String CHANGE_PASSWORD = "/account/password";
    private static final String USER = "skillmark.user";

    private final Accounts accounts;
    private final boolean secureCookies;

    public StaffAccess(Accounts accounts, boolean secureCookies) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
    }

    @Override
    public void identify(Context ctx) {
        String sessionId = ctx.cookie(SESSION_COOKIE);
        Optional<User> user = sessionId == null ? Optional.empty() : accounts.current(sessionId);
        user.ifPresent(u -> {
            ctx.attribute(USER, u);
            ctx.attribute(Guard.STAFF, u);
        });
    }

    @Override
    public Optional<String> sessionId(Context ctx) {
        return user(ctx).map(u -> ctx.cookie(SESSION_COOKIE));
    }

    @Override
    public void require(Context ctx, Set<Role> roles) {
        var user = user(ctx);
        if (user.isEmpty()) {
            if (ctx.method().name().equals("GET")) {
                String next = URLEncoder.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                        StandardCharsets.UTF_8);
                ctx.redirect("/sign-in?next=" + next, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new SkillmarkException.Forbidden("Sign in first.");
        }
        if (user.get().mustChangePassword() && !ctx.path().equals(CHANGE_PASSWORD)) {
            if (ctx.method().name().equals("GET")) {
                ctx.redirect(CHANGE_PASSWORD, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new SkillmarkException.Forbidden("An admin reset your password: choose a new one first.");
        }
        if (roles.stream().noneMatch(user.get()::may)) {
            throw new SkillmarkException.Forbidden("Your account does not have the "
                    + roles.iterator().next().label().toLowerCase(java.util.Locale.ROOT) + " role needed for this page.");
        }
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user of a route that declares roles: {@link #require} has already let them in. */
    public static User signedIn(Context ctx) {
        return user(ctx).orElseThrow(() -> new SkillmarkException.Forbidden("Sign in first."));
    }

    public void startSession(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : ""));
    }

    public void endSession(Context ctx) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secureCookies ? "; Secure" : ""));
    }
}
