package dev.skillmark.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.quiz.Score;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Percentile: the share of finished attempts with a lower percent score, plus half of the ties (itself included). */
class PercentileTest {

    private static Score percent(int p) {
        return Score.of(p, 100);
    }

    @Test
    void one_attempt_alone_stands_in_the_middle() {
        assertThat(Percentile.of(percent(70), List.of(percent(70)))).isEqualTo(50.0);
    }

    @Test
    void distinct_scores_count_those_below_and_half_of_themselves() {
        var ten = IntStream.rangeClosed(1, 10).mapToObj(i -> percent(i * 10)).toList();
        assertThat(Percentile.of(percent(100), ten)).isEqualTo(95.0);
        assertThat(Percentile.of(percent(10), ten)).isEqualTo(5.0);
        assertThat(Percentile.of(percent(50), ten)).isEqualTo(45.0);
    }

    @Test
    void ties_share_the_middle_of_their_band() {
        var all = List.of(percent(40), percent(60), percent(60), percent(60), percent(90));
        assertThat(Percentile.of(percent(60), all)).isEqualTo(50.0);   // (1 + 3/2) / 5
        assertThat(Percentile.of(percent(90), all)).isEqualTo(90.0);   // (4 + 1/2) / 5
        assertThat(Percentile.of(percent(40), all)).isEqualTo(10.0);   // (0 + 1/2) / 5
        var everyoneTied = List.of(percent(75), percent(75), percent(75), percent(75));
        assertThat(Percentile.of(percent(75), everyoneTied)).isEqualTo(50.0);
    }

    @Test
    void scores_tie_on_the_whole_percent_that_Score_rounds_to() {
        // 2 of 3 and 67 of 100 are both 67%: a tie, not one above the other
        var all = List.of(Score.of(2, 3), Score.of(67, 100));
        assertThat(Percentile.of(Score.of(2, 3), all)).isEqualTo(50.0);
        assertThat(Percentile.rounded(Score.of(1, 3), List.of(Score.of(1, 3), Score.of(2, 3), Score.of(3, 3)))).isEqualTo(17);
    }

    @Test
    void the_histogram_puts_full_marks_in_the_top_band() {
        var h = Histogram.of(List.of(percent(100), percent(95), percent(9), percent(10)));
        assertThat(h.bands()).extracting(Histogram.Band::count).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(h.bands().get(9).label()).isEqualTo("90–100%");
        assertThat(h.bands().get(9).height()).isEqualTo(Histogram.BARS);
        assertThat(h.bands().get(0).height()).isEqualTo(Histogram.BARS / 2);
    }
}
