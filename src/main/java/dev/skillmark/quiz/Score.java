package dev.skillmark.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Points earned out of a maximum, with the points still waiting for a person to grade. The one home
 * of scoring: every page, export and statistic takes its percentage and its pass or fail from here.
 *
 * <p>The percentage is rounded half up to a whole number (2 of 3 points is 67%, 2 of 23 is 9%).
 * Pass or fail never looks at that rounded figure: it compares the exact points with the pass mark.
 */
public record Score(double points, double max, double pendingPoints) {

    /** Points are sums of fractions of whole points; this absorbs the floating-point noise of those sums. */
    private static final double EPSILON = 1e-9;

    public static final Score NONE = new Score(0, 0, 0);

    public Score {
        if (points < -EPSILON || max < 0 || pendingPoints < 0 || points > max + EPSILON) {
            throw new IllegalArgumentException("not a score: " + points + " of " + max + ", " + pendingPoints + " pending");
        }
    }

    public static Score of(double points, double max) {
        return new Score(points, max, 0);
    }

    public Score plus(Score other) {
        return new Score(points + other.points, max + other.max, pendingPoints + other.pendingPoints);
    }

    /** Whether some of the maximum still waits for a person to grade it. */
    public boolean pending() {
        return pendingPoints > EPSILON;
    }

    /** The share of the maximum earned, 0 to 1; 0 when there is nothing to earn. */
    public double fraction() {
        return max == 0 ? 0 : points / max;
    }

    /** The whole percentage, rounded half up. */
    public int percent() {
        return max == 0 ? 0 : percentOf(points / max);
    }

    /** Pass or fail against a pass mark in percent; empty while points are still waiting for a grader. */
    public Optional<Boolean> passed(int passMark) {
        if (pending()) {
            return Optional.empty();
        }
        return Optional.of(points * 100 >= passMark * max - EPSILON);
    }

    /** The one rounding rule, for any share (a facility, an option's share of responses): half up to a whole percent. */
    public static int percentOf(double fraction) {
        return new BigDecimal(fraction * 100 + EPSILON).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
