package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import-gift and export-gift commands, as a trainer runs them against a content folder. */
class GiftCommandsTest {

    private static final String CLEAN = "::Partial::Which type makes every property optional?{=Partial ~Required}\n\n"
            + "::Pi::Pi to two decimals?{#3.14:0.005}\n";

    @TempDir
    Path dir;

    private Path content;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void contentFolder() throws IOException {
        content = Files.createDirectories(dir.resolve("content"));
        Files.createDirectories(content.resolve("skills"));
        Files.copy(GiftFixtures.contentFixture().resolve("skills/sample.md"), content.resolve("skills/sample.md"));
    }

    @Test
    void a_clean_gift_file_becomes_a_bank_that_loads_and_the_command_succeeds() throws IOException {
        Path gift = giftFile("clean.gift", CLEAN);

        int exit = GiftCommands.importGift(gift, "node-basics", content, out);

        assertThat(exit).isZero();
        assertThat(printed()).isEqualTo("wrote " + content.resolve("skills/node-basics.md") + ": 2 questions "
                + "imported, 0 skipped\n");
        assertThat(Files.readString(content.resolve("skills/node-basics.md")))
                .startsWith("---\ntitle: \"Node basics\"\nsummary: \"Imported from clean.gift.\"\n---\n")
                .contains("{#node-basics-partial}", "Answer: 3.14 ± 0.005");
    }

    @Test
    void an_existing_bank_is_never_overwritten() throws IOException {
        String before = Files.readString(content.resolve("skills/sample.md"));

        int exit = GiftCommands.importGift(giftFile("clean.gift", CLEAN), "sample", content, out);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("already exists");
        assertThat(Files.readString(content.resolve("skills/sample.md"))).isEqualTo(before);
    }

    @Test
    void skipped_questions_are_printed_as_file_line_message_and_fail_the_command() throws IOException {
        Path gift = giftFile("unsupported.gift", GiftFixtures.gift("unsupported.gift"));

        int exit = GiftCommands.importGift(gift, "fx", content, out);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains(gift + ":3: question skipped: matching questions",
                gift + ":8: question skipped: a missing-word (cloze) question", "1 question imported, 7 skipped");
        assertThat(content.resolve("skills/fx.md")).exists();
    }

    @Test
    void nothing_is_written_when_no_question_can_be_imported() throws IOException {
        int exit = GiftCommands.importGift(giftFile("match.gift", "Match.{=a -> b =c -> d}\n"), "fx", content, out);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).endsWith("no question could be imported: nothing written\n");
        assertThat(content.resolve("skills/fx.md")).doesNotExist();
    }

    @Test
    void what_the_loader_says_about_the_new_bank_is_printed() throws IOException {
        Files.writeString(content.resolve("skills/other.md"), "---\ntitle: Other\n---\n\n## Already here {#fx-dup}\n\n"
                + "- [x] a\n- [ ] b\n");

        int exit = GiftCommands.importGift(giftFile("dup.gift", "::dup::Taken id?{T}\n"), "fx", content, out);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("duplicate question id 'fx-dup'");
    }

    @Test
    void a_bank_name_must_be_a_file_name_skillmark_accepts() throws IOException {
        assertThat(GiftCommands.importGift(giftFile("clean.gift", CLEAN), "Node Basics", content, out)).isEqualTo(1);
        assertThat(printed()).contains("must be lower-case letters, digits and '-'");
    }

    @Test
    void export_prints_gift_with_what_could_not_go_across_as_comments_moodle_ignores() {
        int exit = GiftCommands.exportGift("sample", content, out);

        assertThat(exit).as("a question was left out").isEqualTo(1);
        assertThat(printed()).startsWith("// skills/sample.md:39: the key /-{0,2}\\s*strict\\s*null\\s*checks/i is a "
                + "regular expression, which GIFT cannot state: it is left out\n");
        assertThat(printed()).contains("$CATEGORY: skillmark/sample\n", "::sample-partial::[markdown]");
        GiftExportTest.assertMoodleReadsEveryQuestionWhole(printed());
    }

    @Test
    void export_of_a_bank_that_goes_across_whole_succeeds() throws IOException {
        GiftCommands.importGift(giftFile("clean.gift", CLEAN), "node-basics", content, out);
        printed.reset();

        assertThat(GiftCommands.exportGift("node-basics", content, out)).isZero();
        assertThat(printed()).startsWith("// Skillmark bank 'node-basics': Node basics\n");
    }

    @Test
    void export_of_an_unknown_bank_fails_and_says_so() {
        assertThat(GiftCommands.exportGift("nope", content, out)).isEqualTo(1);
        assertThat(printed()).startsWith("// no bank named 'nope'");
    }

    private Path giftFile(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
