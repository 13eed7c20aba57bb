package dev.skillmark.content.gift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.quiz.Grading;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Short-answer keys between Moodle's wildcards and Skillmark's plain and regular-expression keys. */
class GiftShortKeysTest {

    @Test
    void a_plain_key_stays_plain_and_an_escaped_star_is_a_star() {
        assertThat(ShortKeys.toSkillmark("  no   one ")).contains("no one");
        assertThat(ShortKeys.toSkillmark("a\\*b")).contains("a*b");
    }

    @Test
    void a_moodle_wildcard_becomes_a_case_blind_expression_that_grades_the_same() {
        var key = ShortKeys.toSkillmark("*fnm*").orElseThrow();
        assertThat(key).isEqualTo("/.*fnm.*/i");
        assertThat(Grading.matchesKey(key, "I use FNM daily")).isTrue();
        assertThat(Grading.matchesKey(key, "nvm")).isFalse();
    }

    @Test
    void text_skillmark_would_misread_is_quoted_as_an_expression() {
        var pipe = ShortKeys.toSkillmark("a | b").orElseThrow();
        assertThat(pipe).doesNotContain(" | ");
        assertThat(Grading.matchesKey(pipe, "A  |  b")).isTrue();
        var slashes = ShortKeys.toSkillmark("/usr/").orElseThrow();
        assertThat(Grading.matchesKey(slashes, "/usr/")).isTrue();
        assertThat(Grading.matchesKey(slashes, "usr")).isFalse();
    }

    @Test
    void keys_go_back_to_gift_escaped_and_expressions_only_when_moodle_can_say_them() {
        assertThat(ShortKeys.toGift("a = b: c*")).contains("a \\= b\\: c\\*");
        assertThat(ShortKeys.toGift("/.*fnm.*/i")).contains("*fnm*");
        assertThat(ShortKeys.toGift(ShortKeys.toSkillmark("a | b").orElseThrow())).contains("a | b");
        assertThat(ShortKeys.toGift("/colou?r/i")).isEqualTo(Optional.empty());
        assertThat(ShortKeys.toGift("/fnm/")).as("case-sensitive").isEqualTo(Optional.empty());
    }
}
