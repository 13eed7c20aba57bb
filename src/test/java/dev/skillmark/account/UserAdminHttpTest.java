package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.web.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Admins deactivate users and reset passwords (a change is forced at the next sign-in); both audited. */
class UserAdminHttpTest extends AppTest {

    private static final String TEMPORARY = "temporary zebra lantern";
    private static final String CHOSEN = "my own violin cactus";

    @Test
    void a_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated() {
        var ivy = app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        var ivySession = new HttpSession(app.app.port());
        ivySession.signIn(ivy);
        app.signInAs("ada", Role.ADMIN);
        assertThat(app.post("/admin/users/" + ivy.id() + "/active", "active", "off").status()).isEqualTo(303);
        assertThat(ivySession.get("/review").location()).startsWith("/sign-in");
        var again = new HttpSession(app.app.port());
        assertThat(again.post("/sign-in", "username", "ivy", "password", Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(app.get("/admin/users").body()).contains("Deactivated").contains("Reactivate");
        assertThat(app.post("/admin/users/" + ivy.id() + "/active", "active", "on").status()).isEqualTo(303);
        assertThat(again.post("/sign-in", "username", "ivy", "password", Fixtures.PASSWORD).status()).isEqualTo(303);
        assertThat(app.get("/admin/audit").body()).contains("user.deactivated").contains("user.reactivated");
    }

    @Test
    void the_user_list_shows_each_users_last_sign_in() {
        var ivy = app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        app.app.accounts().create("joe", "Joe", Fixtures.PASSWORD, Set.of(Role.TRAINER), "test");
        app.clock.advance(java.time.Duration.ofMinutes(15)); // the test clock starts at 2026-11-02T09:00:00Z
        new HttpSession(app.app.port()).signIn(ivy);
        app.clock.advance(java.time.Duration.ofHours(3));
        app.signInAs("ada", Role.ADMIN);
        String page = app.get("/admin/users").body();
        assertThat(rowOf(page, "ivy")).contains("Last sign-in:").contains("datetime=\"2026-11-02T09:15:00Z\"");
        assertThat(rowOf(page, "joe")).contains("Last sign-in:").contains("never");
        assertThat(rowOf(page, "ada")).contains("datetime=\"2026-11-02T12:15:00Z\"");
        // a failed attempt is not a sign-in
        app.clock.advance(java.time.Duration.ofHours(1));
        new HttpSession(app.app.port()).post("/sign-in", "username", "ivy", "password", "not her password at all");
        assertThat(rowOf(app.get("/admin/users").body(), "ivy")).contains("datetime=\"2026-11-02T09:15:00Z\"");
    }

    private static String rowOf(String page, String username) {
        int at = page.indexOf("<code>" + username + "</code>");
        assertThat(at).as("a row for " + username).isPositive();
        return page.substring(at, page.indexOf("</th>", at));
    }

    @Test
    void an_admin_cannot_deactivate_themselves_or_the_last_admin() {
        var ada = app.signInAs("ada", Role.ADMIN);
        assertThat(app.post("/admin/users/" + ada.id() + "/active", "active", "off").status()).isEqualTo(409);
        assertThat(app.app.accounts().user(ada.id()).orElseThrow().disabled()).isFalse();
    }

    @Test
    void a_reset_password_must_be_changed_at_the_next_sign_in() {
        var ivy = app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        var ivySession = new HttpSession(app.app.port());
        ivySession.signIn(ivy);
        app.signInAs("ada", Role.ADMIN);
        assertThat(app.post("/admin/users/" + ivy.id() + "/password", "password", "password", "confirm", "password").status())
                .isEqualTo(400);
        assertThat(app.post("/admin/users/" + ivy.id() + "/password", "password", TEMPORARY, "confirm", TEMPORARY).status())
                .isEqualTo(303);
        // the reset ended her session, and the old password is gone
        assertThat(ivySession.get("/review").location()).startsWith("/sign-in");
        assertThat(ivySession.post("/sign-in", "username", "ivy", "password", Fixtures.PASSWORD).status()).isEqualTo(401);
        var signIn = ivySession.post("/sign-in", "username", "ivy", "password", TEMPORARY, "next", "/review");
        assertThat(signIn.location()).isEqualTo("/account/password");
        // nothing else opens until she has chosen her own
        assertThat(ivySession.get("/review").location()).isEqualTo("/account/password");
        assertThat(ivySession.post("/invitations", "quiz", "timed", "name", "X").status()).isEqualTo(403);
        assertThat(ivySession.get("/account/password").body()).contains("An admin reset your password");
        assertThat(ivySession.post("/account/password", "current", TEMPORARY, "password", "12345678",
                "confirm", "12345678").status()).isEqualTo(400);
        assertThat(ivySession.post("/account/password", "current", TEMPORARY, "password", CHOSEN, "confirm", CHOSEN)
                .status()).isEqualTo(303);
        assertThat(ivySession.get("/review").status()).isEqualTo(200);
        var later = new HttpSession(app.app.port());
        assertThat(later.post("/sign-in", "username", "ivy", "password", CHOSEN).location()).isEqualTo("/review");
        assertThat(app.get("/admin/audit").body()).contains("user.password-reset").contains("user.password-changed");
    }

    @Test
    void changing_ones_own_password_names_every_problem_at_once_beside_its_field() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var all = app.post("/account/password", "current", "not my password", "password", "short", "confirm", "other");
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.body()).contains("There are 3 problems")
                .contains("href=\"#current\">That is not your current password.")
                .contains("href=\"#password\">Use at least 12 characters")
                .contains("href=\"#confirm\">The two passwords are not the same.")
                .contains("aria-describedby=\"current-error\"");
        // the same as the current one, typed twice alike: one problem, on the new password
        var same = app.post("/account/password", "current", Fixtures.PASSWORD, "password", Fixtures.PASSWORD,
                "confirm", Fixtures.PASSWORD);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("There is a problem").contains("Choose a password different from the current one.")
                .doesNotContain("That is not your current password.");
    }

