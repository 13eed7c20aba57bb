package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Staff forms redirect after a post, confirm once in words, ask before what cannot be undone, and never repeat it. */
class StaffFormsHttpTest extends AppTest {

    @Test
    void a_new_invitation_redirects_and_its_link_is_shown_once_so_a_reload_neither_repeats_nor_shows_it_again() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var posted = app.post("/invitations", "quiz", "timed", "name", "Cora", "email", "", "expires", "7", "extra", "0");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).isEqualTo("/invitations");

        var landed = app.get("/invitations");
        assertThat(landed.body()).contains("Invitation for Cora to Timed fixture quiz created")
                .containsPattern("value=\"http://[^\"]+/i/[A-Za-z0-9_-]{43}\"");
        var reloaded = app.get("/invitations");
        assertThat(reloaded.body()).doesNotContain("Invitation for Cora").doesNotContain("/i/");
        assertThat(invitations()).isEqualTo(1);
    }

    @Test
    void a_confirmation_left_for_one_browser_says_nothing_in_another() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var posted = app.post("/invitations", "quiz", "timed", "name", "Cora", "expires", "7", "extra", "0");
        String flash = posted.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("skillmark_flash="))
                .findFirst().orElseThrow().replaceFirst(";.*", "");
        try (var other = new HttpSession(app.app.port())) {
            other.get("/sign-in");
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(other.url("/sign-in")))
                    .header("Cookie", other.cookieHeader() + "; " + flash).GET().build();
            assertThat(other.send(request).body()).doesNotContain("Invitation for Cora");
        }
    }

    @Test
    void revoking_asks_first_on_a_page_of_its_own_and_a_repeat_changes_nothing() {
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/invitations", "quiz", "timed", "name", "Rea", "expires", "7", "extra", "0");
        String id = invitationId();

        var ask = app.get("/invitations/" + id + "/revoke");
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("Revoke the invitation of Rea?").contains("Quiz: Timed fixture quiz.")
                .contains("action=\"/invitations/" + id + "/revoke\"").contains("name=\"csrf\"");
        assertThat(revoked(id)).as("asking changes nothing").isFalse();

        var done = app.post("/invitations/" + id + "/revoke");
        assertThat(done.status()).isEqualTo(303);
        assertThat(app.get(done.location()).body()).contains("Invitation of Rea revoked: the link no longer works.");
        assertThat(revoked(id)).isTrue();

        var again = app.post("/invitations/" + id + "/revoke");
        assertThat(again.status()).isEqualTo(303);
        assertThat(app.get(again.location()).body()).contains("was already revoked; nothing changed");
    }

    @Test
    void the_same_re_issue_sent_twice_makes_one_new_link() {
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/invitations", "quiz", "timed", "name", "Rex", "expires", "7", "extra", "0");
        String id = invitationId();
        var ask = app.get("/invitations/" + id + "/reissue").body();
        assertThat(ask).contains("Re-issue the link of Rex?");
        var m = Pattern.compile("name=\"replaces\" value=\"([^\"]+)\"").matcher(ask);
        assertThat(m.find()).isTrue();

        var first = app.postAndFollow("/invitations/" + id + "/reissue", "replaces", m.group(1));
        assertThat(first.body()).contains("New link for Rex to Timed fixture quiz ready");
        String hashAfterFirst = tokenHash(id);
        var second = app.postAndFollow("/invitations/" + id + "/reissue", "replaces", m.group(1));
        assertThat(second.body()).contains("was already re-issued; nothing changed").doesNotContain("/i/");
        assertThat(tokenHash(id)).isEqualTo(hashAfterFirst);
        int reissues = app.app.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'invitation.reissued'").mapTo(Integer.class).one());
        assertThat(reissues).isEqualTo(1);
    }

    @Test
    void a_bad_invitation_comes_back_with_a_summary_that_links_to_the_field_an_error_beside_it_and_the_input_kept() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var reply = app.post("/invitations", "quiz", "timed", "name", "", "email", "cora@example.org", "expires", "7", "extra", "0");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("<title>Error: Invite candidates")
                .contains("id=\"error-summary\"").contains("href=\"#name\"")
                .contains("id=\"name-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"cora@example.org\"");
        assertThat(invitations()).isZero();
    }

    @Test
    void bulk_invitations_name_the_lines_that_repeat_a_candidate() {
        app.signInAs("ivy", Role.INTERVIEWER);
        String lines = "Dan, dan@example.org\nEve\nDaniel, DAN@example.org\neve\nFay";
        var reply = app.post("/invitations/bulk", "quiz", "timed", "expires", "7", "extra", "0", "lines", lines);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("line 3 repeats line 1 (DAN@example.org)").contains("line 4 repeats line 2 (eve)")
                .contains("href=\"#lines\"").contains("Fay</textarea>");
        assertThat(invitations()).isZero();
    }

    @Test
    void a_refused_staff_form_stays_among_staff_pages() {
        var ada = app.signInAs("ada", Role.ADMIN);
        var refused = app.post("/admin/users/" + ada.id() + "/active", "active", "off");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("aria-label=\"Staff\"").contains("href=\"/admin/users\"")
                .doesNotContain("Back to the quizzes");
    }

    @Test
    void deactivating_asks_first_and_then_says_it_was_done() {
        app.signInAs("ada", Role.ADMIN);
        var ivy = app.app.accounts().create("ivy", "Ivy", dev.skillmark.Fixtures.PASSWORD, java.util.Set.of(Role.INTERVIEWER), "test");
        assertThat(app.get("/admin/users").body()).contains("href=\"/admin/users/" + ivy.id() + "/deactivate\"");
        var ask = app.get("/admin/users/" + ivy.id() + "/deactivate").body();
        assertThat(ask).contains("Deactivate Ivy (ivy)?").contains("name=\"active\" value=\"off\"");
        var done = app.postAndFollow("/admin/users/" + ivy.id() + "/active", "active", "off");
        assertThat(done.body()).contains("ivy deactivated: their sessions ended");
    }

    @Test
    void applying_a_regrade_asks_first_and_a_repeat_finds_nothing_left() throws Exception {
        String id = app.startAttempt("timed", "Ada");
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "0", "action", "next");
        app.post("/attempts/" + id + "/submit");
        Path bank = app.dir.resolve("content/skills/alpha.md");
        Files.writeString(bank, Files.readString(bank).replace("- [ ] `Required<T>`", "- [x] `Required<T>`")
                .replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`"));
        app.app.content().reload();
        app.signInAs("ivy", Role.INTERVIEWER);

        assertThat(app.get("/review/regrade?quiz=timed").body()).contains("href=\"/review/regrade/confirm?quiz=timed\"");
        var ask = app.get("/review/regrade/confirm?quiz=timed").body();
        assertThat(ask).contains("Regrade 1 attempt of Timed fixture quiz?").contains("Candidates: Ada.");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(0.0);
        assertThat(app.postAndFollow("/review/regrade", "quiz", "timed").body()).contains("Regraded 1 attempt;");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(1.0);
        assertThat(app.postAndFollow("/review/regrade", "quiz", "timed").body()).contains("Nothing to regrade");
    }

    @Test
    void a_grade_is_confirmed_once_and_a_bad_one_keeps_what_was_typed() {
        String id = app.startAttempt("timed", "Ada");
        app.post("/attempts/" + id + "/submit");
        app.signInAs("ivy", Role.INTERVIEWER);
        var bad = app.post("/review/attempts/" + id + "/grade/1", "points", "0.5", "comment", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#comment-1\"").contains("id=\"comment-1-error\"").contains("value=\"0.5\"");
        var ok = app.postAndFollow("/review/attempts/" + id + "/grade/1", "points", "0.5", "comment", "Half right");
        assertThat(ok.body()).contains("Grade of question 1 saved: 0.5 points.");
        assertThat(app.get("/review/attempts/" + id).body()).doesNotContain("Grade of question 1 saved");
    }

    @Test
    void a_date_the_dashboard_cannot_read_is_said_beside_its_box_on_the_dashboard() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var reply = app.get("/review?from=yesterday");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("<h1>Candidates</h1>").contains("href=\"#from\"").contains("id=\"from-error\"")
                .contains("type=\"date\"").contains("value=\"yesterday\"");
    }

    @Test
    void staff_times_are_time_elements_in_utc_with_utc_in_the_tooltip() {
        app.startAttempt("timed", "Ada");
        app.signInAs("ivy", Role.INTERVIEWER);
        var body = app.get("/review").body();
        var m = Pattern.compile("<time datetime=\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\" title=\"([^\"]+ UTC)\">([^<]+)</time>")
                .matcher(body);
        assertThat(m.find()).as(body).isTrue();
        assertThat(m.group(3)).isEqualTo(m.group(2));
        assertThat(body).contains("src=\"/static/js/staff.js\"");
    }

    private int invitations() {
        return app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from invitation").mapTo(Integer.class).one());
    }

    private String invitationId() {
        return app.app.jdbi().withHandle(h -> h.createQuery("select id from invitation").mapTo(String.class).one());
    }

    private String tokenHash(String id) {
        return app.app.jdbi().withHandle(h -> h.createQuery("select token_hash from invitation where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private boolean revoked(String id) {
        return app.app.jdbi().withHandle(h -> h.createQuery("select revoked_at is not null from invitation where id = :id")
                .bind("id", id).mapTo(Boolean.class).one());
    }
}
