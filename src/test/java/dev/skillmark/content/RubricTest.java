package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.RubricLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rubric lines carry points (optionally "award if N of M") that add up; essays may carry a model answer. */
class RubricTest {

    private final ContentLoader loader = new ContentLoader(new Markdown());

    @Test
    void rubric_lines_are_read_with_their_points_and_the_model_answer_is_kept_apart(@TempDir Path dir) {
        var catalog = loader.load(Fixtures.content("content", dir));
        assertThat(catalog.problems()).isEmpty();
        var essay = (AnswerKey.Essay) catalog.question("alpha-essay").orElseThrow().key();
        assertThat(essay.rubric()).containsExactly(
                new RubricLine("RUBRIC-MARKER token bucket or sliding window", 2, Optional.empty(), false),
                new RubricLine("shared state: counters in Redis, atomic updates, a TTL per window", 3,
                        Optional.of(new RubricLine.NOfM(2, 3)), false),
                new RubricLine("Red flag: keeps the counters in one server's memory", 0, Optional.empty(), true));
        assertThat(essay.modelAnswerHtml()).contains("MODEL-ANSWER-MARKER").doesNotContain("EXPLANATION-MARKER");
        assertThat(essay.rubricHtml()).doesNotContain("MODEL-ANSWER-MARKER");
        assertThat(catalog.question("alpha-essay").orElseThrow().explanationHtml()).contains("EXPLANATION-MARKER-essay");
    }

    @Test
    void lint_checks_that_rubric_points_add_up_and_every_line_says_its_points(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/r.md"), """
                ---
                title: Rubrics
                ---

                ## Good {#r-good type=essay points=4}

                Explain.

                Rubric:
                - Names the algorithm (1 point)
                - Covers failure modes: timeouts, retries, idempotency, alerting
                  and back-pressure (3 points, award if 4 of 5)

                Model answer:

                ```ts
                const limit = 10; // > not a quote inside code
                ```

                > Why.

                ## Too few {#r-sum type=essay points=5}

                Explain.

                Rubric:
                - One thing (1 point)
                - Another thing (2 points)

                ## No points {#r-none type=essay points=2}

                Explain.

                Rubric:
                - One thing (2 points)
                - Forgot the points
                - Bad rule (0 points, award if 3 of 2)

                ## A model answer on a choice {#r-choice}

                - [x] a
                - [ ] b

                Model answer:

                a
                """);
        var catalog = loader.load(dir);
        assertThat(catalog.problems()).extracting(Problem::toString).containsExactly(
                "skills/r.md:26: the rubric's points add up to 3 but the question is worth 5 (points=5 in its heading)",
                "skills/r.md:36: this rubric line has no points: end it with (1 point), (2 points) or (2 points, award if 3 of 5); "
                        + "a deduction starts with 'Red flag:'",
                "skills/r.md:37: 'award if 3 of 2' needs 1 <= N <= M and M >= 2",
                "skills/r.md:44: only essay questions have a model answer");
        var good = catalog.question("r-good");
        assertThat(good).isEmpty(); // the file has problems and never loaded cleanly
        var checked = loader.check(dir);
        assertThat(checked.problems()).hasSize(4);
    }

    @Test
    void award_if_n_of_m_and_multi_line_criteria_are_parsed(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/r.md"), """
                ---
                title: Rubrics
                ---

                ## Good {#r-good type=essay points=4}

                Explain.

                Rubric:
                - Names the algorithm (1 point)
                - Covers failure modes: timeouts, retries, idempotency, alerting
                  and back-pressure (3 points; award if 4 of 5)

                Model answer:

                ```ts
                > not a quote inside code
                ```

                > Why.
                """);
        var catalog = loader.load(dir);
        assertThat(catalog.problems()).isEmpty();
        var essay = (AnswerKey.Essay) catalog.question("r-good").orElseThrow().key();
        assertThat(essay.rubric()).extracting(RubricLine::points).containsExactly(1, 3);
        assertThat(essay.rubric().get(1).awardIf()).contains(new RubricLine.NOfM(4, 5));
        assertThat(essay.rubric().get(1).html()).isEqualTo("Covers failure modes: timeouts, retries, idempotency, alerting and back-pressure");
        assertThat(essay.modelAnswerHtml()).contains("&gt; not a quote inside code");
        assertThat(catalog.question("r-good").orElseThrow().explanationHtml()).contains("Why.");
    }
}
