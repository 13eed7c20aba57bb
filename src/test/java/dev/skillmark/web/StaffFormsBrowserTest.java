package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.Fixtures;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An interviewer's forms in a real browser: reloads repeat nothing, risky steps ask first, errors lead to their fields. */
class StaffFormsBrowserTest extends BrowserTestBase {

    /** Where the screenshots of the changed pages go, at 1280 and 390 px, for a person to look at. */
    static final Path SHOTS = Path.of(System.getProperty("skillmark.shots", "target/forms-shots"));

    @Test
    void an_invitation_made_once_stays_one_after_a_reload_and_its_link_is_shown_only_then() throws Exception {
        signIn(page);
        page.navigate(app.url("/invitations"));
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("Candidate name").fill("Carla Candidate");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();
        assertThat(page.locator("#flash")).containsText("Invitation for Carla Candidate to Timed fixture quiz created");
        assertThat(page.getByLabel("Link for Carla Candidate")).hasValue(java.util.regex.Pattern.compile("/i/[A-Za-z0-9_-]{43}$"));
        shots(page, "invitations-created");

        page.reload();
        assertThat(page.locator("h1")).hasText("Invite candidates");
        assertThat(page.locator("#flash")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from invitation")).isEqualTo(1);
    }

    @Test
    void a_double_click_on_create_sends_the_form_once() {
        signIn(page);
        page.navigate(app.url("/invitations"));
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("Candidate name").fill("Dora Doubleclick");
        // hold the first POST in the browser, so the second press comes while it is still on its way; let any later one through
        var posts = new java.util.ArrayList<com.microsoft.playwright.Route>();
        page.route("**/invitations", route -> {
            boolean post = route.request().method().equals("POST");
            if (post) {
                posts.add(route);
            }
            if (!post || posts.size() > 1) {
                route.resume();
            }
        });
        var create = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true));
        var box = create.boundingBox();
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        page.waitForCondition(() -> !posts.isEmpty());
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        page.keyboard().press("Enter");
        posts.get(0).resume();
        assertThat(page.locator("#flash")).containsText("Invitation for Dora Doubleclick to Timed fixture quiz created");
        org.assertj.core.api.Assertions.assertThat(posts).as("POSTs the browser sent").hasSize(1);
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from invitation")).isEqualTo(1);
    }

    @Test
    void revoking_asks_for_confirmation_and_a_reload_of_the_page_after_repeats_nothing() throws Exception {
        signIn(page);
        page.navigate(app.url("/invitations"));
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("Candidate name").fill("Rea Revoked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();
        page.navigate(app.url("/review"));
        shots(page, "dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoke the invitation of Rea Revoked")).click();
        assertThat(page.locator("h1")).hasText("Revoke the invitation of Rea Revoked?");
        shots(page, "confirm-revoke");
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from invitation where revoked_at is not null")).isZero();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation")).click();
        assertThat(page.locator("h1")).hasText("Candidates");
        assertThat(page.locator("#flash")).containsText("Invitation of Rea Revoked revoked");
        page.reload();
        assertThat(page.locator("#flash")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(count("select count(*) from audit_event where action = 'invitation.revoked'"))
                .isEqualTo(1);
    }

    @Test
    void a_bad_form_shows_a_summary_that_links_to_the_field_and_keeps_what_was_typed() throws Exception {
        signIn(page);
        page.navigate(app.url("/invitations"));
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("E-mail (optional, for your records)").fill("cora@example.org");
        page.getByLabel("Link valid for (days)").fill("500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();

        var summary = page.locator("#error-summary");
        assertThat(summary).containsText("There are 2 problems");
        assertThat(summary.getByRole(AriaRole.LINK)).hasCount(2);
        assertThat(page.locator("#expires-error")).containsText("1 to 90 days");
        assertThat(summary).isFocused();
        assertThat(page.locator("#name-error")).containsText("Enter the candidate's name");
        assertThat(page.getByLabel("E-mail (optional, for your records)")).hasValue("cora@example.org");
        assertThat(page.getByLabel("Link valid for (days)")).hasValue("500");
        assertThat(page.locator("#quiz")).hasValue("timed");
        shots(page, "invitations-error");

        summary.getByRole(AriaRole.LINK).first().click();
        assertThat(page.getByLabel("Candidate name")).isFocused();
    }

    @Test
    void times_show_in_the_viewers_zone_with_utc_in_the_tooltip() throws Exception {
        app.startAttempt("timed", "Ada"); // started at the test clock's time
        var tokyo = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setTimezoneId("Asia/Tokyo"));
        try {
            tokyo.clock().install(new Clock.InstallOptions().setTime(app.clock.millis()));
            var p = tokyo.newPage();
            signIn(p);
            p.navigate(app.url("/review"));
            var started = p.locator("tbody time").first();
            var utc = java.time.Instant.ofEpochMilli(app.clock.millis());
            String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(utc.atZone(java.time.ZoneId.of("Asia/Tokyo"))) + " GMT+9";
            assertThat(started).hasText(expected);
            assertThat(started).hasAttribute("title", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .format(utc.atZone(java.time.ZoneOffset.UTC)));
            shots(p, "dashboard-tokyo");
        } finally {
            tokyo.close();
        }
    }

    @Test
    void pages_without_javascript_keep_utc_and_still_ask_before_revoking() throws Exception {
        app.startAttempt("timed", "Ada");
        var noJs = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setTimezoneId("Asia/Tokyo"));
        try {
            var p = noJs.newPage();
            signIn(p);
            p.navigate(app.url("/review"));
            assertThat(p.locator("tbody time").first()).hasText(java.util.regex.Pattern.compile("UTC$"));
            p.navigate(app.url("/invitations"));
            p.getByLabel("Quiz").first().selectOption("timed");
            p.getByLabel("Candidate name").fill("Nora NoScript");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();
            assertThat(p.locator("#flash")).containsText("Nora NoScript");
            p.navigate(app.url("/review"));
            p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoke the invitation of Nora NoScript")).click();
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation")).click();
            assertThat(p.locator("#flash")).containsText("revoked");
        } finally {
            noJs.close();
        }
    }

    @Test
    void the_attempt_page_the_users_page_and_the_regrade_confirmation_look_right() throws Exception {
        String id = app.startAttempt("timed", "Ada");
        app.post("/attempts/" + id + "/submit");
        app.app.accounts().create("ada", "Ada Admin", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test");
        signIn(page);
        page.navigate(app.url("/review/attempts/" + id));
        page.getByText("Override the automatic grade").first().click();
        page.getByLabel("Points (0 to 1)").first().fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override")).first().click();
        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.getByLabel("Points (0 to 1)").first()).hasValue("2");
        shots(page, "attempt-error");

        var admin = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        try {
            var p = admin.newPage();
            signIn(p, "ada");
            p.navigate(app.url("/admin/users"));
            p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deactivate ivy")).click();
            assertThat(p.locator("h1")).hasText("Deactivate Ivy Interviewer (ivy)?");
            shots(p, "confirm-deactivate");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate ivy")).click();
            assertThat(p.locator("#flash")).containsText("ivy deactivated");
            shots(p, "users-deactivated");
        } finally {
            admin.close();
        }
    }

    private void signIn(Page p) {
        if (count("select count(*) from app_user where username = 'ivy'") == 0) {
            app.app.accounts().create("ivy", "Ivy Interviewer", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        }
        signIn(p, "ivy");
    }


    private int count(String sql) {
        return app.app.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void shots(Page p, String name) throws Exception {
        shots(p, SHOTS, name);
    }
}
