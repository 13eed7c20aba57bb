package dev.skillmark.content.gift;

import static dev.skillmark.content.gift.GiftFixtures.keys;
import static dev.skillmark.content.gift.GiftFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skillmark.content.Problem;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Question;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GIFT file with every kind of question Skillmark can take, imported and loaded by the real loader. */
class GiftImportTest {

    private static final String FILE = "every-type.gift";

    @TempDir
    Path content;

    private GiftImport.Result result;
    private Bank bank;

    @BeforeEach
    void importEveryType() {
        result = GiftImport.toMarkdown(GiftFixtures.gift(FILE), FILE, "fx", "Fixture");
        var catalog = GiftFixtures.load(content, "fx", result.markdown());
        assertThat(catalog.problems()).as("the written bank lints clean").isEmpty();
        bank = GiftFixtures.bank(catalog, "fx");
    }

    @Test
    void every_question_is_imported_in_order_with_ids_from_the_titles() {
        assertThat(result.imported()).isEqualTo(17);
        assertThat(result.skipped()).isZero();
        assertThat(GiftFixtures.ids(bank)).containsExactly("fx-partial-type", "fx-idempotent-methods",
                "fx-lenient-weights", "fx-null-type", "fx-grant-is-buried-in-grant-s-tomb", "fx-grant", "fx-wildcard",
                "fx-pi", "fx-range", "fx-exact", "fx-grant-born", "fx-rate-limiter", "fx-escapes", "fx-code-braces",
                "fx-multi-line", "fx-html", "fx-plain");
        assertThat(bank.title()).isEqualTo("Fixture");
    }

