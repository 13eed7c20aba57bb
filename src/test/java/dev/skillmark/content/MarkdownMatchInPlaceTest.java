package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Markdown}'s inline parser reads each regular expression's match in place instead of through
 * {@code toMatchResult()} (which copies the whole paragraph on Java 17), and a plain line skips flexmark: the HTML
 * must be flexmark's own, byte for byte, on every file and every question part shipped, on the constructs that use
 * a pattern, and on random text.
 */
class MarkdownMatchInPlaceTest {

    private final Markdown fast = new Markdown();
    private final Markdown stock = new Markdown(false);

    private void same(String markdown) {
        assertThat(fast.render(markdown)).as(markdown).isEqualTo(stock.render(markdown));
        assertThat(fast.renderInline(markdown)).as(markdown).isEqualTo(stock.renderInline(markdown));
    }

    @Test
    void every_shipped_file_and_every_question_part_renders_as_flexmark_renders_it() throws Exception {
        var files = new ArrayList<Path>();
        files.addAll(ContentFiles.markdownFiles(Fixtures.projectDir().resolve("content/skills")));
        files.addAll(ContentFiles.markdownFiles(Fixtures.projectDir().resolve("content/quizzes")));
        int parts = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            same(text);
            for (var block : Lines.splitAtHeadings(Lines.of(text), 1)) {
                var split = QuestionParts.split(file.toString(), block, new ArrayList<>());
                same(split.body());
                same(split.explanation());
                for (var option : split.options()) {
                    same(option.text());
                }
                QuestionParts.prompt(block.lines().get(0)).ifPresent(this::same);
                parts += 3 + split.options().size();
            }
        }
        assertThat(parts).isGreaterThan(2000);
    }

    @Test
    void constructs_read_by_a_pattern_render_alike() {
        for (String md : new String[]{"`a` and ``b ` c`` and ```d``` and `unclosed", "`` ` `` and ` `` `",
                "[link](https://example.org \"title\") and [ref][r] and [r]\n\n[r]: https://example.org 'T'",
                "<https://example.org> and <mail@example.org> and <not a link>", "&amp; &copy; &#35; &#x22; &bogus;",
                "\\* \\` \\[ escaped", "*a* **b** _c_ __d__ ***e***", "> quote with `code`\n> and `more` code\n>\n> - `item`",
                "- [x] `one`\n- [ ] two `three`", "line one  \nline two\\\nline three", "| a | `b` |\n|---|---|\n| `c` | d |",
                "<b>raw</b> <!-- c --> <?php x ?>", "[a](<url with spaces> \"t\") [b]( /u ) [c](javascript:alert(1))"}) {
            same(md);
        }
    }

    @Test
    void lines_of_plain_text_and_near_misses_render_alike() {
        var random = new Random(12);
        String[] pieces = {"a", "Z", "7", " ", "  ", "\t", ".", ",", ":", ";", "?", "'", "\"", "(", ")", "{", "}", "/", "=",
                "+", "-", "%", "$", "@", "^", "é", "—", "\u00a0", "\u2003", "\u0000", "\u007f", "1.", "2)", "---", "***",
                "===", "http://e.org", "www.e.org", "a@b.org", ":-)", "&", "<", "*", "\n", "\n\n", "\n \t\n", "\r\n",
                "`", "`", "`", "``", " `", "` ", "`a`", "` a `", "`  `", "` b`", "`<T>`", "`&amp;`", "`\\`", "`*x*`", "`\"q\"`"};
        int plain = 0;
        for (int i = 0; i < 20000; i++) {
            var md = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                md.append(pieces[random.nextInt(pieces.length)]);
            }
            same(md.toString());
            plain += Markdown.plainLine(md.toString()) != null ? 1 : 0;
        }
        assertThat(plain).as("lines that took the shortcut").isBetween(1000, 18000);
    }

    @Test
    void random_markdown_renders_alike() {
        var random = new Random(11);
        String[] pieces = {"`", "``", "a", " ", "\n", "\n\n", "[", "]", "(", ")", "<", ">", "*", "_", "&", "#", ";", "\\",
                "\"", "'", "!", "x:", "https://e.org", "- ", "> ", "1. ", "    ", "|", "---", "é", "—"};
        for (int i = 0; i < 3000; i++) {
            var md = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                md.append(pieces[random.nextInt(pieces.length)]);
            }
            same(md.toString());
        }
    }
}
