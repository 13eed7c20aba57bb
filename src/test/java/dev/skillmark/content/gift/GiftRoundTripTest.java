package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import, export and import again: the questions come back the same, apart from what was reported. */
class GiftRoundTripTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void a_gift_file_imported_exported_and_imported_again_gives_the_same_questions() {
        var imported = GiftImport.toMarkdown(GiftFixtures.gift("every-type.gift"), "every-type.gift", "fx", "Fixture");
        var bank = GiftFixtures.bank(GiftFixtures.load(first, "fx", imported.markdown()), "fx");

        var exported = GiftExport.fromBank(bank, imported.markdown());
        var again = GiftImport.toMarkdown(exported.gift(), "fx.gift", "fx", "Fixture");
        var back = GiftFixtures.bank(GiftFixtures.load(second, "fx", again.markdown()), "fx");

        assertThat(exported.problems()).isEmpty();
        assertThat(again.problems()).isEmpty();
        assertThat(GiftFixtures.ids(back)).isEqualTo(GiftFixtures.ids(bank));
        assertSameQuestions(back.questions(), bank.questions());
    }

    @Test
    void the_shipped_typescript_bank_goes_to_gift_and_back_with_only_the_reported_losses() throws IOException {
        Path content = Fixtures.projectDir().resolve("content");
        var catalog = new ContentLoader(new Markdown()).load(content);
        var original = GiftFixtures.bank(catalog, "typescript");
        String source = Files.readString(content.resolve(original.source().file()));

        var exported = GiftExport.fromBank(original, source);
        GiftExportTest.assertMoodleReadsEveryQuestionWhole(exported.gift());
        var imported = GiftImport.toMarkdown(exported.gift(), "typescript.gift", "typescript-copy", "TypeScript");
        var copy = GiftFixtures.bank(GiftFixtures.load(first, "typescript-copy", imported.markdown()), "typescript-copy");

        assertThat(imported.problems()).isEmpty();
        assertThat(copy.questions()).hasSize(original.questions().size() - exported.skipped());
        // what was lost is exactly what the export reported: one regular-expression key, two rubrics
        assertThat(exported.problems()).extracting(p -> p.message().replaceFirst(":.*", ""))
                .containsExactly("the key /-{0,2}\\s*strict\\s*null\\s*checks/i is a regular expression, which GIFT cannot state",
                        "the rubric is for interviewers and GIFT has no place for it",
                        "the rubric is for interviewers and GIFT has no place for it");
        var byId = new HashMap<String, Question>();
        original.questions().forEach(q -> byId.put("typescript-copy-" + q.id(), q));
        for (Question q : copy.questions()) {
            var o = byId.get(q.id());
            assertThat(o).as(q.id()).isNotNull();
            assertSameText(q, o);
            assertThat(q.key().typeName()).as(q.id()).isEqualTo(o.key().typeName());
            if (o.key() instanceof AnswerKey.ShortText keys) {
                var kept = keys.keys().stream().filter(k -> !k.matches("/.+/i?")).toList();
                assertThat(GiftFixtures.keys(q)).as(q.id()).isEqualTo(kept);
            } else if (!(o.key() instanceof AnswerKey.Essay)) {
                assertThat(q.key()).as(q.id()).isEqualTo(o.key());
            }
        }
    }

    private static void assertSameQuestions(List<Question> actual, List<Question> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            var q = actual.get(i);
            var o = expected.get(i);
            assertSameText(q, o);
            assertThat(q.key()).as(o.id()).isEqualTo(o.key());
        }
    }

    /** Same rendered texts and attributes; the HTML is what candidates see, so it is what must match. */
    private static void assertSameText(Question q, Question o) {
        assertThat(q.promptHtml()).as(o.id()).isEqualTo(o.promptHtml());
        assertThat(q.bodyHtml()).as(o.id()).isEqualTo(o.bodyHtml());
        assertThat(q.explanationHtml()).as(o.id()).isEqualTo(o.explanationHtml());
        assertThat(List.of(q.difficulty(), q.points(), q.tags(), q.verifyOutput())).as(o.id())
                .isEqualTo(List.of(o.difficulty(), o.points(), o.tags(), o.verifyOutput()));
    }

}
