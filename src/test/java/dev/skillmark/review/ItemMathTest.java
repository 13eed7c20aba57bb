package dev.skillmark.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemMathTest {

    @Test
    void wilson_interval_matches_published_values_and_stays_inside_0_and_1() {
        var half = ItemMath.wilson(0.5, 10).orElseThrow();
        assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
        var all = ItemMath.wilson(1.0, 30).orElseThrow();
        assertThat(all.low()).isCloseTo(0.8865, within(1e-4));
        assertThat(all.high()).isCloseTo(1.0, within(1e-12));
        assertThat(ItemMath.wilson(0.3, 0)).isEmpty();
    }

    @Test
    void fisher_interval_of_a_correlation_narrows_with_more_pairs() {
        var r = ItemMath.fisher(0.5, 30).orElseThrow();
        assertThat(r.low()).isCloseTo(0.1703, within(1e-3));
        assertThat(r.high()).isCloseTo(0.7297, within(1e-3));
        var noise = ItemMath.fisher(-0.01, 8).orElseThrow();
        assertThat(noise.low()).isLessThan(-0.6);
        assertThat(noise.high()).isGreaterThan(0.6); // -0.01 from 8 responses says nothing
        assertThat(ItemMath.fisher(0.9, 3)).isEmpty();
    }

    @Test
    void correlation_needs_three_pairs_and_spread() {
        assertThat(ItemMath.correlation(List.of(new ItemMath.Pair(1, 1), new ItemMath.Pair(0, 0)))).isEmpty();
        assertThat(ItemMath.correlation(List.of(new ItemMath.Pair(1, 0.5), new ItemMath.Pair(1, 0.2), new ItemMath.Pair(1, 0.9)))).isEmpty();
        assertThat(ItemMath.correlation(List.of(new ItemMath.Pair(1, 0.9), new ItemMath.Pair(0, 0.1), new ItemMath.Pair(1, 0.8))).orElseThrow())
                .isCloseTo(0.997, within(0.01));
    }
}
