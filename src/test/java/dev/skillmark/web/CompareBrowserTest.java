package dev.skillmark.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.skillmark.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An interviewer compares candidates in a real browser: from the dashboard's ticks to a question's full text. */
class CompareBrowserTest extends BrowserTestBase {

    /** Where the screenshots go, at 1280 and 390 px, for a person to look at. */
    static final Path SHOTS = Path.of(System.getProperty("skillmark.shots", "target/compare-shots"));

    @Test
    void candidates_of_a_fixed_form_compare_question_for_question_and_a_later_form_shows_what_was_not_offered() throws Exception {
        Path content = dir.resolve("content");
        Files.writeString(content.resolve("skills/beta.md"), ComparisonHttpTest.bank("Beta skills", "bq", 6, "Which beta statement is true"));
        Files.writeString(content.resolve("skills/gamma.md"), ComparisonHttpTest.bank("Gamma skills", "gq", 4, "Which gamma statement is true"));
        ComparisonHttpTest.writePanel(content, "");
        app.app.content().reload();
        take("Ada Lovelace", List.of(true, true, false, true, true));
        take("Grace Hopper", List.of(false, true, true, false, true));

        app.app.accounts().create("ivy", "Ivy Interviewer", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        page.navigate(app.url("/sign-in"));
        page.getByLabel("Username").fill("ivy");
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(app.url("/review"));
        page.getByLabel("Compare Ada Lovelace").check();
        page.getByLabel("Compare Grace Hopper").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare the ticked candidates")).click();

        assertThat(page.locator("h1")).hasText("Compare candidates");
        assertThat(page.locator(".lead")).containsText("Panel interview");
        assertThat(page.locator(".compare-basis")).containsText("All of them answered the same 5 questions");
        var firstQuestion = page.locator(".question-cell summary").first();
        assertThat(firstQuestion).containsText("Which beta statement is true");
        assertThat(page.locator(".question-cell .question-full").first()).not().isVisible();
        firstQuestion.click();
        assertThat(page.locator(".question-cell .question-full").first()).isVisible();
        assertThat(page.locator(".question-cell .question-full").first()).containsText("Read the beta code carefully.");
        shots(page, "compare-fixed-form");

        // the trainer adds an area; a later candidate gets the new form
        ComparisonHttpTest.writePanel(content, """
                  - bank: delta
                    count: 1
                """);
        Files.writeString(content.resolve("skills/delta.md"), ComparisonHttpTest.bank("Delta skills", "dq", 2, "Which delta statement is true"));
        app.app.content().reload();
        String lin = take("Lin Later", List.of(true, true, true, false, false, true));
        page.navigate(page.url() + "&a=" + lin);
        assertThat(page.locator(".compare-basis")).containsText("were not all asked the same questions");
        var delta = page.locator(".compare-areas").getByRole(AriaRole.ROW, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Delta skills")));
        assertThat(delta).containsText("not offered");
        assertThat(page.locator(".grid-table")).containsText("not asked");
        shots(page, "compare-changed-form");
    }

    @Test
    void long_names_and_areas_stay_inside_the_chart_and_their_full_text_is_the_tooltip_at_both_widths() throws Exception {
        String longName = "Maximiliana Konstantinopolskaya-Wolfeschlegelsteinhausen von Bergen";
        String longArea = "Beta skills, consensus, replication and the failure modes of distributed state machines";
        Path content = dir.resolve("content");
        Files.writeString(content.resolve("skills/beta.md"), ComparisonHttpTest.bank(longArea, "bq", 6, "Which beta statement is true"));
        Files.writeString(content.resolve("skills/gamma.md"), ComparisonHttpTest.bank("Gamma skills", "gq", 4, "Which gamma statement is true"));
        ComparisonHttpTest.writePanel(content, "");
        app.app.content().reload();
        String first = take(longName, List.of(true, true, true, true, true));
        String second = take("Grace Hopper", List.of(false, true, true, false, true));
        app.app.accounts().create("ivy", "Ivy Interviewer", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        signIn(page, "ivy");
        page.navigate(app.url("/review/compare?a=" + first + "&a=" + second));

        var chart = page.locator("svg.compare-chart");
        assertThat(chart.locator(".chart-row title").first()).hasText(longName + ": 100%");
        assertThat(chart.locator(".chart-label title").first()).hasText(longArea);
        assertThat(chart.locator(".chart-name").first()).hasText("Maximiliana…");
        for (int width : new int[]{1280, 390}) {
            page.setViewportSize(width, 900);
            assertThat(chart).isVisible();
            // every label ends inside the chart, and each name ends before the bars begin
            Object outside = page.evaluate("""
                    () => {
                      const svg = document.querySelector('svg.compare-chart');
                      const box = svg.getBoundingClientRect();
                      const bars = Math.min(...[...svg.querySelectorAll('.chart-bar')].map(b => b.getBoundingClientRect().left));
                      return [...svg.querySelectorAll('text')].filter(t => {
                        const r = t.getBoundingClientRect();
                        return r.right > box.right + 0.5 || r.left < box.left - 0.5
                          || (t.classList.contains('chart-name') && r.right > bars + 0.5);
                      }).map(t => t.textContent);
                    }""");
            org.assertj.core.api.Assertions.assertThat((List<?>) outside).as("labels cut off at " + width + " px").isEmpty();
            org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                    .as("the page does not scroll sideways at " + width + " px").isLessThanOrEqualTo(width);
        }
        shots(page, "compare-long-names");
    }

    /** A candidate takes the panel over HTTP (the first option is the right one) and submits; the attempt id. */
    private String take(String name, List<Boolean> right) {
        try (var candidate = new dev.skillmark.HttpSession(app.app.port())) {
            String id = candidate.startAttempt("panel", name);
            for (int slot = 1; slot <= right.size(); slot++) {
                candidate.post("/attempts/" + id + "/q/" + slot, "revision", "0", "page", "tab-1",
                        "choice", right.get(slot - 1) ? "0" : "1", "action", "next");
            }
            candidate.post("/attempts/" + id + "/submit");
            return id;
        }
    }

    private static void shots(Page p, String name) throws Exception {
        shots(p, SHOTS, name);
    }
}
