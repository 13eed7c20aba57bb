package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.content.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Skillmark cannot take is reported at the GIFT line it starts on and left out, never dropped quietly. */
class GiftUnsupportedTest {

    private static final String FILE = "unsupported.gift";

    @TempDir
    Path content;

    @Test
    void matching_cloze_descriptions_and_broken_questions_are_reported_at_their_first_line() {
        var result = GiftImport.toMarkdown(GiftFixtures.gift(FILE), FILE, "fx", "Fixture");

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "unsupported.gift:3: question skipped: matching questions (=item -> match) have no Skillmark equivalent",
                "unsupported.gift:8: question skipped: a missing-word (cloze) question, with text after the answer "
                        + "braces, has no Skillmark equivalent",
                "unsupported.gift:10: question skipped: a description (text without an answer in braces) has no "
                        + "Skillmark equivalent",
                "unsupported.gift:12: question skipped: unbalanced braces: write a literal brace as \\{ or \\}",
                "unsupported.gift:18: question skipped: a question directly below $CATEGORY is read as part of the "
                        + "category name: put a blank line between them",
                "unsupported.gift:20: question skipped: no answer has a positive weight, so no option would be correct",
                "unsupported.gift:22: the key 'half' earns 50% in GIFT; Skillmark short answers have no partial "
                        + "credit, so it is left out",
                "unsupported.gift:22: question skipped: a short answer needs at least one key worth full marks");
        assertThat(result.skipped()).isEqualTo(7);
        assertThat(result.imported()).isEqualTo(1);
    }

    @Test
    void the_question_between_unsupported_ones_still_loads() {
        var result = GiftImport.toMarkdown(GiftFixtures.gift(FILE), FILE, "fx", "Fixture");
        var catalog = GiftFixtures.load(content, "fx", result.markdown());

        assertThat(catalog.problems()).isEmpty();
        assertThat(GiftFixtures.ids(GiftFixtures.bank(catalog, "fx"))).containsExactly("fx-fine");
    }

    @Test
    void an_answer_line_in_a_later_line_of_a_question_is_reported_there() {
        var gift = "// weights on their own lines\n::W::Pick.{\n  =a\n  ~b\n  ~%50%c\n}\n";
        var result = GiftImport.toMarkdown(gift, "w.gift", "fx", "Fixture");

        assertThat(result.problems()).extracting(Problem::line).containsExactly(2);
        assertThat(result.problems().get(0).message()).startsWith("weights 100%, 0%, 50% cannot be expressed exactly");
    }

    @Test
    void a_file_with_only_comments_says_so() {
        var result = GiftImport.toMarkdown("// nothing here\n", "empty.gift", "fx", "Fixture");

        assertThat(result.problems()).extracting(Problem::toString)
                .containsExactly("empty.gift:1: the file holds no GIFT questions");
        assertThat(result.imported()).isZero();
    }
}
