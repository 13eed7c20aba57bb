package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.Fixtures;
import dev.skillmark.Seeds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The long lists in a real browser: a search, page 2 and back, and the URL keeps the filter all the way. */
class ListsBrowserTest extends BrowserTestBase {

    static final Path SHOTS = Path.of(System.getProperty("skillmark.shots", "target/forms-shots"));
    /** One attempt an hour from 2026-10-01 00:30 UTC (09:30 in Tokyo). */
    private static final long START = Instant.parse("2026-10-01T00:30:00Z").toEpochMilli();

    @Test
    void a_search_survives_going_to_page_two_and_back_and_days_are_the_viewers_own() throws Exception {
        seed(120);
        var tokyo = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setTimezoneId("Asia/Tokyo"));
        try {
            tokyo.clock().install(new Clock.InstallOptions().setTime(app.clock.millis()));
            var p = tokyo.newPage();
            signIn(p, "ivy", Role.INTERVIEWER);
            p.navigate(app.url("/review"));
            assertThat(p.locator(".list-count")).hasText("Showing 1–50 of 120 invitations and attempts (page 1 of 3).");
            shots(p, "lists-dashboard");

            p.getByLabel("Search").fill("cand 00");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(p).hasURL(Pattern.compile("[?&]q=cand\\+00(&|$)"));
            assertThat(p.locator(".list-count")).hasText("Showing 1–50 of 100 invitations and attempts (page 1 of 2).");
            assertThat(p.locator("tbody th[scope=row]").first()).hasText("Cand 0099");

            p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →")).click();
            assertThat(p).hasURL(Pattern.compile("q=cand\\+00.*page=2"));
            assertThat(p.locator(".list-count")).hasText("Showing 51–100 of 100 invitations and attempts (page 2 of 2).");
            assertThat(p.locator("tbody th[scope=row]").first()).hasText("Cand 0049");
            assertThat(p.getByLabel("Search")).hasValue("cand 00");

            p.goBack();
            assertThat(p).hasURL(Pattern.compile("[?&]q=cand\\+00(&|$)"));
            assertThat(p.locator(".list-count")).hasText("Showing 1–50 of 100 invitations and attempts (page 1 of 2).");
            p.reload();
            assertThat(p.locator(".list-count")).hasText("Showing 1–50 of 100 invitations and attempts (page 1 of 2).");

            // 1 October in Tokyo is 30 September 15:00 to 1 October 15:00 UTC: the first 15 attempts
            p.getByLabel("Search").fill("");
            p.getByLabel("From (date)").fill("2026-10-01");
            p.getByLabel("To (date)").fill("2026-10-01");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(p).hasURL(Pattern.compile("tz=Asia%2FTokyo"));
            assertThat(p.locator(".list-count")).hasText("Showing 1–15 of 15 invitations and attempts.");
            assertThat(p.locator("#days-zone")).hasText("From and to are whole days in Asia/Tokyo time.");
            p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("name")).click();
            assertThat(p).hasURL(Pattern.compile("from=2026-10-01.*tz=Asia%2FTokyo.*sort=name"));
            assertThat(p.locator(".list-count")).hasText("Showing 1–15 of 15 invitations and attempts.");
        } finally {
            tokyo.close();
        }
    }

    @Test
    void the_audit_log_pages_through_a_filtered_log() throws Exception {
        Seeds.auditEntries(app.app.jdbi(), 400, START);
        signIn(page, "root", Role.ADMIN);
        page.setViewportSize(1280, 900);
        page.navigate(app.url("/admin/audit"));
        shots(page, "lists-audit");
        page.getByLabel("Who").selectOption("tom");
        page.getByLabel("Search").fill("entry 1");
        page.getByLabel("Per page").selectOption("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        // tom has every third entry; of those, "entry 1" matches 11, 14, 17 and 101 to 197
        assertThat(page.locator(".list-count")).hasText("Showing 1–25 of 36 events (page 1 of 2). Newest first.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Page 2")).click();
        assertThat(page).hasURL(Pattern.compile("actor=tom.*q=entry\\+1.*size=25.*page=2"));
        assertThat(page.locator(".list-count")).hasText("Showing 26–36 of 36 events (page 2 of 2). Newest first.");
        assertThat(page.getByLabel("Who")).hasValue("tom");
        page.goBack();
        assertThat(page.locator(".list-count")).hasText("Showing 1–25 of 36 events (page 1 of 2). Newest first.");
    }

    private void seed(int count) {
        Seeds.attempts(app.app.jdbi(), count, new Seeds.Shape() {
            public String quiz(int n) {
                return n % 2 == 0 ? "timed" : "score-only";
            }

            public String quizTitle(int n) {
                return n % 2 == 0 ? "Timed fixture quiz" : "Score-only fixture quiz";
            }

            public String status(int n) {
                return n % 5 == 0 ? "IN_PROGRESS" : "SUBMITTED";
            }

            public long startedAt(int n) {
                return START + 3_600_000L * n;
            }

            public int focusLost(int n) {
                return n % 7 == 0 ? 2 : 0;
            }
        });
    }

    private void signIn(Page p, String username, Role role) {
        app.app.accounts().create(username, username, Fixtures.PASSWORD, Set.of(role), "test");
        p.navigate(app.url("/sign-in"));
        p.getByLabel("Username").fill(username);
        p.getByLabel("Password").fill(Fixtures.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        p.waitForLoadState();
    }

    private static void shots(Page p, String name) throws Exception {
        shots(p, SHOTS, name);
    }
}
