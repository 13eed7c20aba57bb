package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real Chromium takes quizzes: with the mouse, with the keyboard alone, with a reload, and until time runs out. */
class BrowserTest extends BrowserTestBase {

    @Test
    void a_candidate_takes_the_timed_quiz_with_the_mouse() throws Exception {
        page.navigate(app.url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timed fixture quiz")).click();
        page.getByLabel("Your name").fill("Ada Lovelace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the clock")).click();
        onTheFirstQuestion(page);

        assertThat(page.locator("h1")).hasText("Question 1 of 6");
        assertThat(page.locator("#timer")).hasText(java.util.regex.Pattern.compile("10:00|09:5\\d")); // the page's clock runs
        page.getByText("Partial<T>").click();
        assertSaved(page);
        next();
        page.getByText("PUT").click();
        page.getByText("DELETE").click();
        assertSaved(page);
        next();
        assertThat(page.locator("pre code")).containsText("Record<string, { a: number }>");
        page.getByLabel("Your answer").fill("6");
        screenshot("question.png");
        next();
        page.getByLabel("Your answer (a number)").fill("3600");
        next();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Flag for review")).click();
        assertThat(page.locator(".flag-badge")).isVisible();
        next();
        page.getByLabel("Your answer").fill("A token bucket per API key, kept in Redis.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish…")).click();

        assertThat(page.locator("h1")).hasText("Ready to submit?");
        assertThat(page.getByText("Question 5").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit my answers")).click();

        assertThat(page.locator("h1")).containsText("Your result");
        assertThat(page.locator(".score-points")).hasText("5 of 11 points");
        assertThat(page.locator(".chart")).isVisible();
        screenshot("result.png");
    }

    @Test
    void a_candidate_takes_a_quiz_with_the_keyboard_alone() {
        page.navigate(app.url("/quizzes/timed"));
        tabTo("Your name");
        page.keyboard().type("Grace Hopper");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Question 1 of 6");

        tabTo("A. Required<T>");
        page.keyboard().press("ArrowDown"); // radios move and select with the arrow keys
        assertThat(page.locator("#option-1")).isChecked();
        tabTo("Next");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Question 2 of 6");

        tabTo("A. PUT");
        page.keyboard().press("Space");
        tabTo("C. POST");
        tabTo("B. DELETE", true);
        page.keyboard().press("Space");
        tabTo("Review and submit");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Ready to submit?");
        tabTo("Submit my answers");
        page.keyboard().press("Enter");
        assertThat(page.locator(".score-points")).hasText("3 of 11 points");
    }

    @Test
    void a_failed_autosave_shows_a_clear_warning_and_the_answer_is_saved_once_the_network_is_back() {
        startTimedQuiz(page);
        page.route("**/autosave", route -> route.abort());
        page.getByText("Partial<T>").click();
        assertThat(page.locator("#save-status")).containsText("Not saved: the connection failed");
        assertThat(page.locator("#save-status")).hasClass(java.util.regex.Pattern.compile("error"));

        page.unroute("**/autosave");
        page.clock().runFor(5_000); // the page retries on its own
        assertSaved(page);
        page.reload();
        assertThat(page.locator("#option-1")).isChecked();
    }

    @Test
    void reloading_in_the_middle_resumes_with_saved_answers_and_the_remaining_time() {
        startTimedQuiz(page);
        page.getByText("Partial<T>").click();
        assertSaved(page);
        next();
        next();
        page.getByLabel("Your answer").fill("six");
        assertSaved(page);

        app.clock.advance(Duration.ofMinutes(2));
        page.reload();
        assertThat(page.getByLabel("Your answer")).hasValue("six");
        assertThat(page.locator("#timer")).hasText("08:00");

        var second = context.newPage();  // closing the tab and coming back from the home page
        page.close();
        second.navigate(app.url("/"));
        second.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resume it")).click();
        assertThat(second.locator("#option-1")).isChecked();
    }

    @Test
    void when_the_timer_runs_out_the_page_submits_and_the_saved_answers_count() {
        startTimedQuiz(page);
        page.getByText("Partial<T>").click();
        assertSaved(page);

        app.clock.advance(Duration.ofSeconds(9 * 60 + 30)); // the server's clock and the page's move together:
        page.clock().runFor(9 * 60 * 1000 + 30_000);      // the page's light poll asks the server for the time left
        assertThat(page.locator("#timer")).hasText(java.util.regex.Pattern.compile("00:(30|29|28)"));
        assertThat(page.locator(".timer-box")).hasClass(java.util.regex.Pattern.compile("low"));
        assertThat(page.locator("#timer-announcer")).hasText("30 seconds left.");

        app.clock.advance(Duration.ofSeconds(32)); // the server's clock reaches the deadline too
        page.clock().runFor(31_000);
        page.waitForURL("**/result");
        assertThat(page.locator(".score-points")).hasText("1 of 11 points");
        assertThat(app.attemptStatus(page.url().replaceAll(".*/attempts/([^/]+)/result", "$1"))).isEqualTo(dev.skillmark.attempt.Attempt.Status.EXPIRED);
        assertThat(page.locator("main")).containsText("Time ran out");
    }

