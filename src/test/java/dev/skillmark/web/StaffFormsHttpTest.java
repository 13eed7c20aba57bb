package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Item 1 of issue 12 over plain HTTP: what the browser tests cannot see as directly. */
class StaffFormsHttpTest extends AppTest {

    @Test
    void bulk_invitations_name_every_repeated_line_and_create_nothing() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var reply = app.post("/invitations/bulk", "quiz", "timed", "expires", "7", "extra", "0",
                "lines", "Ada Lovelace, ada@example.com\nGrace Hopper\n\nada lovelace, ADA@example.com\nGrace Hopper\nAlan Turing");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("line 4 repeats line 1 (ada lovelace)").contains("line 5 repeats line 2 (Grace Hopper)")
                .contains("href=\"#lines\"").contains("id=\"lines-error\"").contains("Alan Turing"); // the text stays in the box
        int invitations = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from invitation").mapTo(Integer.class).one());
        assertThat(invitations).isZero();

        var fine = app.post("/invitations/bulk", "quiz", "timed", "expires", "7", "extra", "0", "lines", "Ada\nGrace");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.header("Content-Disposition")).contains("attachment");
    }

    @Test
    void a_bulk_setting_error_is_shown_beside_the_bulk_form_not_the_single_one() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var reply = app.post("/invitations/bulk", "quiz", "timed", "expires", "400", "extra", "0", "lines", "Ada");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("href=\"#bulk-expires\"").contains("value=\"400\"");
    }

    @Test
    void a_planted_or_stale_link_cookie_shows_no_link() {
        app.signInAs("ivy", Role.INTERVIEWER);
        String real = app.invite("quiz", "timed", "name", "Ada", "expires", "7", "extra", "0");
        String id = app.app.jdbi().withHandle(h -> h.createQuery("select id from invitation").mapTo(String.class).one());
        String forged = "A".repeat(43);
        var page = app.send(HttpRequest.newBuilder(URI.create(app.url("/invitations")))
                .header("Cookie", "skillmark_issued=" + id + "." + forged).GET().build());
        assertThat(page.body()).doesNotContain("/i/" + forged).doesNotContain("Invitation ready");
        assertThat(page.header("Set-Cookie")).contains("skillmark_issued=;").contains("Max-Age=0");
        // the real link cookie was read once and cleared
        assertThat(app.get("/invitations").body()).doesNotContain(real);
    }

    @Test
    void the_link_cookie_is_http_only_and_scoped_to_the_invitation_pages() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var posted = app.post("/invitations", "quiz", "timed", "name", "Ada", "expires", "7", "extra", "0");
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).isEqualTo("/invitations");
        assertThat(posted.header("Set-Cookie")).contains("Path=/invitations").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(app.get("/invitations").body()).contains("Invitation for Ada created.").contains("/i/");
    }
}
