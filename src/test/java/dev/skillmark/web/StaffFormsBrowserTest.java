package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Item 1 of issue 12: staff forms redirect, confirm in words, ask before what cannot be undone, and show errors at the top. */
class StaffFormsBrowserTest extends StaffBrowser {

    @Test
    void creating_an_invitation_redirects_shows_the_link_once_and_a_reload_creates_nothing() {
        signInAsInterviewer();
        page.navigate(app.url("/invitations"));
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("Candidate name").fill("Carla Candidate");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();

        assertThat(page).hasURL(app.url("/invitations"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Invitation for Carla Candidate created.");
        assertThat(page.getByLabel("Link for Carla Candidate").inputValue()).contains("/i/");
        page.reload();
        assertThat(page.locator("h1")).hasText("Invite candidates");
        assertThat(page.getByLabel("Link for Carla Candidate")).hasCount(0); // shown once: only its hash is kept
        assertThat(count("select count(*) from invitation")).isEqualTo(1);
    }

    @Test
    void revoking_asks_first_works_without_javascript_and_says_what_happened() {
        var noScript = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
        page = noScript.newPage();
        signInAsInterviewer();
        app.signInAs("helper", Role.INTERVIEWER);
        app.invite("quiz", "timed", "name", "Rita Revoked", "expires", "7", "extra", "0");

        page.navigate(app.url("/review"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoke the invitation of Rita Revoked")).click();
        assertThat(page.locator("h1")).hasText("Revoke the invitation of Rita Revoked?");
        assertThat(count("select count(*) from invitation where revoked_at is not null")).isZero(); // asking changes nothing
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
        assertThat(page.locator("h1")).hasText("Candidates");
        assertThat(count("select count(*) from invitation where revoked_at is not null")).isZero();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoke the invitation of Rita Revoked")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Revoked the invitation of Rita Revoked; the link no longer works.");
        assertThat(count("select count(*) from invitation where revoked_at is not null")).isEqualTo(1);
        page.reload(); // the page after the redirect: a reload revokes nothing and audits nothing
        assertThat(count("select count(*) from audit_event where action = 'invitation.revoked'")).isEqualTo(1);

        page.goBack(); // back to the confirmation page, and sending it again: a staff page says nothing changed
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Nothing changed: the invitation of Rita Revoked was already used or revoked.");
        assertThat(page.locator("nav[aria-label=Staff]")).isVisible();
        noScript.close();
    }

    @Test
    void reissuing_asks_first_and_the_new_link_replaces_the_old_one() {
        signInAsInterviewer();
        app.signInAs("helper", Role.INTERVIEWER);
        String old = app.invite("quiz", "timed", "name", "Otto Old", "expires", "7", "extra", "0");

        page.navigate(app.url("/review"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Re-issue link for Otto Old")).click();
        assertThat(page.locator("h1")).hasText("Re-issue the link of Otto Old?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-issue the link")).click();
        assertThat(page).hasURL(app.url("/invitations?done=reissued"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("New link for Otto Old ready; the old link no longer works.");
        String fresh = page.getByLabel("Link for Otto Old").inputValue();
        assertThat(fresh).doesNotEndWith(old);
        page.reload();
        assertThat(count("select count(*) from audit_event where action = 'invitation.reissued'")).isEqualTo(1);
        try (var candidate = new dev.skillmark.HttpSession(app.app.port())) {
            assertThat(candidate.get(old).status()).isEqualTo(404);
            assertThat(candidate.get(fresh.replaceAll("^https?://[^/]+", "")).status()).isEqualTo(200);
        }
    }

    @Test
    void a_grading_error_shows_at_the_top_with_a_link_to_the_field_and_a_saved_grade_is_confirmed() {
        String id = finishedAttempt("Gus Graded", 1, "A token bucket in Redis");
        signInAsInterviewer();
        page.navigate(app.url("/review/attempts/" + id));
        page.getByLabel("Points (0 to 5)").last().fill("9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade")).last().click();

        var summary = page.getByRole(AriaRole.ALERT);
        assertThat(summary).containsText("There is a problem");
        assertThat(summary).isInViewport(); // the page opens at the top, where the summary is
        assertThat(page.getByLabel("Points (0 to 5)").last()).hasValue("9"); // what was typed stays
        summary.getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("#points-6$"));
        assertThat(page.locator("#points-6")).isInViewport();
        assertThat(page.locator("#points-6")).hasAttribute("aria-describedby", "points-error-6");
        assertThat(page.locator("#points-error-6")).containsText("0 to 5");

        page.getByLabel("Points (0 to 5)").last().fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade")).last().click();
        assertThat(page.locator("#q6 [role=status]")).hasText("Grade saved: 4 of 5 points.");
        page.reload();
        assertThat(count("select count(*) from grade_change")).isEqualTo(1);
    }

    @Test
    void an_override_without_a_reason_is_refused_beside_the_field() {
        String id = finishedAttempt("Olga Override", 1, null);
        signInAsInterviewer();
        page.navigate(app.url("/review/attempts/" + id));
        page.locator("#q1 summary").click();
        page.locator("#points-1").fill("0");
        page.locator("#q1").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Override")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Question 1: Say why you override");
        assertThat(page.locator("#q1 details[open] #comment-1")).isVisible();
        assertThat(page.locator("#comment-error-1")).containsText("Say why you override");
    }

    @Test
    void applying_a_regrade_asks_first_and_a_reload_applies_nothing_again() throws Exception {
        String id = finishedAttempt("Rex Regraded", 0, null);
        var bank = app.dir.resolve("content/skills/alpha.md");
        java.nio.file.Files.writeString(bank, java.nio.file.Files.readString(bank).replace("- [ ] `Required<T>`", "- [x] `Required<T>`")
                .replace("- [x] `Partial<T>`", "- [ ] `Partial<T>`"));
        app.app.content().reload();
        signInAsInterviewer();
        page.navigate(app.url("/review/regrade?quiz=timed"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Apply to 1 attempt(s)…")).click();
        assertThat(page.locator("h1")).hasText("Regrade 1 attempt(s) of Timed fixture quiz?");
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(0.0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply the regrade")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Regraded 1 attempt(s)");
        page.reload();
        assertThat(count("select count(*) from grade_change where kind = 'REGRADE'")).isEqualTo(1);
        assertThat(app.app.attempts().attempt(id).score()).isEqualTo(1.0);
    }

    @Test
    void a_bad_date_filter_stays_on_the_dashboard_with_the_error_beside_it() {
        signInAsInterviewer();
        page.navigate(app.url("/review?from=yesterday"));
        assertThat(page.locator("h1")).hasText("Candidates");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("2026-11-28");
        page.getByRole(AriaRole.ALERT).getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#from")).isFocused();
    }
}
