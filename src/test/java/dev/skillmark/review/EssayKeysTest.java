package dev.skillmark.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import dev.skillmark.attempt.EssayKeys;
import dev.skillmark.quiz.RubricLine;
import dev.skillmark.web.Role;
import org.junit.jupiter.api.Test;

/** Rubric lines with points and the model answer are frozen with the attempt and shown to interviewers only. */
class EssayKeysTest extends AppTest {

    @Test
    void the_model_answer_is_for_interviewers_and_the_rubric_lines_are_snapshotted() throws Exception {
        String attempt;
        try (var candidate = new HttpSession(app.app.port())) {
            attempt = candidate.startAttempt("timed", "Ada");
            candidate.post("/attempts/" + attempt + "/q/6", "revision", "0", "page", "tab-1", "response", "Redis buckets", "action", "review");
            candidate.post("/attempts/" + attempt + "/submit");
            var result = candidate.get("/attempts/" + attempt + "/result").body();
            assertThat(result).contains("EXPLANATION-MARKER-essay").doesNotContain("MODEL-ANSWER-MARKER");
            assertThat(candidate.get("/attempts/" + attempt + "/q/6").body()).doesNotContain("MODEL-ANSWER-MARKER");
        }
        // an edit after the start changes nothing the attempt holds
        var bank = app.dir.resolve("content/skills/alpha.md");
        java.nio.file.Files.writeString(bank, java.nio.file.Files.readString(bank).replace("MODEL-ANSWER-MARKER", "CHANGED"));
        app.app.content().reload();

        var keys = new EssayKeys(app.app.jdbi()).of(attempt);
        assertThat(keys).containsOnlyKeys(6);
        assertThat(keys.get(6).rubric()).extracting(RubricLine::points).containsExactly(2, 3, 0);
        assertThat(keys.get(6).rubricPoints()).isEqualTo(5);
        assertThat(keys.get(6).modelAnswerHtml()).contains("MODEL-ANSWER-MARKER");

        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review/attempts/" + attempt).body()).contains("Model answer").contains("MODEL-ANSWER-MARKER");
    }
}