    @Test
    void what_cannot_be_expressed_exactly_is_imported_and_reported_at_its_gift_line() {
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "every-type.gift:22: weights 50%, 50%, 0%, -100% cannot be expressed exactly: Skillmark gives each of "
                        + "the 2 correct options 50% and takes 50% for each wrong option ticked; imported with the "
                        + "positively weighted answers as the correct options",
                "every-type.gift:41: a Skillmark numeric question has one answer worth full marks: of 1822 (100%), "
                        + "1822 ± 2 (50%) only 1822 is kept, for full marks",
                "every-type.gift:66: HTML formatting was dropped: the text is imported as plain text");
    }

    @Test
    void single_choice_keeps_the_right_answer_and_says_which_option_each_feedback_is_for() {
        var q = question("fx-partial-type");
        assertThat(q.key().typeName()).isEqualTo("single");
        assertThat(q.promptHtml()).isEqualTo("Which utility type makes every property of `T` optional?");
        assertThat(options(q)).containsExactly("[ ] Required&lt;T&gt;", "[x] Partial&lt;T&gt;", "[ ] Readonly&lt;T&gt;");
        assertThat(q.explanationHtml()).contains("“Required&lt;T&gt;”: Does the opposite.", "“Partial&lt;T&gt;”: Right.");
    }

    @Test
    void weights_matching_skillmark_partial_credit_become_multiple_choice_with_the_general_feedback() {
        var q = question("fx-idempotent-methods");
        assertThat(q.key().typeName()).isEqualTo("multiple");
        assertThat(options(q)).containsExactly("[x] PUT", "[x] DELETE", "[ ] POST", "[ ] PATCH");
        assertThat(q.explanationHtml()).isEqualTo("<p>RFC 9110 defines PUT and DELETE as idempotent.</p>\n");
        assertThat(options(question("fx-lenient-weights"))).containsExactly("[x] 2", "[x] 3", "[ ] 4", "[ ] 9");
    }

    @Test
    void true_false_becomes_single_choice_between_true_and_false() {
        var q = question("fx-null-type");
        assertThat(options(q)).containsExactly("[x] True", "[ ] False");
        // for {TRUE} the first feedback is shown to whoever answers False
        assertThat(q.explanationHtml()).contains("“True”: Yes: a historical quirk.", "“False”: It is true, though surprising.");
        assertThat(options(question("fx-grant-is-buried-in-grant-s-tomb"))).containsExactly("[ ] True", "[x] False");
    }

    @Test
    void short_answer_keys_become_answer_keys_and_a_moodle_wildcard_a_regular_expression() {
        var grant = question("fx-grant");
        assertThat(grant.key().typeName()).isEqualTo("short");
        assertThat(keys(grant)).containsExactly("no one", "nobody");
        assertThat(grant.explanationHtml()).contains("“Grant”: He is entombed, not buried.");
        assertThat(keys(question("fx-wildcard"))).containsExactly("nvm", "/.*fnm.*/i");
    }

    @Test
    void numerical_answers_keep_their_tolerance_or_range() {
        assertNumeric("fx-pi", 3.135, 3.145, "3.14 ± 0.005");
        assertNumeric("fx-range", 10, 20, "10..20");
        assertNumeric("fx-exact", 8, 8, "8");
        assertNumeric("fx-grant-born", 1822, 1822, "1822");
        assertThat(question("fx-grant-born").explanationHtml()).contains("“1822 ± 2”: Close.");
    }

    @Test
    void an_empty_answer_is_an_essay_with_markdown_kept_and_the_general_feedback_as_explanation() {
        var q = question("fx-rate-limiter");
        assertThat(q.key()).isInstanceOf(AnswerKey.Essay.class);
        assertThat(q.promptHtml()).isEqualTo("Design a rate limiter for a public API.");
        assertThat(q.bodyHtml()).isEqualTo("<p>Describe the <strong>algorithm</strong>.</p>\n");
        assertThat(q.explanationHtml()).isEqualTo("<p>Token bucket or sliding window.</p>\n");
    }

    @Test
    void escaped_gift_characters_and_line_breaks_arrive_as_plain_characters() {
        var q = question("fx-escapes");
        assertThat(q.promptHtml()).isEqualTo("1 + 1 = 2, a~b, C#, a: b and { } are written with a backslash. Is that so?");
        assertThat(keys(q)).containsExactly("yes");
    }

    @Test
    void code_with_escaped_braces_survives_in_the_body_and_the_options() {
        var q = question("fx-code-braces");
        assertThat(q.promptHtml()).isEqualTo("What does this print?");
        assertThat(q.bodyHtml()).isEqualTo("<pre tabindex=\"0\"><code class=\"language-ts\">const o = { a: 1 };\n"
                + "console.log(JSON.stringify(o));\n</code></pre>\n");
        assertThat(options(q)).containsExactly("[x] <code>{&quot;a&quot;:1}</code>", "[ ] <code>{a:1}</code>",
                "[ ] <code>undefined</code>");
    }

    @Test
    void a_question_written_over_several_lines_is_one_prompt() {
        var q = question("fx-multi-line");
        assertThat(q.promptHtml()).isEqualTo("What does HTTP status 404 mean in a REST API?");
        assertThat(options(q)).containsExactly("[x] Not Found", "[ ] Forbidden");
    }

    @Test
    void html_is_kept_as_its_text_and_plain_text_is_never_read_as_markdown() {
        var html = question("fx-html");
        assertThat(html.promptHtml()).isEqualTo("Which tag makes text bold?");
        assertThat(options(html)).containsExactly("[x] &lt;b&gt;", "[ ] &lt;i&gt;");
        assertThat(question("fx-plain").promptHtml()).isEqualTo("Is *this* emphasised?");
        // Moodle's default format does not read markdown either: the backticks are characters
        assertThat(question("fx-partial-type").promptHtml()).contains("`T`");
    }

    @Test
    void the_last_level_of_each_category_becomes_a_tag() {
        assertThat(question("fx-partial-type").tags()).containsExactly("type-system");
        assertThat(question("fx-grant-is-buried-in-grant-s-tomb").tags()).containsExactly("type-system");
        assertThat(question("fx-grant").tags()).containsExactly("short-answers");
        assertThat(question("fx-plain").tags()).containsExactly("short-answers");
    }

    @Test
    void ids_stay_unique_when_titles_repeat() {
        var twice = GiftImport.toMarkdown("::Same::A?{T}\n\n::Same::B?{F}\n\nC?{T}\n", "t.gift", "fx", "Fixture");
        assertThat(twice.markdown()).contains("{#fx-same}", "{#fx-same-2}", "{#fx-c}");
    }

    @Test
    void a_code_block_left_open_is_closed_so_it_cannot_swallow_the_answer() {
        var open = GiftImport.toMarkdown("::Open::[markdown]Which?\\n\\n```ts\\nlet a \\= 1;{=a ~b}\n", "o.gift", "fx", "Fx");
        var loaded = GiftFixtures.load(content, "fx", open.markdown());

        assertThat(loaded.problems()).isEmpty();
        assertThat(GiftFixtures.question(GiftFixtures.bank(loaded, "fx"), "fx-open").bodyHtml())
                .isEqualTo("<pre tabindex=\"0\"><code class=\"language-ts\">let a = 1;\n</code></pre>\n");
    }

    @Test
    void a_question_without_a_plain_paragraph_takes_its_title_as_prompt() {
        var noProse = GiftImport.toMarkdown("::Read the code::[markdown]```js\\nf()\\n```{=a ~b}\n", "n.gift", "fx", "Fx");

        assertThat(noProse.markdown()).contains("## Read the code {#fx-read-the-code}\n\n```js\nf()\n```\n");
    }

    private Question question(String id) {
        return GiftFixtures.question(bank, id);
    }

    private void assertNumeric(String id, double min, double max, String display) {
        var numeric = (AnswerKey.Numeric) question(id).key();
        assertThat(numeric.display()).isEqualTo(display);
        assertThat(numeric.min()).isCloseTo(min, within(1e-9));
        assertThat(numeric.max()).isCloseTo(max, within(1e-9));
    }
}
