package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.Quiz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint and /content warn when an invitation quiz can draw a question that a public quiz shows with its key. */
class ExposureTest {

    @TempDir
    Path dir;

    @Test
    void lint_warns_naming_both_files_and_lines_and_the_public_tag_removes_the_overlap() throws IOException {
        var content = Fixtures.content("content", dir.resolve("content"));
        Files.writeString(content.resolve("quizzes/interview.md"), """
            ---
            title: Interview only
            draw:
              - bank: alpha
                count: 2
            ---
            """);
        Files.writeString(content.resolve("quizzes/public-review.md"), """
            ---
            title: Public with answers
            access: public
            review: answers
            draw:
              - ids: [alpha-partial]
            ---
            """);
        String out = lint(content);
        assertThat(out).contains(content.resolve("quizzes/interview.md") + ":4: warning: invitation quiz 'interview' can draw")
                .contains("public practice of 'Alpha skills' (skills/alpha.md:1)")
                .contains("public quiz 'public-review' (quizzes/public-review.md:6)");
        // the bank's practice pool: questions tagged public; invitation quizzes never draw them
        Path bank = content.resolve("skills/alpha.md");
        Files.writeString(bank, Files.readString(bank).replace("{#alpha-partial difficulty=easy tags=types}",
                "{#alpha-partial difficulty=easy tags=types,public}"));
        String after = lint(content);
        assertThat(after).doesNotContain("public practice of 'Alpha skills'").contains("0 problems");
        // review: answers on a public quiz showing only the public pool is fine too
        assertThat(after).doesNotContain("public-review");
        var catalog = new ContentLoader(new Markdown()).load(content);
        var interview = catalog.quiz("interview").orElseThrow();
        assertThat(interview.access()).isEqualTo(Quiz.Access.INVITED);
        for (long seed = 0; seed < 200; seed++) {
            assertThat(catalog.draw(interview, seed)).noneMatch(d -> d.question().id().equals("alpha-partial"));
        }
        assertThat(catalog.draw(catalog.quiz("practice-alpha").orElseThrow(), 1))
                .extracting(d -> d.question().id()).containsExactly("alpha-partial");
    }

    @Test
    void access_defaults_to_invited_for_exams_and_public_for_practice_and_is_checked() throws IOException {
        var content = Fixtures.content("content", dir.resolve("content"));
        Files.writeString(content.resolve("quizzes/drill.md"), "---\ntitle: Drill\nmode: practice\ndraw:\n  - bank: alpha\n---\n");
        Files.writeString(content.resolve("quizzes/bad.md"), "---\ntitle: Bad\naccess: everyone\ndraw:\n  - bank: alpha\n---\n");
        var catalog = new ContentLoader(new Markdown()).load(content);
        assertThat(catalog.quiz("drill").orElseThrow().access()).isEqualTo(Quiz.Access.PUBLIC);
        assertThat(catalog.quiz("timed").orElseThrow().access()).isEqualTo(Quiz.Access.PUBLIC); // says so
        assertThat(catalog.problems()).extracting(Problem::toString).anyMatch(p -> p.equals(
                "quizzes/bad.md:3: unknown access 'everyone' (known: invited, public)"));
    }

    private static String lint(Path content) {
        var bytes = new ByteArrayOutputStream();
        Lint.run(content, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
