package dev.skillmark.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection in two layers. The token in every form (or the X-CSRF-Token header for the page
 * script) is an HMAC, under a secret kept in the database, of who is asking: the staff session when
 * someone is signed in, otherwise a random per-browser id cookie. A token minted for another browser
 * or another session is refused, and signing in rotates it (a new session, a new token). A cookie
 * planted from another port or subdomain cannot produce a valid token without the secret. On top,
 * a POST that the browser marks as cross-site ({@code Sec-Fetch-Site}) or that names another
 * {@code Origin} is refused; clients that send neither (curl, scripts) still need the right token.
 */
public final class Csrf {

    static final String BROWSER_COOKIE = "skillmark_browser";
    static final String FIELD = "csrf";
    static final String REFUSED = "This form has expired or did not come from Skillmark. "
            + "Go back, reload the page and try again (cookies must be enabled).";
    private static final String ATTRIBUTE = "skillmark.csrf";
    private static final String BROWSER = "skillmark.browser";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final boolean secureCookies;
    private final Optional<String> publicOrigin;

    Csrf(byte[] secret, boolean secureCookies, Optional<String> publicUrl) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.secureCookies = secureCookies;
        this.publicOrigin = publicUrl.map(Csrf::origin);
    }

    /** Runs before every page, after the guard has identified the visitor: checks a POST, then offers the token. */
    void handle(Context ctx, Guard guard) {
        var session = guard.sessionId(ctx);
        String browser = ctx.cookie(BROWSER_COOKIE);
        boolean fresh = browser == null || !browser.matches("[A-Za-z0-9_-]{43}");
        if (fresh) {
            browser = randomId();
            ctx.res().addHeader("Set-Cookie", BROWSER_COOKIE + "=" + browser + "; Path=/; HttpOnly; SameSite=Lax"
                    + (secureCookies ? "; Secure" : ""));
        }
        ctx.attribute(BROWSER, browser);
        String expected = mac(session.map(s -> "staff:" + s).orElse("browser:" + browser));
        if (ctx.method() == HandlerType.POST) {
            if (crossSite(ctx)) {
                throw new SkillmarkException.Forbidden("This form was sent from another site, so it was refused. "
                        + "Open Skillmark directly and try again.");
            }
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null) {
                sent = ctx.formParam(FIELD);
            }
            if (fresh || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    sent.getBytes(StandardCharsets.UTF_8))) {
                throw new SkillmarkException.Forbidden(REFUSED);
            }
        }
        ctx.attribute(ATTRIBUTE, expected);
    }

    /** A browser says where a request came from; anything but this very origin (or the user typing) is refused. */
    private boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        // "null" from a browser that also says same-origin: it hides the origin because our Referrer-Policy is no-referrer
        if (origin.strip().equals("null")) {
            return !"same-origin".equals(site);
        }
        String normalised = origin(origin);
        if (publicOrigin.isPresent() && publicOrigin.get().equals(normalised)) {
            return false;
        }
        String host = ctx.header("Host");
        try {
            var uri = URI.create(origin.strip());
            return host == null || uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    static String origin(String url) {
        try {
            var uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private String mac(String binding) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String randomId() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** This browser's random id (from its id cookie): what per-browser limits count by. */
    public static String browserId(Context ctx) {
        String id = ctx.attribute(BROWSER);
        return id == null ? "" : id;
    }

    /** The token for this request's forms (the same one the page script sends as X-CSRF-Token). */
    public static String token(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        return token == null ? "" : token;
    }
}
