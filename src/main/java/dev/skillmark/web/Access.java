package dev.skillmark.web;

import dev.skillmark.SkillmarkException;
import dev.skillmark.account.Accounts;
import dev.skillmark.account.Role;
import dev.skillmark.account.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, and may they. Every request's session cookie is resolved to a user here, and
 * every path under a protected prefix is checked against its role before any handler runs.
 */
public final class Access {

    public static final String SESSION_COOKIE = "skillmark_session";
    private static final String USER = "skillmark.user";
    /** Path prefix to the role it needs; an admin passes every check. */
    private static final Map<String, Role> RULES = Map.of(
            "/admin", Role.ADMIN,
            "/review", Role.INTERVIEWER,
            "/invitations", Role.INTERVIEWER,
            "/trainer", Role.TRAINER,
            "/content", Role.TRAINER);

    private final Accounts accounts;
    private final boolean secureCookies;
    private final Set<String> trustedProxies;

    public Access(Accounts accounts, boolean secureCookies, Set<String> trustedProxies) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    void handle(Context ctx) {
        String sessionId = ctx.cookie(SESSION_COOKIE);
        Optional<User> user = sessionId == null ? Optional.empty() : accounts.current(sessionId);
        user.ifPresent(u -> ctx.attribute(USER, u));
        Role needed = neededRole(ctx.path());
        if (needed == null) {
            return;
        }
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
        if (!user.get().may(needed)) {
            throw new SkillmarkException.Forbidden("Your account does not have the " + needed.label().toLowerCase()
                    + " role needed for this page.");
        }
    }

    static Role neededRole(String path) {
        for (var rule : RULES.entrySet()) {
            if (path.equals(rule.getKey()) || path.startsWith(rule.getKey() + "/")) {
                return rule.getValue();
            }
        }
        return null;
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user of a route that {@link #RULES} protects. */
    public static User requireUser(Context ctx) {
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

    public boolean secureCookies() {
        return secureCookies;
    }

    /**
     * The address Skillmark sees. Forwarded headers are believed only from a configured proxy,
     * since anyone can send them.
     */
    public String clientAddress(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(remote)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return remote;
    }
}