    @Test
    void password_fields_let_paste_and_password_managers_work() {
        app.signInAs("ada", Role.ADMIN);
        for (String page : new String[]{"/admin/users", "/account/password", "/sign-in"}) {
            String body = app.get(page).body();
            assertThat(body).as(page).contains("type=\"password\"").doesNotContainIgnoringCase("onpaste")
                    .doesNotContainIgnoringCase("maxlength").doesNotContain("autocomplete=\"off\" type=\"password\"");
            assertThat(body).as(page).containsPattern("autocomplete=\"(new|current)-password\"");
        }
    }

    @Test
    void a_new_user_form_with_several_problems_names_them_all_and_keeps_what_was_typed() {
        app.signInAs("ada", Role.ADMIN);
        var refused = app.post("/admin/users", "username", "x", "displayName", "N".repeat(201), "password", "short",
                "confirm", "other", "roles", "TRAINER");
        assertThat(refused.status()).isEqualTo(400);
        String page = refused.body();
        assertThat(page).contains("There are 4 problems")
                .containsSubsequence("<a href=\"#username\">", "<a href=\"#displayName\">", "<a href=\"#password\">",
                        "<a href=\"#confirm\">The two passwords are not the same.</a>")
                .contains("id=\"username-error\"").contains("id=\"displayName-error\"").contains("id=\"password-error\"")
                .contains("id=\"confirm-error\"").containsPattern("id=\"username\"[^>]*value=\"x\"")
                .containsPattern("value=\"TRAINER\" checked");
        assertThat(app.post("/admin/users", "username", "", "password", "", "confirm", "").body())
                .contains("<a href=\"#roles\">Choose at least one role.</a>").contains("aria-describedby=\"roles-error\"");
    }

    @Test
    void the_setup_form_names_every_problem_at_the_top() {
        String token = app.app.accounts().setupTokenIfNoAdmin().orElseThrow();
        app.get("/setup/" + token);
        var refused = app.post("/setup/" + token, "username", "!", "displayName", "Ada", "password", "short", "confirm", "other");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There are 3 problems").contains("<a href=\"#username\">")
                .contains("<a href=\"#password\">").contains("<a href=\"#confirm\">");
        assertThat(app.app.accounts().setupTokenIfNoAdmin()).as("nothing was created").isPresent();
    }
}
