package dev.skillmark.outbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Skillmark sends what it tells people and other systems: an SMTP server and a sender address for
 * e-mail, a URL and a shared secret for the webhook. Either may be absent; nothing is sent there then.
 */
public record Outbound(Optional<Smtp> smtp, String mailFrom, Optional<Webhook> webhook, Duration sendEvery) {

    public static final Duration SEND_EVERY = Duration.ofSeconds(5);
    public static final Outbound NONE = new Outbound(Optional.empty(), "skillmark@localhost", Optional.empty(), SEND_EVERY);

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** No TLS at all: only for a relay on the same machine or network. */
        NONE;

        public static Tls parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SKILLMARK_SMTP_TLS must be starttls, smtps or none, not '" + text + "'", e);
            }
        }
    }

    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, Tls tls) {
        /** Never printed: the password is a secret. */
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", user=" + user.orElse("(none)") + ", password="
                    + (password.isPresent() ? "(set)" : "(none)") + ", tls=" + tls + "]";
        }
    }

    public record Webhook(String url, String secret) {
        /** Never printed: the secret signs every delivery. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=(set)]";
        }
    }

    public boolean mailEnabled() {
        return smtp.isPresent();
    }

    public Outbound withSmtp(Smtp smtp) {
        return new Outbound(Optional.of(smtp), mailFrom, webhook, sendEvery);
    }

    public Outbound withWebhook(Webhook webhook) {
        return new Outbound(smtp, mailFrom, Optional.of(webhook), sendEvery);
    }

    /** The same, with the sender looking for due deliveries this often (tests run it by hand instead). */
    public Outbound withSendEvery(Duration every) {
        return new Outbound(smtp, mailFrom, webhook, every);
    }
}
