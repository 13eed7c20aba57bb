package dev.skillmark.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-time confirmation carried across a POST-redirect-GET: the post sets a short-lived cookie signed under
 * the server secret and bound to this browser; the next page reads it once and clears it, so a reload shows
 * the page without the message and sends nothing again. Nothing is kept in memory, so any instance can show it.
 */
public final class Flash {

    /** What the next page says; {@code link} is a just-issued address it shows once (or empty), labelled {@code linkLabel}. */
    public record Message(String text, String link, String linkLabel) {
        public Message {
            link = link == null ? "" : link;
            linkLabel = linkLabel == null ? "" : linkLabel;
        }
    }

    static final String COOKIE = "skillmark_flash";
    private static final String CODEC = "skillmark.flash.codec";
    private static final String SHOWN = "skillmark.flash";
    private static final int MAX_AGE_SECONDS = 120;

    private final SecretKeySpec key;
    private final boolean secureCookies;

    Flash(byte[] secret, boolean secureCookies) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.secureCookies = secureCookies;
    }

    /** Runs before every page, after CSRF has named the browser: a GET takes the message meant for it, once. */
    void handle(Context ctx) {
        ctx.attribute(CODEC, this);
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || ctx.method() != HandlerType.GET) {
            return;
        }
        ctx.res().addHeader("Set-Cookie", cookie("", 0));
        decode(cookie, Csrf.browserId(ctx)).ifPresent(m -> ctx.attribute(SHOWN, m));
    }

    /** Says {@code text} on the page this request redirects to. */
    public static void next(Context ctx, String text) {
        next(ctx, new Message(text, "", ""));
    }

    public static void next(Context ctx, Message message) {
        Flash codec = ctx.attribute(CODEC);
        if (codec == null) {
            throw new IllegalStateException("Flash is set up by Web before every page");
        }
        ctx.res().addHeader("Set-Cookie", codec.cookie(codec.encode(message, Csrf.browserId(ctx)), MAX_AGE_SECONDS));
    }

    /** The message this page shows, if the post before it left one. */
    public static Optional<Message> shown(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SHOWN));
    }

    private String cookie(String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : "");
    }

    String encode(Message message, String browser) {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(message.text().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(message.link().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(message.linkLabel().getBytes(StandardCharsets.UTF_8));
        return payload + "." + mac(browser + "|" + payload);
    }

    Optional<Message> decode(String cookie, String browser) {
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(browser + "|" + payload).getBytes(StandardCharsets.UTF_8),
                parts[3].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            var b64 = Base64.getUrlDecoder();
            return Optional.of(new Message(new String(b64.decode(parts[0]), StandardCharsets.UTF_8),
                    new String(b64.decode(parts[1]), StandardCharsets.UTF_8), new String(b64.decode(parts[2]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String mac(String binding) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("flash:" + binding).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
