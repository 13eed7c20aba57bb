package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.content.gift.GiftExport;
import dev.skillmark.quiz.AnswerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key of several lines ("what does this print") gets a multi-line field, and is graded line for line. */
public class MultiLineAnswerTest {

    /** A bank of one question whose key has two lines (the browser test types it too). */
    public static final String BANK = """
            ---
            title: Printing
            ---

            ## What does this print? {#print-lines type=short}

            ```ts
            console.log("first");
            console.log("second line");
            ```

            Answer:

            ```text
            first
            second line
            ```

            > One line per call.
            """;

    @TempDir
    Path dir;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_fenced_block_after_answer_is_one_key_of_several_lines_and_mistakes_name_their_line() throws Exception {
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/printing.md"), BANK);
        Files.writeString(dir.resolve("skills/broken.md"), """
                ---
                title: Broken
                ---

                ## Unclosed {#print-unclosed type=short}

                Body.

                Answer:

                ```text
                never closed
                """);
        Files.writeString(dir.resolve("skills/numbers.md"), """
                ---
                title: Numbers
                ---

                ## How many? {#n-block type=numeric}

                Body.

                Answer:

                ```text
                3
                ```
                """);
        var catalog = new ContentLoader(new Markdown()).load(dir);
        var key = (AnswerKey.ShortText) catalog.question("print-lines").orElseThrow().key();
        assertThat(key.keys()).containsExactly("first\nsecond line");
        assertThat(key.lines()).isEqualTo(2);
        assertThat(catalog.question("print-lines").orElseThrow().bodyHtml()).doesNotContain("second line\n</code>")
                .contains("console.log");
        assertThat(catalog.problems()).extracting(Object::toString).anySatisfy(p ->
                assertThat(p).contains("broken.md:11").contains("not closed"));
        assertThat(catalog.problems()).extracting(Object::toString).anySatisfy(p ->
                assertThat(p).contains("numbers.md:9").contains("a numeric key is one number"));
        // GIFT has one-line keys: the lines join with spaces, which grade the same
        var gift = GiftExport.fromBank(catalog.banks().stream().filter(b -> b.id().equals("printing")).findFirst().orElseThrow(),
                BANK);
        assertThat(gift.gift()).contains("=first second line");
    }

    @Test
    void the_candidate_types_the_lines_in_a_multi_line_field_and_it_is_graded_correct() throws Exception {
        app = TestApp.start(dir);
        Files.writeString(dir.resolve("content/skills/printing.md"), BANK);
        app.app.content().reload();
        String id = app.startAttempt("practice-printing", "Ada");
        var page = app.get("/attempts/" + id + "/q/1").body();
        assertThat(page).contains("<textarea").contains("rows=\"3\"").contains("Type every line it prints")
                .doesNotContain("type=\"text\"");
        assertThat(app.autosave(id, 1, "response", "First\r\n  second   line\r\n").status()).isEqualTo(200);
        assertThat(app.get("/attempts/" + id + "/q/1").body()).contains(">First\r\n  second   line\r\n</textarea>");
        var submitted = app.post("/attempts/" + id + "/submit");
        assertThat(submitted.status()).isEqualTo(303);
        var result = app.get(submitted.location()).body();
        assertThat(result).contains("1 of 1 points").contains("100%");
    }
}
