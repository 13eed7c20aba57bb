package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.HttpSession;
import dev.skillmark.AppTest;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interviewers, trainers and admins over real HTTP: accounts, invitations, grading, exports, regrading. */
class InterviewerHttpTest extends AppTest {


    @Test
    void the_setup_link_creates_the_first_admin_once_and_is_useless_afterwards() {
        String token = app.app.accounts().setupTokenIfNoAdmin().orElseThrow();
        assertThat(app.get("/setup/" + token).status()).isEqualTo(200);
        var mismatch = app.post("/setup/" + token, "username", "ada", "displayName", "Ada", "password", "long enough pw",
                "confirm", "different");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"confirm-error\"").contains("not the same");

        var created = app.post("/setup/" + token, "username", "ada", "displayName", "Ada", "password", "long enough pw",
                "confirm", "long enough pw");
        assertThat(created.status()).isEqualTo(303);
        assertThat(app.get("/admin/users").body()).contains("ada");
        assertThat(app.post("/setup/" + token, "username", "eve", "displayName", "Eve", "password", "long enough pw",
                "confirm", "long enough pw").status()).isEqualTo(404);
        assertThat(app.get("/setup/" + token).status()).isEqualTo(404);
        assertThat(app.app.accounts().setupTokenIfNoAdmin()).isEmpty();
    }

    @Test
    void sign_in_is_throttled_with_a_retry_time_and_never_locks_the_owner_out_for_good() {
        app.app.accounts().create("ivy", "Ivy", "correct horse battery", java.util.Set.of(Role.INTERVIEWER), "test");
        app.get("/sign-in");
        for (int i = 0; i < 5; i++) {
            assertThat(app.post("/sign-in", "username", "ivy", "password", "wrong " + i).status()).isEqualTo(401);
        }
        var throttled = app.post("/sign-in", "username", "ivy", "password", "correct horse battery");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
        assertThat(throttled.body()).contains("Too many failed sign-ins");

        app.clock.advance(Duration.ofSeconds(31));
        assertThat(app.post("/sign-in", "username", "ivy", "password", "correct horse battery").status()).isEqualTo(303);
        assertThat(app.get("/review").status()).isEqualTo(200);
    }

    @Test
    void passwords_are_verified_exactly_as_typed_and_long_ones_are_allowed() {
        String longPassword = "a very long passphrase ".repeat(4) + "ends here"; // over 64 characters
        app.app.accounts().create("ivy", "Ivy", longPassword, java.util.Set.of(Role.INTERVIEWER), "test");
        app.get("/sign-in");
        assertThat(app.post("/sign-in", "username", "ivy", "password", longPassword.substring(0, 72)).status()).isEqualTo(401);
        assertThat(app.post("/sign-in", "username", "ivy", "password", longPassword + " ").status()).isEqualTo(401);
        assertThat(app.post("/sign-in", "username", "ivy", "password", longPassword).status()).isEqualTo(303);
        assertThat(app.post("/admin/users", "username", "short", "password", "1234567", "confirm", "1234567",
                "roles", "TRAINER").status()).isEqualTo(403); // an interviewer may not add users
    }

    @Test
    void sessions_get_a_new_id_at_sign_in_expire_when_idle_and_end_at_sign_out() {
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").status()).isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(121));
        assertThat(app.get("/review").location()).startsWith("/sign-in");

        app.post("/sign-in", "username", "ivy", "password", "correct horse battery");
        assertThat(app.get("/review").status()).isEqualTo(200);
        assertThat(app.postRaw("/sign-out").status()).isEqualTo(403); // sign-out needs the CSRF token too
        assertThat(app.post("/sign-out").status()).isEqualTo(303);
        assertThat(app.get("/review").location()).startsWith("/sign-in");
        assertThat(app.postRaw("/sign-in", "username", "ivy", "password", "correct horse battery").status()).isEqualTo(403);
    }

    @Test
    void an_invited_candidate_takes_the_quiz_once_with_extra_time_and_the_interviewer_grades_it() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var invited = app.post("/invitations", "quiz", "timed", "name", "=HYPERLINK(\"http://evil\")", "email", "",
                "expires", "7", "extra", "50");
        assertThat(invited.status()).isEqualTo(303);
        String link = link(app.get(invited.location()).body());

        try (var candidate = new HttpSession(app.app.port())) {
            var start = candidate.get(link);
            assertThat(start.body()).contains("Your extra time").contains("+50% (15 min in all)");
            var started = candidate.post(link + "/start", "name", "=HYPERLINK(\"http://evil\")");
            assertThat(started.status()).isEqualTo(303);
            String attemptId = started.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
            var attempt = app.app.attempts().attempt(attemptId);
            assertThat(attempt.deadlineAt() - attempt.startedAt()).isEqualTo(Duration.ofMinutes(15).toMillis());
            assertThat(candidate.get(link).location()).isEqualTo("/attempts/" + attemptId + "/q/1"); // the same attempt
            assertThat(candidate.post(link + "/start", "name", "Again").location()).isEqualTo("/attempts/" + attemptId + "/q/1");

            candidate.post("/attempts/" + attemptId + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            candidate.post("/attempts/" + attemptId + "/q/6", "revision", "0", "page", "tab-1", "response", "A token bucket in Redis", "action", "review");
            candidate.post("/attempts/" + attemptId + "/submit");

            var dashboard = app.get("/review").body();
            assertThat(dashboard).contains("1 to grade").contains("submitted");
            var review = app.get("/review/attempts/" + attemptId);
            assertThat(review.body()).contains("RUBRIC-MARKER").contains("A token bucket in Redis").contains("Timeline");

            var noReason = app.post("/review/attempts/" + attemptId + "/grade/1", "points", "0", "comment", "");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body()).contains("Say why you override");
            assertThat(app.post("/review/attempts/" + attemptId + "/grade/6", "points", "9", "comment", "").status()).isEqualTo(400);
            assertThat(app.post("/review/attempts/" + attemptId + "/grade/6", "points", "4", "comment", "Good, no TTL")
                    .status()).isEqualTo(303);

            assertThat(app.app.attempts().attempt(attemptId).score()).isEqualTo(5.0);
            assertThat(app.app.attempts().attempt(attemptId).pending()).isZero();
            assertThat(candidate.get("/attempts/" + attemptId + "/result").body()).contains("5 of 11 points");
            var csv = app.get("/review/export.csv");
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",5,11,45,").doesNotContain(",=HYPERLINK");
            assertThat(app.get("/review/attempts/" + attemptId + "/export.csv").body()).contains("alpha-essay").contains("Good");
            assertThat(app.get("/review").body()).doesNotContain("1 to grade");
        }
    }

    @Test
    void invitation_links_that_are_expired_revoked_or_unknown_get_a_clear_page() {
        app.signInAs("ivy", Role.INTERVIEWER);
        String expiring = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Ed", "expires", "1", "extra", "0").body());
        String revoked = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Rea", "expires", "7", "extra", "0").body());
        String id = app.app.attempts().attempt(startAs(revoked)).invitationId();
        assertThat(app.post("/invitations/" + id + "/revoke").status()).isEqualTo(409); // already used

        String unused = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Una", "expires", "7", "extra", "0").body());
        var dashboard = app.get("/review").body();
        var m = Pattern.compile("/invitations/([^/]+)/revoke").matcher(dashboard);
        var ids = new ArrayList<String>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(2);
        for (String invitation : ids) {
            app.post("/invitations/" + invitation + "/revoke");
        }
        try (var candidate = new HttpSession(app.app.port())) {
            assertThat(candidate.get(unused).status()).isEqualTo(410);
            assertThat(candidate.get(unused).body()).contains("withdrawn");
            assertThat(candidate.get("/i/" + "x".repeat(43)).status()).isEqualTo(404);
        }
        app.clock.advance(Duration.ofDays(2));
        app.post("/sign-in", "username", "ivy", "password", "correct horse battery"); // the session ended meanwhile
        assertThat(app.get("/review?status=revoked").body()).contains("Una").contains("Ed");
    }

    @Test
    void a_withdrawn_an_expired_and_a_used_invitation_each_say_what_happened() {
        app.signInAs("ivy", Role.INTERVIEWER);
        String used = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Uma", "expires", "7", "extra", "0").body());
        String attempt = startAs(used);
        String expiring = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Ed", "expires", "1", "extra", "0").body());
        String withdrawn = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Wim", "expires", "7", "extra", "0").body());
        var m = Pattern.compile("/invitations/([^/]+)/revoke").matcher(app.get("/review?q=Wim").body());
        assertThat(m.find()).isTrue();
        app.post("/invitations/" + m.group(1) + "/revoke");
        try (var candidate = new HttpSession(app.app.port())) {
            assertThat(candidate.get(used).location()).isEqualTo("/attempts/" + attempt + "/q/1"); // resumes while it runs
            candidate.post("/attempts/" + attempt + "/submit");
            var usedPage = candidate.get(used);
            assertThat(usedPage.status()).isEqualTo(409);
            assertThat(usedPage.body()).contains("This invitation was already used").contains("/attempts/" + attempt + "/result");

            var withdrawnPage = candidate.get(withdrawn);
            assertThat(withdrawnPage.status()).isEqualTo(410);
            assertThat(withdrawnPage.body()).contains("This invitation was withdrawn").doesNotContain("Time is up");

            app.clock.advance(Duration.ofDays(2));
            var expiredPage = candidate.get(expiring);
            assertThat(expiredPage.status()).isEqualTo(410);
            assertThat(expiredPage.body()).contains("This invitation has expired").contains("Ask the person who sent it");
        }
    }

    @Test
    void staff_errors_lead_back_to_staff_pages_and_a_throttled_sign_in_says_when_to_retry() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var missing = app.get("/review/attempts/" + "A".repeat(32));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("href=\"/review\"").contains("Back to your staff pages");
        try (var visitor = new HttpSession(app.app.port())) {
            assertThat(visitor.get("/attempts/" + "A".repeat(32) + "/q/1").body()).contains("Back to the quizzes");
        }
    }

    @Test
    void a_key_fix_can_be_previewed_and_applied_as_a_regrade() throws Exception {
        String id = app.startAttempt("timed", "Ada");
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "0", "action", "next"); // Required<T>: wrong today
        app.post("/attempts/" + id + "/submit");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(0.0);

        Path bank = app.dir.resolve("content/skills/alpha.md");
        Files.writeString(bank, Files.readString(bank).replace("- [ ] `Required<T>`", "- [x] `Required<T>`")
                .replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`"));
        app.app.content().reload();

        app.signInAs("ivy", Role.INTERVIEWER);
        var preview = app.get("/review/regrade?quiz=timed").body();
        assertThat(preview).contains("Ada").contains("alpha-partial: 0 → 1");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(0.0); // a dry run changes nothing
        app.post("/review/regrade", "quiz", "timed");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(1.0);
        assertThat(app.get("/review/attempts/" + id).body()).contains("regrade by ivy");
        assertThat(app.get("/review/regrade?quiz=timed").body()).contains("No finished attempt");
    }

    @Test
    void candidates_can_be_compared_side_by_side() {
        var ids = new ArrayList<String>();
        for (String name : List.of("Ada", "Grace")) {
            String id = app.startAttempt("timed", name);
            app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", name.equals("Ada") ? "1" : "0", "action", "next");
            app.post("/attempts/" + id + "/submit");
            ids.add(id);
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        var compare = app.get("/review/compare?a=" + ids.get(0) + "&a=" + ids.get(1)).body();
        assertThat(compare).contains("Ada").contains("Grace").contains("Alpha skills").contains("Which utility type makes every property of T optional?")
                .contains("<svg class=\"chart compare-chart\"");
    }

    @Test
    void an_admin_can_turn_public_practice_off_and_invitations_keep_working() {
        app.signInAs("root", Role.ADMIN);
        assertThat(app.post("/admin/settings").status()).isEqualTo(303); // the box unticked: off
        try (var visitor = new HttpSession(app.app.port())) {
            assertThat(visitor.get("/").body()).doesNotContain("Timed fixture quiz").doesNotContain("Practice by skill area");
            assertThat(visitor.get("/quizzes/practice-alpha").status()).isEqualTo(404);
            visitor.get("/sign-in");
            assertThat(visitor.post("/quizzes/timed/start", "name", "Ada").status()).isEqualTo(404);
        }
        String link = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Ed", "expires", "7", "extra", "0").body());
        try (var candidate = new HttpSession(app.app.port())) {
            assertThat(candidate.get(link).status()).isEqualTo(200);
        }
        app.post("/admin/settings", "publicPractice", "on");
        assertThat(app.get("/").body()).contains("Timed fixture quiz");
    }

    @Test
    void the_audit_log_records_who_did_what() {
        app.signInAs("root", Role.ADMIN);
        app.post("/invitations", "quiz", "timed", "name", "Ed", "expires", "7", "extra", "0");
        app.get("/review/export.csv");
        var audit = app.get("/admin/audit").body();
        assertThat(audit).contains("sign-in").contains("invitation.created").contains("export.dashboard").contains("root");
    }

    private String startAs(String link) {
        try (var candidate = new HttpSession(app.app.port())) {
            candidate.get(link);
            return candidate.post(link + "/start", "name", "Someone").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        }
    }

    private static String link(String body) {
        var m = Pattern.compile("value=\"http://[^/\"]+(/i/[A-Za-z0-9_-]{43})\"").matcher(body);
        assertThat(m.find()).as("an invitation link in the page").isTrue();
        return m.group(1);
    }
}
