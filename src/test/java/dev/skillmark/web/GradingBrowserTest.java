package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.HttpSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An interviewer works through the grading queue ticking rubric lines; reports and the live view, at two widths. */
class GradingBrowserTest extends BrowserTestBase {

    /** Where the screenshots of the new pages go, to be looked at. */
    private static final Path SHOTS = Path.of("/tmp/grading-shots");

    @Test
    void an_interviewer_ticks_rubric_lines_through_the_queue_and_reads_the_reports() throws Exception {
        String ada = finished("Ada Lovelace", "A token bucket per key, counters in Redis with INCR and a TTL.");
        app.clock.advance(Duration.ofMinutes(1));
        String grace = finished("Grace Hopper", "Keep a counter in a HashMap on the server.");
        signInAsInterviewer();

        page.navigate(app.url("/review"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2 answers to grade")).click();
        assertThat(page.locator("h1")).hasText("Grading");
        shots("grading-queue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Grade the next answer")).click();

        assertThat(page.locator("h1")).containsText("Ada Lovelace, question 6");
        assertThat(page.locator(".rubric-total")).containsText("The ticked lines give 0 of 5 points");
        page.getByLabel("RUBRIC-MARKER token bucket or sliding window").check();
        assertThat(page.locator(".rubric-total")).containsText("give 2 of 5 points");
        page.getByLabel("shared state: counters in Redis").fill("2");
        assertThat(page.locator(".rubric-total")).containsText("give 5 of 5 points");
        shots("grade-one");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade and go on")).click();

        assertThat(page.locator("h1")).containsText("Grace Hopper, question 6");
        page.getByLabel("Red flag: keeps the counters in one server's memory").check();
        page.getByLabel("Points (0 to 5)").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade and go on")).click();
        assertThat(page.locator("#comment-6 + .field-error, .field-error")).containsText("The ticked lines give 0 points");
        // the refused form comes back as the grader left it
        assertThat(page.getByLabel("Points (0 to 5)")).hasValue("1");
        assertThat(page.getByLabel("Red flag: keeps the counters in one server's memory")).isChecked();
        page.getByLabel("Comment (optional)").fill("Knows a counter is needed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save grade and go on")).click();
        assertThat(page.locator(".notice")).containsText("Every answer is graded");

        // the history keeps the ticks
        page.navigate(app.url("/review/attempts/" + grace));
        assertThat(page.locator(".grade-history")).containsText("– → 1 (Knows a counter is needed); ticked line 2 (0 of 3), red flag 3");
        assertThat(page.locator(".grade-history")).containsText("Knows a counter is needed");

        page.navigate(app.url("/review/grading/question?quiz=timed&question=alpha-essay&blind=1"));
        assertThat(page.locator("h2").first()).hasText("Ada Lovelace"); // all her grades are in
        shots("grade-question");

        page.navigate(app.url("/review/quizzes/timed/report"));
        assertThat(page.locator("svg.histogram title")).hasText("Score distribution");
        shots("quiz-report");
        page.navigate(app.url("/review/attempts/" + ada + "/report"));
        assertThat(page.locator("h1")).hasText("Ada Lovelace");
        shots("candidate-report");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator(".site-header")).isHidden();
        shots("candidate-report-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
    }

    @Test
    void a_grader_turns_blind_grading_on_once_and_a_refused_grade_names_every_problem_at_the_top() throws Exception {
        String ada = finished("Ada Lovelace", "A token bucket per key.");
        app.clock.advance(Duration.ofMinutes(1));
        finished("Grace Hopper", "A counter in a HashMap.");
        signInAsInterviewer();

        page.navigate(app.url("/review/grading"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Grade blind (hide names)")).click();
        assertThat(page.locator("#flash")).containsText("Blind grading is on");
        assertThat(page.locator("main")).not().containsText("Ada");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Grade the next answer")).click();
        assertThat(page.locator("h1")).containsText("Candidate 1, question 6");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Grading queue")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Grade every answer to alpha-essay")).click();
        assertThat(page.locator("main h2").first()).hasText("Candidate 1");
        assertThat(page.locator("main")).not().containsText("Grace");

        // two problems in one form: both at the top, each linked to its field, each beside its field
        var first = page.locator("[id='answer-" + ada + "']");
        first.getByLabel("Points (0 to 5), empty for the ticked lines' total").fill("9");
        first.getByLabel("Comment (optional) — needed when the points differ from the ticked lines").fill("c".repeat(4001));
        first.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save grade and go on")).click();
        var summary = page.locator("#error-summary");
        assertThat(summary).containsText("There are 2 problems");
        assertThat(summary).isFocused();
        assertThat(page.locator("main")).not().containsText("Ada");
        shots("grade-question-two-problems");
        summary.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Comments can be at most 4000 characters.")).click();
        var comment = page.locator("[id='comment-6-" + ada + "']");
        assertThat(comment).isFocused();
        assertThat(comment).isInViewport();
        assertThat(comment).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("[id='" + comment.getAttribute("aria-describedby") + "']")).hasText("Comments can be at most 4000 characters.");
        assertThat(page.locator("[id='points-6-" + ada + "']")).hasValue("9");
        assertThat(page.locator("[id='points-6-" + ada + "-error']")).hasText("Enter the points as a number from 0 to 5.");
    }

    @Test
    void the_live_view_refreshes_without_a_reload() throws Exception {
        signInAsInterviewer();
        page.navigate(app.url("/review/live"));
        assertThat(page.locator("#live-rows")).containsText("No attempt is in progress.");
        try (var candidate = new HttpSession(app.app.port())) {
            candidate.startAttempt("timed", "Live Candidate");
            page.clock().runFor(5_000);
            assertThat(page.locator("#live-rows")).containsText("Live Candidate");
            assertThat(page.locator("#live-rows")).containsText("10:00");
            assertThat(page.locator("#live-status")).containsText("refreshes every 5 seconds");
            shots("live");
        }
    }

    private void signInAsInterviewer() {
        app.app.accounts().create("ivy", "Ivy Interviewer", "correct horse battery", Set.of(Role.INTERVIEWER), "test");
        page.navigate(app.url("/sign-in"));
        page.getByLabel("Username").fill("ivy");
        page.getByLabel("Password").fill("correct horse battery");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("h1")).hasText("Candidates");
    }

    private String finished(String name, String essay) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", name);
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            candidate.post("/attempts/" + id + "/q/6", "revision", "0", "page", "tab-1", "response", essay, "action", "review");
            candidate.post("/attempts/" + id + "/submit");
            return id;
        }
    }

    /** The page at 1280 and at 390 pixels wide, full length. */
    private void shots(String name) throws Exception {
        Files.createDirectories(SHOTS);
        var size = page.viewportSize();
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-1280.png")).setFullPage(true));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-390.png")).setFullPage(true));
        page.setViewportSize(size.width, size.height);
        assertThat(name).isNotBlank();
    }
}
