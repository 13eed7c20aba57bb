package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.attempt.Extensions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The promise that an acknowledged answer is kept, told as a candidate in a real browser would test it. */
class AnswersBrowserTest extends BrowserTestBase {

    @Test
    void a_second_tab_that_types_never_overwrites_the_newer_answer_of_the_first() {
        startTimedQuiz(page);
        String attempt = attemptOf(page);
        goTo(page, attempt, 4);
        var tabB = context.newPage();
        tabB.navigate(page.url());
        tabB.waitForLoadState();

        page.getByLabel("Your answer").fill("3600");
        assertSaved(page);
        tabB.getByLabel("Your answer").fill("1");
        assertThat(tabB.locator("#save-status")).containsText("changed in another tab");
        tabB.getByLabel("Your answer").fill("12");   // it keeps typing: still refused
        tabB.getByLabel("Your answer").blur();
        assertThat(tabB.locator("#save-status")).containsText("changed in another tab");
        assertThat(stored(attempt, 4)).isEqualTo("3600");

        tabB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next").setExact(true)).click();
        assertThat(tabB.locator("h1")).hasText("This answer was changed in another tab");
        assertThat(tabB.locator("main")).containsText("3600");
        assertThat(tabB.locator("main")).containsText("12");
        assertThat(stored(attempt, 4)).isEqualTo("3600");

        page.getByLabel("Your answer").fill("3601"); // the first tab goes on as before
        assertSaved(page);
        assertThat(stored(attempt, 4)).isEqualTo("3601");
    }

    @Test
    void without_javascript_next_and_flag_from_a_stale_tab_change_nothing() {
        var noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        var tabA = noScript.newPage();
        tabA.navigate(app.url("/quizzes/timed"));
        tabA.getByLabel("Your name").fill("Ada");
        tabA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the clock")).click();
        tabA.waitForURL("**/q/1");
        String attempt = attemptOf(tabA);
        goTo(tabA, attempt, 4);
        var tabB = noScript.newPage();
        tabB.navigate(tabA.url());

        tabA.getByLabel("Your answer").fill("3600");
        tabA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next").setExact(true)).click();
        assertThat(tabA.locator("h1")).hasText("Question 5 of 6");

        tabB.getByLabel("Your answer").fill("60");
        tabB.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Flag for review")).click();
        assertThat(tabB.locator("h1")).hasText("This answer was changed in another tab");
        assertThat(tabB.locator("main")).containsText("3600");
        assertThat(tabB.locator("main")).containsText("60");
        assertThat(stored(attempt, 4)).isEqualTo("3600");
        assertThat(flagged(attempt, 4)).isFalse();
        noScript.close();
    }

    @Test
    void enter_in_a_text_field_saves_and_moves_on_never_back() {
        startTimedQuiz(page);
        String attempt = attemptOf(page);
        goTo(page, attempt, 4);
        page.getByLabel("Your answer").fill("3600");
        page.getByLabel("Your answer").press("Enter");
        assertThat(page.locator("h1")).hasText("Question 5 of 6");
        assertThat(stored(attempt, 4)).isEqualTo("3600");
    }

    @Test
    void a_key_of_several_lines_is_typed_line_by_line_in_a_multi_line_field() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("content/skills/printing.md"), dev.skillmark.attempt.MultiLineAnswerTest.BANK);
        app.app.content().reload();
        page.navigate(app.url("/quizzes/practice-printing"));
        page.getByLabel("Your name").fill("Ada");
        page.locator("form[action$='/start'] button[type=submit]").click();
        onTheFirstQuestion(page);
        var field = page.getByLabel("Your answer");
        assertThat(field).hasAttribute("rows", "3");
        field.click();
        page.keyboard().type("first");
        page.keyboard().press("Enter"); // a new line in the field, not a button
        page.keyboard().type("second line");
        assertSaved(page);
        assertThat(page.locator("h1")).hasText("Question 1 of 1");
        String attempt = attemptOf(page);
        assertThat(stored(attempt, 1)).isEqualTo("first\nsecond line");
        screenshot("multi-line-answer-desktop.png");
        page.setViewportSize(390, 844);
        screenshot("multi-line-answer-phone.png");
    }

    @Test
    void a_number_field_says_what_it_takes_and_refuses_words_next_to_the_field() {
        startTimedQuiz(page);
        String attempt = attemptOf(page);
        goTo(page, attempt, 4);
        assertThat(page.locator("#response-hint")).containsText("no units");
        page.getByLabel("Your answer").fill("3600 seconds");
        assertThat(page.locator("#response-error")).containsText("is not a number");
        assertThat(page.getByLabel("Your answer")).hasAttribute("aria-invalid", "true");
        assertThat(stored(attempt, 4)).isEmpty();

        page.getByLabel("Your answer").fill("3600,0");
        assertSaved(page);
        assertThat(page.locator("#response-error")).hasCount(0);
        assertThat(stored(attempt, 4)).isEqualTo("3600,0");
    }

    @Test
    void time_an_interviewer_adds_reaches_the_open_page_without_a_reload() {
        startTimedQuiz(page);
        String attempt = attemptOf(page);
        assertThat(page.locator("#timer")).hasText(java.util.regex.Pattern.compile("10:00|09:5\\d"));
        var ivy = app.app.accounts().create("ivy", "Ivy", dev.skillmark.Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        extensions().add(attempt, "5", false, "a fire alarm interrupted the candidate", ivy);

        page.clock().runFor(9_000); // the page's light poll asks for the time left
        assertThat(page.locator("#timer")).hasText(java.util.regex.Pattern.compile("14:5\\d"));
        assertThat(page.locator("#timer-announcer")).containsText("extended");
        assertThat(app.app.attempts().attempt(attempt).deadlineAt() - app.app.attempts().attempt(attempt).startedAt())
                .isEqualTo(Duration.ofMinutes(15).toMillis());
    }

    private Extensions extensions() {
        return app.app.extensions();
    }

    private void goTo(Page p, String attempt, int slot) {
        p.navigate(app.url("/attempts/" + attempt + "/q/" + slot));
        p.waitForLoadState();
    }

    private static String attemptOf(Page p) {
        return p.url().replaceAll(".*/attempts/([^/]+)/q/\\d+.*", "$1");
    }

    private String stored(String attempt, int slot) {
        return app.app.pages().question(attempt, slot).answer().response();
    }

    private boolean flagged(String attempt, int slot) {
        return app.app.pages().question(attempt, slot).answer().flagged();
    }
}
