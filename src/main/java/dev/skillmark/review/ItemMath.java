package dev.skillmark.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of item statistics, pure: the corrected item-total correlation, and 95 % confidence
 * intervals (Wilson's score interval for facility, Fisher's z transformation for a correlation).
 */
public final class ItemMath {

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    /** A 95 % confidence interval. */
    public record Interval(double low, double high) {
    }

    /** One graded response: the share of the question's points earned, and the share earned on the rest of the attempt. */
    record Pair(double item, double rest) {
    }

    private ItemMath() {
    }

    /**
     * Wilson's score interval for a share {@code p} of {@code n} responses. With partial credit the share is a
     * mean of fractions rather than a count of successes; the interval is then an approximation, slightly wide.
     */
    static Optional<Interval> wilson(double p, int n) {
        if (n <= 0) {
            return Optional.empty();
        }
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return Optional.of(new Interval(Math.max(0, centre - half), Math.min(1, centre + half)));
    }

    /** Fisher's z interval for a correlation {@code r} from {@code n} pairs; none below 4 pairs. */
    static Optional<Interval> fisher(double r, int n) {
        if (n < 4) {
            return Optional.empty();
        }
        double clamped = Math.max(-0.999999, Math.min(0.999999, r));
        double z = 0.5 * Math.log((1 + clamped) / (1 - clamped));
        double se = 1 / Math.sqrt(n - 3);
        return Optional.of(new Interval(Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se)));
    }

    /** Pearson correlation of the item's share with the share on the rest of the attempt; none below 3 pairs or without spread. */
    static Optional<Double> correlation(List<Pair> pairs) {
        int n = pairs.size();
        if (n < 3) {
            return Optional.empty();
        }
        double[] x = pairs.stream().mapToDouble(Pair::item).toArray();
        double[] y = pairs.stream().mapToDouble(Pair::rest).toArray();
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Optional.empty() : Optional.of(sxy / Math.sqrt(sxx * syy));
    }
}
