package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GIFT escapes behave as Moodle's importer reads them. */
class GiftTextTest {

    @Test
    void escaped_characters_are_literal_and_unknown_escapes_keep_their_backslash() {
        assertThat(GiftText.reveal(GiftText.hide("a\\~b \\= \\# \\{x\\} \\: \\d"))).isEqualTo("a~b = # {x} : \\d");
    }

    @Test
    void an_escaped_character_never_reads_as_gift_syntax() {
        String hidden = GiftText.hide("f() \\{ return 1; \\}");
        assertThat(hidden).doesNotContain("{", "}");
    }

    @Test
    void a_double_backslash_is_one_backslash_and_does_not_escape_what_follows() {
        assertThat(GiftText.reveal(GiftText.hide("C:\\\\temp\\\\new"))).isEqualTo("C:\\temp\\new");
        assertThat(GiftText.hide("\\\\{")).endsWith("{");
        assertThat(GiftText.reveal(GiftText.hide("a\\nb"))).isEqualTo("a\nb");
    }

    @Test
    void escaping_then_reading_gives_back_any_text() {
        String text = "const o = { a: 1 }; // ~ # \\n \\ C:\\temp\n\n```ts\n  indented\n```";
        String escaped = GiftText.escape(text);
        assertThat(escaped).doesNotContain("\n").doesNotContainPattern("(?<!\\\\)[{}~=#:]");
        assertThat(GiftText.reveal(GiftText.hide(escaped))).isEqualTo(text);
    }

    @Test
    void plain_text_is_escaped_so_markdown_shows_it_as_written() {
        assertThat(GiftText.plainToMarkdown("*a* _b_ `c` [d]")).isEqualTo("\\*a\\* \\_b\\_ \\`c\\` \\[d\\]");
        assertThat(GiftText.plainToMarkdown("# not a heading\n1. not a list")).isEqualTo("\\# not a heading\\\n1\\. not a list");
        assertThat(GiftText.plainToMarkdown("Partial<T> & R&D")).isEqualTo("Partial<T> & R&D");
        assertThat(GiftText.plainToMarkdown("&amp; <https://x.org>")).isEqualTo("\\&amp; \\<https://x.org>");
    }
}
