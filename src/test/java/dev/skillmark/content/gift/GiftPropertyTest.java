package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a GIFT question holds, the import never fails, the bank it writes loads clean, and exporting
 * that bank reads back whole. Generated questions mix GIFT syntax, escapes and markdown that the bank
 * format would misread if written carelessly; the seed is fixed so a failure always comes back.
 */
class GiftPropertyTest {

    private static final String[] TEXT = {"\\{", "\\}", "\\~", "\\=", "\\#", "\\:", "\\\\", "\\n", "\\n\\n", " ", "a",
        "b c", "Q?", "->", "T", "[markdown]", "[html]", "[plain]", "<b>x</b>", "&lt;", "1. ", "- [x] ", "Answer: ",
        "Rubric:", "## ", "```", "```ts", "> ", "*", "3.14", "`x`", " | ", "/r/i", "_", "\\nAnswer: x", "\\n- [ ] y",
        "\\n## h", "\\n> q", "<T>", "\\n    code", "\\n1. item"};
    private static final String[] ANSWERS = {"~", "=", "~%50%", "~%-50%", "=%50%", "~%33.33333%", "#", "a", "b",
        "3.14:0.1", "10..20", "5", "*", "x*y", "\\*", " ", "\n", "T", "F", "TRUE", "####", "#fb", "[markdown]", "`c`",
        "\\{", "\\}", "\\n", "->"};

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void any_question_imports_to_a_bank_that_loads_and_exports_back_whole() {
        var random = new Random(20240611L);
        for (int n = 0; n < 1500; n++) {
            String gift = question(random);
            var imported = GiftImport.toMarkdown(gift, "g.gift", "g", "Generated");
            if (imported.imported() == 0) {
                continue;
            }
            var catalog = GiftFixtures.load(first, "g", imported.markdown());
            assertThat(catalog.problems()).as(gift).isEmpty();
            var bank = GiftFixtures.bank(catalog, "g");
            assertThat(bank.questions()).as(gift).hasSize(imported.imported());

            var exported = GiftExport.fromBank(bank, imported.markdown());
            if (exported.exported() > 0) {
                var again = GiftImport.toMarkdown(exported.gift(), "e.gift", "g", "Generated");
                assertThat(again.problems()).as(exported.gift()).isEmpty();
                assertThat(again.imported()).as(exported.gift()).isEqualTo(exported.exported());
                assertThat(GiftFixtures.load(second, "g", again.markdown()).problems()).as(again.markdown()).isEmpty();
            }
        }
    }

    private static String question(Random random) {
        var gift = new StringBuilder();
        if (random.nextBoolean()) {
            gift.append("// a comment\n");
        }
        if (random.nextBoolean()) {
            gift.append("::T").append(random.nextInt(5)).append("::");
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            gift.append(TEXT[random.nextInt(TEXT.length)]);
        }
        gift.append(random.nextInt(4) == 0 ? "{#" : "{");
        for (int i = random.nextInt(8); i > 0; i--) {
            gift.append(ANSWERS[random.nextInt(ANSWERS.length)]);
        }
        return gift.append("}\n").toString();
    }
}
