package dev.skillmark.quiz;

import java.util.List;
import java.util.Optional;

/**
 * One line of an essay's rubric: what to look for, the points it is worth, and optionally "award if N of M"
 * (the line lists M items and earns its points when the answer has N of them). A red flag carries no points.
 */
public record RubricLine(String html, int points, Optional<NOfM> awardIf, boolean redFlag) {

    /** "award if n of m". */
    public record NOfM(int n, int m) {
    }

    /** The most a grader can tick on this line: M items for "award if N of M", else 1 (ticked or not). */
    public int most() {
        return awardIf.map(NOfM::m).orElse(1);
    }

    /** The points this line earns when the grader ticks {@code covered} of its items; a red flag earns none. */
    public int earned(int covered) {
        if (redFlag) {
            return 0;
        }
        return covered >= awardIf.map(NOfM::n).orElse(1) ? points : 0;
    }

    /** The grade the ticked lines propose: each line's earned points, added up, never above the question's points. */
    public static int proposed(List<RubricLine> lines, List<Integer> covered, int maxPoints) {
        int sum = 0;
        for (int i = 0; i < lines.size() && i < covered.size(); i++) {
            sum += lines.get(i).earned(covered.get(i));
        }
        return Math.min(sum, maxPoints);
    }
}
