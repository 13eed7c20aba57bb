package dev.skillmark.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one home of scoring: one rounding rule for every percentage, and pass or fail from exact points. */
class ScoreTest {

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({
            "2, 3, 67",      // was 66 in the CSV export and 67 on the result page
            "2, 23, 9",      // was truncated to 8
            "17.96, 100, 18", // was truncated to 17
            "1, 40, 3",      // 2.5 rounds half up
            "0, 10, 0",
            "10, 10, 100",
            "0, 0, 0"})      // nothing to earn
    void percentages_are_rounded_half_up(double points, double max, int percent) {
        assertThat(Score.of(points, max).percent()).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0} of {1} against a pass mark of {2}: {3}")
    @CsvSource({
            "2, 3, 67, false",     // 66.67% rounds to 67% but does not reach a 67% pass mark
            "2, 3, 66, true",
            "6, 10, 60, true",     // exactly the pass mark passes
            "5.99, 10, 60, false",
            "0.1, 0.3, 34, false", // floating-point sums still compare exactly enough: 33.33%
            "0, 0, 0, true"})
    void pass_or_fail_compares_the_exact_points(double points, double max, int passMark, boolean passed) {
        assertThat(Score.of(points, max).passed(passMark)).contains(passed);
    }

    @Test
    void there_is_no_verdict_while_points_wait_for_a_grader() {
        var score = new Score(6, 11, 5);
        assertThat(score.pending()).isTrue();
        assertThat(score.passed(10)).isEmpty();
        assertThat(score.percent()).isEqualTo(55);
    }

    @Test
    void skill_areas_add_up_to_the_whole() {
        var whole = Score.of(1, 2).plus(new Score(0.5, 3, 3));
        assertThat(whole).isEqualTo(new Score(1.5, 5, 3));
        assertThat(whole.percent()).isEqualTo(30);
    }

    @Test
    void a_share_of_responses_uses_the_same_rule() {
        assertThat(Score.percentOf(2.0 / 3)).isEqualTo(67);
        assertThat(Score.percentOf(0.005)).isEqualTo(1);
    }
}
