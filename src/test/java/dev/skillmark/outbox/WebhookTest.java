package dev.skillmark.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The applicant-tracking webhook against a real HTTP receiver that checks every signature the way the README says. */
class WebhookTest {

    static final String SECRET = "a shared secret for the test";
    @TempDir
    Path dir;
    HttpServer receiver;
    /** What the receiver took: bodies whose signature and timestamp checked out. */
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    /** The status the receiver answers with; 500 plays a receiver that is down. */
    final AtomicInteger answer = new AtomicInteger(200);
    TestApp app;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/skillmark", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Skillmark-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Skillmark-Signature");
            int status = answer.get();
            if (status == 200 && !verifies(timestamp, body, signature, app.clock.millis() / 1000)) {
                refused.incrementAndGet();
                status = 401;
            }
            if (status == 200) {
                accepted.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        var hook = new Outbound.Webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/skillmark", SECRET);
        app = TestApp.start(dir, c -> c.withOutbound(Outbound.NONE.withWebhook(hook).withSendEvery(Duration.ofDays(1))), List.of());
        app.signInAs("ivy", Role.INTERVIEWER);
    }

    @AfterEach
    void stop() {
        app.close();
        receiver.stop(0);
    }

    /** What a receiver does: recompute the HMAC over "timestamp.body", compare in constant time, refuse old timestamps. */
    static boolean verifies(String timestamp, String body, String signature, long nowSeconds) {
        if (timestamp == null || signature == null || !signature.startsWith("sha256=")
                || Math.abs(nowSeconds - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(7)));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void a_finalised_and_later_graded_attempt_is_posted_twice_signed() {
        String attemptId = invitedCandidateSubmitsAnEssay();
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        assertThat(refused).hasValue(0);
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0)).startsWith("{\"event\":\"attempt.finalised\",\"attempt_id\":\"" + attemptId + "\"")
                .contains("\"quiz_id\":\"timed\"").contains("\"candidate_name\":\"Ada\"")
                .contains("\"candidate_email\":\"ada@example.com\"").contains("\"invited_by\":\"ivy\"")
                .contains("\"status\":\"SUBMITTED\"").contains("\"pending_grading\":1");

        app.post("/review/attempts/" + attemptId + "/grade/6", "points", "4", "comment", "Good");
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        assertThat(accepted).hasSize(2);
        assertThat(accepted.get(1)).startsWith("{\"event\":\"attempt.graded\"").contains("\"pending_grading\":0")
                .contains("\"score\":5.0").contains("\"max_score\":11.0");
    }

    @Test
    void a_receiver_that_fails_gets_the_call_again_after_the_backoff_and_staff_see_the_failure() {
        answer.set(500);
        invitedCandidateSubmitsAnEssay();
        assertThat(app.app.outbox().deliverDue()).isZero();
        var failing = app.app.outbox().undelivered();
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).lastError()).isEqualTo("the webhook answered HTTP 500");
        assertThat(app.get("/outbox").body()).contains("Webhook: attempt.finalised").contains("the webhook answered HTTP 500");

        answer.set(200);
        assertThat(app.app.outbox().deliverDue()).as("not before the backoff").isZero();
        app.clock.advance(Outbox.FIRST_RETRY);
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        assertThat(accepted).hasSize(1);
        assertThat(refused).hasValue(0);
        var sent = app.app.jdbi().withHandle(h -> h.createQuery("select tries from outbox where status = 'SENT'")
                .mapTo(Integer.class).one());
        assertThat(sent).isEqualTo(2);
    }

    @Test
    void a_wrong_secret_or_an_old_timestamp_does_not_verify() {
        String body = "{\"event\":\"attempt.finalised\"}";
        String now = "1700000000";
        String good = "sha256=" + WebhookCall.sign(SECRET, now, body);
        assertThat(verifies(now, body, good, 1700000000L)).isTrue();
        assertThat(verifies(now, body + " ", good, 1700000000L)).isFalse();
        assertThat(verifies(now, body, "sha256=" + WebhookCall.sign("another secret", now, body), 1700000000L)).isFalse();
        assertThat(verifies(now, body, good, 1700000000L + 3600)).as("a replay an hour later").isFalse();
    }

    private String invitedCandidateSubmitsAnEssay() {
        var page = app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com", "expires", "7", "extra", "0");
        var m = Pattern.compile("value=\"http://[^/\"]+(/i/[A-Za-z0-9_-]{43})\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        String link = m.group(1);
        try (var ada = new HttpSession(app.app.port())) {
            ada.get(link);
            String attemptId = ada.post(link + "/start", "name", "Ada").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
            ada.post("/attempts/" + attemptId + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            ada.post("/attempts/" + attemptId + "/q/6", "revision", "0", "page", "tab-1", "response", "A token bucket", "action", "review");
            ada.post("/attempts/" + attemptId + "/submit");
            return attemptId;
        }
    }
}
