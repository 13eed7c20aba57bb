package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comparable candidates over real HTTP: a quiz with {@code form: fixed} gives every candidate the same questions, and
 * the comparison names questions and skill areas by their text and shows each skill area as a percent of the points
 * that candidate was offered, the same figure as on the candidate's own result and in the CSV.
 */
class ComparisonHttpTest extends AppTest {

    /** Two banks whose first option is always the right one, and a panel quiz with one form for everyone. */
    @BeforeEach
    void panelContent() throws Exception {
        Path content = dir.resolve("content");
        Files.writeString(content.resolve("skills/beta.md"), bank("Beta skills", "bq", 6, "Which beta statement is true"));
        Files.writeString(content.resolve("skills/gamma.md"), bank("Gamma skills", "gq", 4, "Which gamma statement is true"));
        writePanel(content, "");
        app.app.content().reload();
        assertThat(app.app.content().current().problems()).isEmpty();
    }

    @Test
    void candidates_of_a_fixed_form_get_the_same_questions_in_their_own_order() {
        String ada = app.startAttempt("panel", "Ada");
        String grace = app.startAttempt("panel", "Grace");

        assertThat(questions(ada)).hasSize(5);
        assertThat(Set.copyOf(questions(ada))).isEqualTo(Set.copyOf(questions(grace)));
        assertThat(questions(ada)).isNotEqualTo(questions(grace)); // shuffled for each: only the order differs
    }

    @Test
    void the_comparison_shows_prompts_titles_and_percent_of_the_points_offered_the_same_as_everywhere_else() {
        String ada = app.startAttempt("panel", "Ada");
        answer(ada, id -> !id.equals(questions(ada).stream().filter(q -> q.startsWith("bq")).findFirst().orElseThrow()));
        String grace = app.startAttempt("panel", "Grace");
        answer(grace, id -> false);
        String adaResult = app.get("/attempts/" + ada + "/result").body();
        assertThat(adaResult).contains("Beta skills: 67% (2 of 3 points)").contains("Gamma skills: 100% (2 of 2 points)");

        app.signInAs("ivy", Role.INTERVIEWER);
        String page = app.get("/review/compare?a=" + ada + "&a=" + grace).body();
        assertThat(page).contains("Panel interview").contains("All of them answered the same 5 questions");
        var beta = row(page, "Beta skills");
        assertThat(beta).containsSubsequence("<strong>67%</strong>", "2 / 3", "<strong>0%</strong>", "0 / 3");
        assertThat(row(page, "Gamma skills")).containsSubsequence("<strong>100%</strong>", "2 / 2");
        String text = page.replaceAll("<[^>]+>", " ");
        assertThat(text).contains("Which beta statement is true").contains("Which gamma statement is true")
                .doesNotContainPattern("\\b(bq|gq)\\d\\b") // questions are named by their text, never by id
                .doesNotContain("not asked").doesNotContain("not offered");
        // the question's whole text, as the candidates saw it, one click away
        assertThat(page).contains("<details>").contains("<code>beta</code> code");

        var csv = app.get("/review/export.csv?quiz=panel").body().lines().toList();
        var header = List.of(csv.get(0).split(","));
        var adaLine = List.of(csv.stream().filter(l -> l.startsWith("Ada,")).findFirst().orElseThrow().split(","));
        assertThat(adaLine.get(header.indexOf("Beta skills %"))).isEqualTo("67");
        assertThat(adaLine.get(header.indexOf("percent"))).isEqualTo("80");
        assertThat(page).contains("<strong>80%</strong>");
    }

    @Test
    void when_the_quiz_changes_between_candidates_each_keeps_their_form_and_what_they_never_saw_says_so() throws Exception {
        String ada = app.startAttempt("panel", "Ada");
        answer(ada, id -> true);
        // the trainer adds a skill area to the panel: later candidates get a new form, Ada keeps hers
        writePanel(dir.resolve("content"), """
                  - bank: delta
                    count: 1
                """);
        Files.writeString(dir.resolve("content/skills/delta.md"), bank("Delta skills", "dq", 2, "Which delta statement is true"));
        app.app.content().reload();
        String grace = app.startAttempt("panel", "Grace");
        answer(grace, id -> true);
        assertThat(questions(ada)).hasSize(5);
        assertThat(questions(grace)).hasSize(6);

        app.signInAs("ivy", Role.INTERVIEWER);
        String page = app.get("/review/compare?a=" + ada + "&a=" + grace).body();
        assertThat(page).contains("were not all asked the same questions");
        assertThat(row(page, "Delta skills")).containsSubsequence("not offered", "<strong>100%</strong>", "1 / 1");
        assertThat(page).contains("not asked");
    }

    static void writePanel(Path content, String moreRules) throws Exception {
        Files.writeString(content.resolve("quizzes/panel.md"), """
                ---
                title: Panel interview
                time_limit: 30m
                form: fixed
                shuffle_options: false
                access: public
                draw:
                  - bank: beta
                    count: 3
                  - bank: gamma
                    count: 2
                """ + moreRules + """
                ---

                The same questions for every candidate.
                """);
    }

    /** {@code n} single-choice questions, one point each, the first option right. */
    static String bank(String title, String prefix, int n, String prompt) {
        return "---\ntitle: " + title + "\n---\n\n" + IntStream.rangeClosed(1, n).mapToObj(i -> """
                ## %s (number %d)? {#%s%d}

                Read the `%s` code carefully.

                - [x] right %d
                - [ ] wrong %d
                """.formatted(prompt, i, prefix, i, title.split(" ")[0].toLowerCase(), i, i)).collect(Collectors.joining("\n"));
    }

    private List<String> questions(String attempt) {
        return app.app.jdbi().withHandle(h -> h.createQuery("select question_id from attempt_question where attempt_id = :a order by slot")
                .bind("a", attempt).mapTo(String.class).list());
    }

    /** Answers every question, rightly where {@code right} says so, and submits. */
    private void answer(String attempt, java.util.function.Predicate<String> right) {
        var ids = questions(attempt);
        for (int slot = 1; slot <= ids.size(); slot++) {
            app.post("/attempts/" + attempt + "/q/" + slot, "revision", "0", "page", "tab-1",
                    "choice", right.test(ids.get(slot - 1)) ? "0" : "1", "action", "next");
        }
        assertThat(app.post("/attempts/" + attempt + "/submit").status()).isEqualTo(303);
    }

    /** The table row of a skill area in the by-skill table. */
    private static String row(String page, String area) {
        var m = Pattern.compile("(?s)<tr>\\s*<th scope=\"row\">" + Pattern.quote(area) + "</th>.*?</tr>").matcher(page);
        assertThat(m.find()).as("a row for " + area).isTrue();
        return m.group();
    }
}
