package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import dev.skillmark.content.Problem;
import dev.skillmark.quiz.Bank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bank with every Skillmark question type, exported as GIFT from its markdown source. */
class GiftExportTest {

    private static Bank bank;
    private static String source;
    private static GiftExport.Result result;

    @BeforeAll
    static void exportSample() throws IOException {
        var catalog = new ContentLoader(new Markdown()).load(GiftFixtures.contentFixture());
        assertThat(catalog.problems()).isEmpty();
        bank = GiftFixtures.bank(catalog, "sample");
        source = Files.readString(GiftFixtures.contentFixture().resolve(bank.source().file()));
        result = GiftExport.fromBank(bank, source);
    }

    @Test
    void the_category_is_set_once_and_each_question_has_its_id_as_comment_and_title() {
        assertThat(result.gift()).startsWith("// Skillmark bank 'sample': Sample\n$CATEGORY: skillmark/sample\n\n");
        assertThat(result.gift().split("\\$CATEGORY", -1)).hasSize(2);
        assertThat(result.gift()).contains("// sample-partial {difficulty=easy tags=utility-types}\n"
                + "::sample-partial::[markdown]Which utility type makes every property of `T` optional?{\n");
    }

    @Test
    void single_choice_marks_the_right_option_with_equals_and_explains_in_general_feedback() {
        assertThat(result.gift()).contains("{\n\t~`Required<T>`\n\t=`Partial<T>`\n\t~`Readonly<T>`\n"
                + "\t####`Partial<T>` maps each property to optional.\n}\n");
    }

    @Test
    void multiple_choice_weights_follow_skillmark_partial_credit() {
        assertThat(result.gift()).contains("\t~%50%`PUT`\n\t~%50%`DELETE`\n\t~%-50%`POST`\n\t~%-50%`PATCH`\n");
        assertThat(result.gift()).contains("\t~%33.33333%`string`\n\t~%33.33333%`number`\n\t~%33.33333%`boolean`\n"
                + "\t~%-33.33333%`Date`\n");
    }

    @Test
    void code_and_gift_characters_are_escaped_and_line_breaks_written_as_backslash_n() {
        assertThat(result.gift()).contains("::sample-enum::[markdown]What does this print?\\n\\n```ts\\n"
                + "enum Color \\{ Red, Green \\= 5, Blue \\}\\nconsole.log(Color.Blue);\\n```{\n\t=6\n"
                + "\t####`Green` is 5, so `Blue` is 6. GIFT characters\\: a \\~ tilde, an \\= sign, a \\# hash and "
                + "a\\: colon.\n}\n");
        assertThat(result.gift()).contains("// sample-enum {verify=output}\n");
    }

    @Test
    void short_answer_keys_are_exported_and_regular_expressions_left_out_and_reported() {
        assertThat(result.gift()).contains("{\n\t=strictNullChecks\n\t=--strictNullChecks\n}\n");
        assertThat(result.gift()).doesNotContain("sample-regex-only", "colou");
        assertThat(result.problems()).extracting(Problem::toString).contains(
                "skills/sample.md:39: the key /-{0,2}\\s*strict\\s*null\\s*checks/i is a regular expression, which "
                        + "GIFT cannot state: it is left out",
                "skills/sample.md:43: question skipped: no key can be stated in GIFT");
    }

    @Test
    void numeric_answers_keep_tolerance_and_range() {
        assertThat(result.gift()).contains("in percent?{#\n\t=99.8:0.01\n}\n", "380 to 480.{#\n\t=380..480\n}\n");
    }

    @Test
    void an_essay_has_empty_braces_with_its_explanation_and_its_rubric_is_reported_not_leaked() {
        assertThat(result.gift()).contains("// sample-essay {points=5}\n::sample-essay::[markdown]Design a rate limiter "
                + "for a public API\\n\\nDescribe the algorithm and where the counters live.{####A good answer names "
                + "token bucket or sliding window.}\n");
        assertThat(result.gift()).doesNotContain("concrete algorithm");
        assertThat(result.problems()).extracting(Problem::toString).contains(
                "skills/sample.md:55: the rubric is for interviewers and GIFT has no place for it: it is left out");
    }

