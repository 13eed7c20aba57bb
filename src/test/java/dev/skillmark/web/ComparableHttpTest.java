package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.nio.file.Files;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Item 5 of issue 12: with {@code form: fixed} candidates compare question by question; figures are shares of what was offered. */
class ComparableHttpTest extends AppTest {

    private String compare(String quiz) {
        var ids = new ArrayList<String>();
        for (String name : new String[]{"Ada", "Grace", "Alan", "Edsger"}) {
            String id = app.startAttempt(quiz, name);
            app.post("/attempts/" + id + "/submit");
            ids.add(id);
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        return app.get("/review/compare?a=" + String.join("&a=", ids)).body();
    }

    @Test
    void a_fixed_form_quiz_compares_every_candidate_on_every_question() throws Exception {
        Files.writeString(app.dir.resolve("content/quizzes/comparable.md"), """
            ---
            title: Comparable fixture quiz
            form: fixed
            draw:
              - bank: alpha
                count: 3
            ---
            Same questions for everyone.
            """);
        app.app.content().reload();
        var page = compare("comparable");
        assertThat(page).contains("Compare candidates: Comparable fixture quiz").contains("got the same questions")
                .doesNotContain(">not drawn<").doesNotContain("draws its questions at random");
        assertThat(page).contains("% (0 of ").contains(" offered)");
    }

    @Test
    void a_random_form_says_so_and_names_what_a_candidate_was_not_given() throws Exception {
        Files.writeString(app.dir.resolve("content/quizzes/drawn.md"), """
            ---
            title: Random fixture quiz
            draw:
              - bank: alpha
                count: 2
            ---
            Two questions at random.
            """);
        app.app.content().reload();
        var page = compare("drawn");
        assertThat(page).contains("draws its questions at random").contains("Compare candidates: Random fixture quiz");
        assertThat(page).contains(">not drawn<"); // 2 of the alpha bank's 6 at random (seeds 1 to 4): the candidates differ
    }
}
