package dev.skillmark.web;

import dev.skillmark.web.SkillmarkException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Double-submit CSRF protection: a random HttpOnly, SameSite=Lax cookie, echoed in every form
 * (or the X-CSRF-Token header for script requests). A POST whose token does not match is refused.
 */
public final class Csrf {

    static final String COOKIE = "skillmark_csrf";
    static final String FIELD = "csrf";
    private static final String ATTRIBUTE = "skillmark.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** Runs before every request: issues the cookie when missing, checks the token on POST. */
    static void handle(Context ctx, boolean secureCookies) {
        String cookie = ctx.cookie(COOKIE);
        if (ctx.method() == HandlerType.POST) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null) {
                sent = ctx.formParam(FIELD);
            }
            if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                    sent.getBytes(StandardCharsets.UTF_8))) {
                throw new SkillmarkException.Forbidden("This form has expired or did not come from Skillmark. "
                        + "Go back, reload the page and try again (cookies must be enabled).");
            }
        }
        if (cookie == null || !cookie.matches("[A-Za-z0-9_-]{43}")) {
            var bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + cookie + "; Path=/; HttpOnly; SameSite=Lax"
                    + (secureCookies ? "; Secure" : ""));
        }
        ctx.attribute(ATTRIBUTE, cookie);
    }

    public static String token(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        return token == null ? "" : token;
    }
}