    @Test
    void true_and_false_options_are_written_as_a_true_false_question() {
        assertThat(result.gift()).contains("::sample-true::[markdown]`typeof null` is `\"object\"`.{TRUE}\n");
    }

    @Test
    void a_prompt_that_would_start_a_list_is_escaped_and_a_multi_line_option_kept() {
        assertThat(result.gift()).contains("::sample-list-prompt::[markdown]1\\\\. Which option is a list marker in "
                + "disguise?\\n\\nOptions may span lines\\:{\n\t=The first\\noption\n\t~The second\n}\n");
    }

    @Test
    void the_counts_say_what_went_across() {
        assertThat(result.exported()).isEqualTo(10);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.problems()).hasSize(4);
    }

    @Test
    void every_question_reads_whole_by_moodle_rules() {
        assertMoodleReadsEveryQuestionWhole(result.gift());
    }

    @Test
    void source_text_that_changed_since_loading_is_not_exported_as_if_it_were_the_bank() {
        var edited = GiftExport.fromBank(bank, source.replace("- [ ] `Readonly<T>`", "- [ ] `Readonly<T>` (edited)"));

        assertThat(edited.gift()).doesNotContain("sample-partial");
        assertThat(edited.problems()).extracting(Problem::toString).contains("skills/sample.md:6: question skipped: "
                + "the file no longer holds the text this question was loaded from; reload and export again");
        assertThat(edited.skipped()).isEqualTo(2);
    }

    @Test
    void text_moodle_would_misread_is_protected_or_left_out_and_reported(@TempDir Path content) {
        var markdown = "---\ntitle: Edge\n---\n\n## Arrow key {#e-arrow type=short}\n\nAnswer: a->b | ok\n\n"
                + "## Tagged option {#e-tag}\n\n- [x] [html] is a format tag\n- [ ] other\n\n> [plain] too\n";
        var edge = GiftFixtures.bank(GiftFixtures.load(content, "e", markdown), "e");

        var exported = GiftExport.fromBank(edge, markdown);

        assertThat(exported.gift()).contains("{\n\t=ok\n}\n", "\t=[markdown][html] is a format tag\n",
                "\t####[markdown][plain] too\n");
        assertThat(exported.problems()).extracting(Problem::toString).containsExactly("skills/e.md:5: the key a->b "
                + "contains '->', which Moodle reads as a matching question: it is left out");
        var again = GiftImport.toMarkdown(exported.gift(), "e.gift", "e", "Edge");
        assertThat(again.markdown()).contains("- [x] [html] is a format tag", "> [plain] too", "Answer: ok\n");
    }

    /**
     * Moodle splits at blank lines, trims lines, drops {@code //} lines, then takes the first unescaped
     * "{" and "}" as the answer block: each question must be one such block with its braces at the end.
     */
    static void assertMoodleReadsEveryQuestionWhole(String gift) {
        var blocks = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        for (String line : (gift + "\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(List.copyOf(current));
                }
                current.clear();
            } else if (!line.strip().startsWith("//")) {
                current.add(line.strip());
            }
        }
        for (var block : blocks) {
            String hidden = GiftText.hide(String.join("\n", block));
            if (hidden.startsWith("$CATEGORY:")) {
                assertThat(block).as("a category stands alone").hasSize(1);
                continue;
            }
            assertThat(hidden).as(hidden).startsWith("::").endsWith("}");
            assertThat(hidden.chars().filter(c -> c == '{').count()).as(hidden).isEqualTo(1);
            assertThat(hidden.chars().filter(c -> c == '}').count()).as(hidden).isEqualTo(1);
        }
    }
}