    @Test
    void an_interviewer_invites_a_candidate_who_takes_the_quiz_and_the_interviewer_grades_the_essay() throws Exception {
        app.app.accounts().create("ivy", "Ivy Interviewer", "correct horse battery",
                java.util.Set.of(dev.skillmark.web.Role.INTERVIEWER), "test");
        signIn("ivy");
        assertThat(page.locator("h1")).hasText("Candidates");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite candidates")).first().click();
        page.getByLabel("Quiz").first().selectOption("timed");
        page.getByLabel("Candidate name").fill("Carla Candidate");
        page.getByLabel("Extra time (percent, for accommodations)").fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation").setExact(true)).click();
        String link = page.getByLabel("Link for Carla Candidate").inputValue();
        assertThat(link).contains("/i/");

        var candidateContext = browser.newContext();
        candidateContext.clock().install(new Clock.InstallOptions().setTime(app.clock.millis()));
        var candidate = candidateContext.newPage();
        candidate.navigate(link);
        assertThat(candidate.getByText("You were invited as")).containsText("Carla Candidate");
        assertThat(candidate.locator(".facts")).containsText("+25%");
        candidate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the clock")).click();
        onTheFirstQuestion(candidate);
        assertThat(candidate.locator("#timer")).hasText("12:30");
        candidate.getByText("Partial<T>").click();
        assertSaved(candidate);
        candidate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Question 6, unanswered")).click();
        candidate.getByLabel("Your answer").fill("A token bucket per key in Redis, with a Lua script for atomicity.");
        candidate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish…")).click();
        candidate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit my answers")).click();
        assertThat(candidate.locator(".verdict")).hasText("Waiting for grading");
        candidateContext.close();

        page.navigate(app.url("/review"));
        assertThat(page.locator("tbody tr").first()).containsText("1 to grade");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carla Candidate")).click();
        assertThat(page.locator(".rubric").first()).containsText("RUBRIC-MARKER");
        page.getByLabel("Points (0 to 5)").last().fill("4");
        page.getByLabel("Comment (optional)").last().fill("Solid; no mention of expiry.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade")).last().click();
        assertThat(page.locator(".score-points")).hasText("5 of 11 points");
        screenshot("review.png");

        page.navigate(app.url("/review"));
        assertThat(page.locator("tbody tr").first()).containsText("5/11 (45%)");
        screenshot("dashboard.png");
        assertThat(page.locator("tbody tr").first()).not().containsText("to grade");
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")).click());
        String csv = Files.readString(download.path());
        assertThat(csv).contains("Carla Candidate,Timed fixture quiz,submitted,5,11,45,");
    }

    @Test
    void a_trainer_sees_content_status_previews_and_statistics() throws Exception {
        app.app.accounts().create("tess", "Tess Trainer", "correct horse battery",
                java.util.Set.of(dev.skillmark.web.Role.TRAINER), "test");
        signIn("tess");
        assertThat(page.locator("h1")).hasText("Content status");
        screenshot("content-status.png");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("with keys")).first().click();
        assertThat(page.locator(".explanation").first()).containsText("EXPLANATION-MARKER");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statistics")).click();
        assertThat(page.locator("h1")).hasText("Question statistics");
        page.navigate(app.url("/content"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("try it (not counted)")).first().click();
        assertThat(page.locator(".quiz-name")).isVisible();
    }

    @Test
    void the_page_reports_lost_focus_and_pastes_as_signals() {
        startTimedQuiz(page);
        String attemptId = page.url().replaceAll(".*/attempts/([^/]+)/q/1", "$1");
        page.evaluate("() => window.dispatchEvent(new Event('blur'))");
        page.clock().runFor(4_000);
        page.evaluate("() => window.dispatchEvent(new Event('focus'))");
        next();
        next();
        page.getByLabel("Your answer").dispatchEvent("paste");
        page.getByLabel("Your answer").fill("6");
        next();
        app.app.signals().flush();
        var events = app.app.jdbi().withHandle(h -> h.createQuery(
                "select type || ':' || detail from attempt_event where attempt_id = :id and type in ('FOCUS_LOST', 'PASTE') order by at, id")
                .bind("id", attemptId).mapTo(String.class).list());
        org.assertj.core.api.Assertions.assertThat(events).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(events.get(0)).matches("FOCUS_LOST:4\\d\\d\\d ms"); // 4 s on the page's clock, which also keeps running in real time
        org.assertj.core.api.Assertions.assertThat(events.get(1)).isEqualTo("PASTE:0 characters");
    }

    @Test
    void the_question_page_fits_a_phone_screen() throws Exception {
        var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setIsMobile(true).setHasTouch(true));
        var p = phone.newPage();
        startTimedQuiz(p);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Question 3, unanswered")).click();
        int scrollWidth = (int) p.evaluate("document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(375);
        Files.createDirectories(SCREENSHOTS);
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("phone.png")).setFullPage(true));
        phone.close();
    }

    private void signIn(String username) {
        page.navigate(app.url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("correct horse battery");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Presses Tab (or Shift+Tab) until the focused element's accessible text starts with {@code name}. */
    private void tabTo(String name) {
        tabTo(name, false);
    }

    private void tabTo(String name, boolean backwards) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press(backwards ? "Shift+Tab" : "Tab");
            String focused = (String) page.evaluate("() => { const e = document.activeElement;"
                    + " const label = e.labels && e.labels.length ? e.labels[0].innerText : '';"
                    + " return (label || e.innerText || e.value || '').replace(/\\s+/g, ' ').trim(); }");
            if (focused.startsWith(name)) {
                return;
            }
        }
        throw new AssertionError("could not reach '" + name + "' with the keyboard");
    }
}
