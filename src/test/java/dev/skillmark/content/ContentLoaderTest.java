package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.quiz.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    private final ContentLoader loader = new ContentLoader(new Markdown());

    @Test
    void a_clean_bank_loads_every_question_type_with_its_attributes(@TempDir Path dir) {
        var catalog = loader.load(Fixtures.content("content", dir));

        assertThat(catalog.problems()).isEmpty();
        var bank = catalog.bank("alpha").orElseThrow();
        assertThat(bank.title()).isEqualTo("Alpha skills");
        assertThat(bank.questions()).extracting(q -> q.key().typeName())
                .containsExactly("single", "multiple", "short", "numeric", "numeric", "essay");
        var partial = catalog.question("alpha-partial").orElseThrow();
        assertThat(partial.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(partial.tags()).containsExactly("types");
        assertThat(partial.source().toString()).isEqualTo("skills/alpha.md:6");
        assertThat(catalog.question("alpha-idempotent").orElseThrow().points()).isEqualTo(2);
        var pi = (AnswerKey.Numeric) catalog.question("alpha-pi").orElseThrow().key();
        assertThat(pi.min()).isCloseTo(3.135, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pi.max()).isCloseTo(3.145, org.assertj.core.data.Offset.offset(1e-9));
        var essay = (AnswerKey.Essay) catalog.question("alpha-essay").orElseThrow().key();
        assertThat(essay.rubricHtml()).contains("RUBRIC-MARKER").contains("<li>");
    }

    @Test
    void braces_generics_and_angle_brackets_render_verbatim(@TempDir Path dir) {
        var catalog = loader.load(Fixtures.content("content", dir));

        var partial = catalog.question("alpha-partial").orElseThrow();
        assertThat(partial.promptHtml()).isEqualTo("Which utility type makes every property of <code>T</code> optional?");
        assertThat(((AnswerKey.Choice) partial.key()).options().get(1).html()).isEqualTo("<code>Partial&lt;T&gt;</code>");
        var body = catalog.question("alpha-enum").orElseThrow().bodyHtml();
        assertThat(body).contains("<code class=\"language-ts\">")
                .contains("enum Color { Red, Green = 5, Blue }")
                .contains("Record&lt;string, { a: number }&gt; = { x: { a: 1 } };")
                .contains("function id&lt;T extends { length: number }&gt;(value: T): T { return value; }");
        assertThat(catalog.quiz("timed").orElseThrow().instructionsHtml())
                .contains("<code>Record&lt;string, {a: number}&gt;</code>");
    }

    @Test
    void quizzes_read_their_settings_and_draw_rules(@TempDir Path dir) {
        var catalog = loader.load(Fixtures.content("content", dir));

        var quiz = catalog.quiz("score-only").orElseThrow();
        assertThat(quiz.timeLimit()).contains(Duration.ofMinutes(5));
        assertThat(quiz.review()).isEqualTo(Quiz.Review.SCORE);
        assertThat(quiz.mode()).isEqualTo(Quiz.Mode.EXAM);
        assertThat(quiz.passMark()).isEqualTo(60);
        var rule = (DrawRule.FromBank) quiz.rules().get(0);
        assertThat(rule.count()).hasValue(3);
        assertThat(rule.difficulties()).containsExactlyInAnyOrder(Difficulty.EASY, Difficulty.MEDIUM);
        assertThat(quiz.rules().get(1)).isEqualTo(
                new DrawRule.Fixed(List.of("alpha-essay"), new Source("quizzes/score-only.md", 9)));
        assertThat(catalog.offer("score-only").orElseThrow().questionCount()).isEqualTo(4);
        var practice = catalog.quiz("practice-alpha").orElseThrow();
        assertThat(practice.mode()).isEqualTo(Quiz.Mode.PRACTICE);
        assertThat(practice.timeLimit()).isEmpty();
        assertThat(catalog.offer("practice-alpha").orElseThrow().practiceOfBank()).isTrue();
    }

    @Test
    void every_problem_is_reported_at_once_with_file_and_line_and_the_rest_keeps_working(@TempDir Path dir) {
        var catalog = loader.load(Fixtures.content("broken", dir));

        assertThat(catalog.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "quizzes/missing.md:4: no bank named 'nosuchbank' (banks are the file names in skills/)",
                "quizzes/missing.md:6: the rule asks for 5 questions from 'good' but only 1 match",
                "quizzes/missing.md:8: no question with id 'no-such-id' in a bank that loaded cleanly",
                "skills/bad.md:5: the heading has no {#id ...}: every question needs a stable id",
                "skills/bad.md:12: no option is marked correct: mark one with - [x]",
                "skills/bad.md:17: a single-choice question has 2 correct options; a single-choice question has "
                        + "exactly one (write type=multiple for checkboxes)",
                "skills/bad.md:20: unknown attribute 'colour' (known: difficulty, points, tags, type, verify)",
                "skills/bad.md:20: unknown type 'poem' (known: single, multiple, short, numeric, essay)",
                "skills/bad.md:24: duplicate question id 'good-one', first used at skills/good.md:5",
                "skills/empty.md:1: the file is empty",
                "skills/front.md:2: front matter is not valid YAML: expected ',' or ']', but got <stream end>");
        assertThat(catalog.bank("good")).isPresent();
        assertThat(catalog.bank("bad")).isEmpty();
        assertThat(catalog.quiz("fine")).isPresent();
        assertThat(catalog.quiz("fine").orElseThrow().timeLimit()).contains(Duration.ofSeconds(90));
        assertThat(catalog.quiz("missing")).isEmpty();
    }

    @Test
    void a_quiz_says_form_fixed_to_give_every_candidate_the_same_questions_and_a_typo_is_a_problem_at_its_line(@TempDir Path dir)
            throws Exception {
        Fixtures.content("content", dir);
        Files.writeString(dir.resolve("quizzes/panel.md"), """
                ---
                title: Panel
                form: fixed
                draw:
                  - bank: alpha
                    count: 3
                ---
                """);
        Files.writeString(dir.resolve("quizzes/typo.md"), """
                ---
                title: Typo
                time_limit: 10m
                form: fixd
                draw:
                  - bank: alpha
                    count: 3
                ---
                """);
        Files.writeString(dir.resolve("quizzes/open-book.md"), """
                ---
                title: Open book
                form: fixed
                review: answers
                draw:
                  - bank: alpha
                    count: 2
                ---
                """);
        var catalog = loader.load(dir);

        assertThat(catalog.problems()).extracting(Problem::toString)
                .containsExactly("quizzes/typo.md:4: unknown form 'fixd' (known: random, fixed)");
        // one form whose keys every candidate is shown: the first candidate could hand all later ones the answers
        assertThat(catalog.warnings()).extracting(Problem::toString).contains("quizzes/open-book.md:1: warning: form: fixed "
                + "with review: answers shows every candidate the keys of the one form every later candidate gets too; "
                + "use review: score, or form: random");
        assertThat(catalog.warnings()).noneMatch(w -> w.toString().contains("panel.md") && w.toString().contains("form: fixed"));
        assertThat(catalog.quiz("typo")).isEmpty();
        assertThat(catalog.quiz("panel").orElseThrow().form()).isEqualTo(Quiz.Form.FIXED);
        assertThat(catalog.quiz("timed").orElseThrow().form()).isEqualTo(Quiz.Form.RANDOM); // no form: a random draw each
        var panel = catalog.quiz("panel").orElseThrow();
        var form = catalog.draw(panel, 1).stream().map(d -> d.question().id()).sorted().toList();
        for (long seed = 2; seed < 40; seed++) {
            assertThat(catalog.draw(panel, seed).stream().map(d -> d.question().id()).sorted().toList()).isEqualTo(form);
        }
        // the same files loaded again (another instance, a restart) give the same form
        var again = loader.load(dir);
        assertThat(again.draw(again.quiz("panel").orElseThrow(), 99).stream().map(d -> d.question().id()).sorted().toList())
                .isEqualTo(form);
    }

    @Test
    void raw_html_is_shown_as_text_and_script_links_are_neutralised(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/html.md"), """
                ---
                title: HTML <b>bank</b>
                ---

                ## Is <script>alert(1)</script> harmless here? {#html-script}

                <img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and <javascript:alert(2)>
                and [data](data:text/html;base64,PHNjcmlwdD4=) and [fine](https://example.org/docs).

                - [x] <b>yes</b>
                - [ ] no
                """);
        var q = loader.load(dir).question("html-script").orElseThrow();

        assertThat(q.promptHtml()).isEqualTo("Is &lt;script&gt;alert(1)&lt;/script&gt; harmless here?");
        assertThat(q.bodyHtml()).doesNotContain("<img").doesNotContain("href=\"javascript").doesNotContain("data:text")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("href=\"https://example.org/docs\"");
        assertThat(((AnswerKey.Choice) q.key()).options().get(0).html()).isEqualTo("&lt;b&gt;yes&lt;/b&gt;");
    }

    @Test
    void a_missing_content_folder_is_a_problem_not_a_crash(@TempDir Path dir) {
        var catalog = loader.load(dir.resolve("nowhere"));
        assertThat(catalog.problems()).hasSize(1);
        assertThat(catalog.offers()).isEmpty();
    }

    @Test
    void lint_prints_problems_and_exits_1_and_exits_0_on_clean_content(@TempDir Path dir) {
        var out = new java.io.ByteArrayOutputStream();
        int broken = Lint.run(Fixtures.content("broken", dir.resolve("b")), new java.io.PrintStream(out, true));
        assertThat(broken).isEqualTo(1);
        assertThat(out.toString()).contains(dir.resolve("b").resolve("skills/empty.md") + ":1: the file is empty");
        int clean = Lint.run(Fixtures.content("content", dir.resolve("c")), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        assertThat(clean).isZero();
    }

    @Test
    void loads_on_several_threads_at_once_give_what_one_load_alone_gives() throws Exception {
        // each load parses its files on every core, and all of them share one parser and one markdown renderer
        Path content = Fixtures.projectDir().resolve("content");
        String alone = loader.load(content).banks().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var loads = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 4; i++) {
                loads.add(pool.submit(() -> loader.load(content).banks().toString()));
            }
            for (var load : loads) {
                assertThat(load.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
