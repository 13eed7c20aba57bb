package dev.skillmark.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail through a real SMTP server (GreenMail) on a free port: invitations, reminders, notices, failures. */
class MailTest {

    static final String SITE = "https://skillmark.example";
    @TempDir
    Path dir;
    int port;
    GreenMail smtp;
    TestApp app;
    dev.skillmark.account.User ivy;

    @BeforeEach
    void start() throws IOException {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = startSmtp();
        var server = new Outbound.Smtp("127.0.0.1", port, Optional.empty(), Optional.empty(), Outbound.Tls.NONE);
        // the test runs the sender itself, so the background one stays out of its way
        app = TestApp.start(dir, c -> c.withOutbound(Outbound.NONE.withSmtp(server).withSendEvery(Duration.ofDays(1)))
                .withPublicUrl(SITE), List.of());
        ivy = app.signInAs("ivy", Role.INTERVIEWER);
    }

    @AfterEach
    void stop() {
        app.close();
        smtp.stop();
    }

    private GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Test
    void an_invitation_arrives_with_its_link_subject_and_a_text_and_an_html_part() throws Exception {
        var page = app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada <b>Lovelace</b>", "email", "ada@example.com",
                "expires", "7", "extra", "50");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("An e-mail with this link is on its way to ada@example.com")
                .doesNotContain("E-mail is not set up");
        String link = link(page.body());

        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        var mail = only(received());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        assertThat(mail.getSubject()).isEqualTo("ivy invites you to take \"Timed fixture quiz\"");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).startsWith("Hello Ada <b>Lovelace</b>,").contains(link)
                .contains("Time limit: 15 min (with 50% extra time)").contains("until 2026-");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("href=\"" + link + "\"").contains("Hello Ada &lt;b&gt;Lovelace&lt;/b&gt;,")
                .doesNotContain("<b>Lovelace");

        assertThat(app.app.outbox().deliverDue()).isZero(); // sent once; only the reminder waits, for its day
        assertThat(received()).hasSize(1);
    }

    @Test
    void bulk_invitations_send_one_mail_to_each_person_with_an_address() throws Exception {
        var csv = app.post("/invitations/bulk", "quiz", "timed", "lines", "Ada, ada@example.com\nBob; bob@example.com\nCyd",
                "expires", "7", "extra", "0");
        assertThat(csv.status()).isEqualTo(200);

        assertThat(app.app.outbox().deliverDue()).isEqualTo(2);
        var mails = received();
        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(MailTest::recipient)).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
        for (var mail : mails) {
            String text = text(mail);
            var m = Pattern.compile(Pattern.quote(SITE) + "/i/[A-Za-z0-9_-]{43}").matcher(text);
            assertThat(m.find()).isTrue();
            assertThat(csv.body()).contains(m.group()); // the same link as in the CSV
        }
    }

    @Test
    void mail_that_cannot_be_sent_stays_in_the_outbox_with_its_error_for_staff_and_goes_out_when_the_server_is_back()
            throws Exception {
        smtp.stop();
        app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com", "expires", "7", "extra", "0");
        assertThat(app.app.outbox().deliverDue()).isZero();

        var failing = only(app.app.outbox().undelivered().toArray(Delivery[]::new));
        assertThat(failing.tries()).isEqualTo(1);
        assertThat(failing.lastError()).isNotBlank();
        var outboxPage = app.get("/outbox");
        assertThat(outboxPage.status()).isEqualTo(200);
        assertThat(outboxPage.body()).contains("ada@example.com").contains("failing").contains(escape(failing.lastError()));
        assertThat(app.app.outbox().deliverDue()).as("not retried before its backoff").isZero();

        smtp = startSmtp();
        app.clock.advance(Outbox.FIRST_RETRY.plusSeconds(1));
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        assertThat(recipient(only(received()))).isEqualTo("ada@example.com");
        assertThat(app.app.outbox().undelivered()).isEmpty();
        assertThat(app.get("/outbox").body()).doesNotContain("ada@example.com");
    }

    @Test
    void a_delivery_given_up_on_waits_for_staff_to_retry_it() throws Exception {
        smtp.stop();
        app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com", "expires", "7", "extra", "0");
        for (int i = 0; i < Outbox.MAX_TRIES; i++) {
            app.app.outbox().deliverDue();
            app.clock.advance(Outbox.LONGEST_WAIT.plusSeconds(1));
        }
        var given = only(app.app.outbox().undelivered().toArray(Delivery[]::new));
        app.signIn(ivy); // a day has passed
        assertThat(given.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(given.tries()).isEqualTo(Outbox.MAX_TRIES);
        assertThat(app.get("/outbox").body()).contains("given up").contains("Retry now");

        smtp = startSmtp();
        app.clock.advance(Duration.ofDays(1));
        assertThat(app.app.outbox().deliverDue()).isZero(); // the reminder is not due either: it is 6 days after sending
        app.signIn(ivy);
        assertThat(app.post("/outbox/" + given.id() + "/retry").status()).isEqualTo(303);
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        assertThat(received()).hasSize(1);
    }

    @Test
    void a_reminder_goes_once_a_day_before_the_link_expires_and_not_to_someone_who_started() throws Exception {
        app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com", "expires", "7", "extra", "0");
        String bobsLink = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Bob", "email", "bob@example.com",
                "expires", "7", "extra", "0").body()).replace(SITE, "");
        try (var bob = new HttpSession(app.app.port())) {
            bob.get(bobsLink);
            assertThat(bob.post(bobsLink + "/start", "name", "Bob").status()).isEqualTo(303);
        }
        assertThat(app.app.outbox().deliverDue()).isEqualTo(2); // the two invitations

        app.clock.advance(Duration.ofDays(6).minusMinutes(1));
        assertThat(app.app.outbox().deliverDue()).isZero();
        app.clock.advance(Duration.ofMinutes(2));
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        app.clock.advance(Duration.ofHours(23));
        assertThat(app.app.outbox().deliverDue()).isZero();

        var reminders = Arrays.stream(received()).filter(m -> subject(m).startsWith("Reminder")).toList();
        assertThat(reminders).hasSize(1);
        assertThat(recipient(reminders.get(0))).isEqualTo("ada@example.com");
        assertThat(subject(reminders.get(0))).isEqualTo("Reminder: your invitation to \"Timed fixture quiz\" expires "
                + dev.skillmark.web.Format.INSTANCE.time(app.clock.millis() + Duration.ofMinutes(59).toMillis()));
        assertThat(text(reminders.get(0))).contains(SITE + "/i/");
    }

    @Test
    void the_interviewer_hears_when_the_candidate_finishes_and_the_candidate_when_the_essay_is_graded() throws Exception {
        assertThat(app.post("/invitations/notices", "notify", "ivy@example.com").status()).isEqualTo(303);
        assertThat(app.get("/invitations").body()).contains("value=\"ivy@example.com\"");
        String link = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Ada", "email", "ada@example.com",
                "expires", "7", "extra", "0").body()).replace(SITE, "");
        app.app.outbox().deliverDue();

        String attemptId;
        try (var ada = new HttpSession(app.app.port())) {
            ada.get(link);
            attemptId = ada.post(link + "/start", "name", "Ada").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
            ada.post("/attempts/" + attemptId + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            ada.post("/attempts/" + attemptId + "/q/6", "revision", "0", "page", "tab-1", "response", "A token bucket", "action", "review");
            ada.post("/attempts/" + attemptId + "/submit");
        }
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        var finished = to("ivy@example.com", 0);
        assertThat(recipient(finished)).isEqualTo("ivy@example.com");
        assertThat(subject(finished)).isEqualTo("Ada finished \"Timed fixture quiz\"");
        assertThat(text(finished)).contains("(submitted)").contains("1 written answer waits for grading")
                .contains(SITE + "/review/attempts/" + attemptId);

        assertThat(app.post("/review/attempts/" + attemptId + "/grade/1", "points", "0", "comment", "Harsh but fair")
                .status()).isEqualTo(303);
        assertThat(app.app.outbox().deliverDue()).as("no result mail while an essay waits").isZero();
        assertThat(app.post("/review/attempts/" + attemptId + "/grade/6", "points", "4", "comment", "Good").status()).isEqualTo(303);
        assertThat(app.app.outbox().deliverDue()).isEqualTo(1);
        var result = to("ada@example.com", 1);
        assertThat(recipient(result)).isEqualTo("ada@example.com");
        assertThat(subject(result)).isEqualTo("Your result for \"Timed fixture quiz\" is ready");
        assertThat(text(result)).contains(SITE + "/attempts/" + attemptId + "/result");

        assertThat(app.post("/review/attempts/" + attemptId + "/grade/6", "points", "3", "comment", "On second thought")
                .status()).isEqualTo(303);
        assertThat(app.app.outbox().deliverDue()).as("told once").isZero();
    }

    @Test
    void no_result_mail_for_a_quiz_graded_at_once_nor_without_an_address() throws Exception {
        String link = link(app.postAndFollow("/invitations", "quiz", "score-only", "name", "Ada", "email", "ada@example.com",
                "expires", "7", "extra", "0").body()).replace(SITE, "");
        app.app.outbox().deliverDue();
        try (var ada = new HttpSession(app.app.port())) {
            ada.get(link);
            String attemptId = ada.post(link + "/start", "name", "Ada").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
            ada.post("/attempts/" + attemptId + "/submit");
            assertThat(ada.get("/attempts/" + attemptId + "/result").status()).isEqualTo(200);
        }
        assertThat(app.app.outbox().deliverDue()).isZero(); // she saw her result at once; ivy set no notice address
        assertThat(received()).hasSize(1);
    }

    private static String link(String body) {
        var m = Pattern.compile("value=\"(" + Pattern.quote(SITE) + "/i/[A-Za-z0-9_-]{43})\"").matcher(body);
        assertThat(m.find()).as("an invitation link in the page").isTrue();
        return m.group(1);
    }

    /** The n-th mail to this address (GreenMail lists mail by mailbox, not by arrival). */
    private MimeMessage to(String address, int n) {
        var mails = Arrays.stream(received()).filter(m -> recipient(m).equals(address)).toList();
        assertThat(mails.size()).as("mails to " + address).isGreaterThan(n);
        return mails.get(n);
    }

    private MimeMessage[] received() {
        return smtp.getReceivedMessages();
    }

    @SafeVarargs
    private static <T> T only(T... items) {
        assertThat(items).hasSize(1);
        return items[0];
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage mail) {
        try {
            return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
