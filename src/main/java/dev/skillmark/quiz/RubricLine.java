package dev.skillmark.quiz;

import java.util.Optional;

/**
 * One line of an essay's rubric: what to look for, the points it is worth, and optionally "award if N of M"
 * (the line lists M items and earns its points when the answer has N of them). A red flag carries no points.
 */
public record RubricLine(String html, int points, Optional<NOfM> awardIf, boolean redFlag) {

    /** "award if n of m". */
    public record NOfM(int n, int m) {
    }
}
