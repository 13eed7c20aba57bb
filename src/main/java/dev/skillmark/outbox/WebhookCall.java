package dev.skillmark.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs an outbox webhook's JSON, signed: {@code X-Skillmark-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">} under the shared secret, with the timestamp in {@code X-Skillmark-Timestamp}, so a
 * receiver can refuse a replayed or altered call. Any answer but 2xx is a failure, retried later.
 */
final class WebhookCall implements Delivery.Channel {

    static final String SIGNATURE = "X-Skillmark-Signature";
    static final String TIMESTAMP = "X-Skillmark-Timestamp";
    private final Outbound.Webhook webhook;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookCall(Outbound.Webhook webhook, Clock clock) {
        this.webhook = webhook;
        this.clock = clock;
    }

    @Override
    public void deliver(Delivery call) throws Exception {
        String timestamp = String.valueOf(clock.millis() / 1000);
        var request = HttpRequest.newBuilder(URI.create(call.recipient()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Skillmark-Webhook")
                .header("X-Skillmark-Event", call.topic())
                .header("X-Skillmark-Delivery", String.valueOf(call.id()))
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(webhook.secret(), timestamp, call.textBody()))
                .POST(HttpRequest.BodyPublishers.ofString(call.textBody(), StandardCharsets.UTF_8))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}: what receivers recompute (the README shows how). */
    static String sign(String secret, String timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
