package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Item 4 of issue 12: times in the viewer's time zone with UTC in the tooltip, UTC without JavaScript, date inputs. */
class TimeZoneBrowserTest extends StaffBrowser {

    @Test
    void times_show_in_the_viewers_zone_with_utc_in_the_tooltip() {
        String id = finishedAttempt("Zed Zone", 1, null); // started 2026-11-02 09:00 UTC, 10:00 in Berlin
        signInAsInterviewer();
        page.navigate(app.url("/review"));
        var time = page.locator("tbody time").first();
        assertThat(time).hasText(java.util.regex.Pattern.compile("^2026-11-02 10:00 (CET|GMT\\+1)$"));
        assertThat(time).hasAttribute("title", "2026-11-02 09:00 UTC");
        assertThat(time).hasAttribute("datetime", "2026-11-02T09:00:00Z");

        page.navigate(app.url("/review/attempts/" + id));
        assertThat(page.locator(".timeline time").first()).hasText(java.util.regex.Pattern.compile("^2026-11-02 10:00:00 (CET|GMT\\+1)$"));
    }

    @Test
    void without_javascript_times_read_as_utc() {
        finishedAttempt("Una Utc", 1, null);
        var noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setTimezoneId("Europe/Berlin"));
        page = noScript.newPage();
        signInAsInterviewer();
        page.navigate(app.url("/review"));
        assertThat(page.locator("tbody time").first()).hasText("2026-11-02 09:00 UTC");
        noScript.close();
    }

    @Test
    void date_filters_are_date_inputs_read_as_days_in_the_viewers_zone() {
        app.clock.advance(Duration.ofHours(14).plusMinutes(30)); // 23:30 UTC on 2 November is 00:30 on 3 November in Berlin
        finishedAttempt("Nina Night", 1, null);
        signInAsInterviewer();
        page.navigate(app.url("/review"));
        assertThat(page.locator("#from")).hasAttribute("type", "date");
        page.locator("#from").fill("2026-11-03");
        page.locator("#to").fill("2026-11-03");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("tz=Europe%2FBerlin"));
        assertThat(page.locator("tbody")).containsText("Nina Night");
        assertThat(page.locator("#from")).hasValue("2026-11-03");
        page.navigate(app.url("/review?from=2026-11-03&to=2026-11-03")); // no zone given: days in UTC
        assertThat(page.locator("tbody tr")).hasCount(0);
    }
}
