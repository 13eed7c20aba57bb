package dev.skillmark.review;

import dev.skillmark.quiz.Score;
import java.util.List;

/**
 * A candidate's standing among the finished attempts of the same quiz: the share of them with a lower
 * whole percent score (from {@link Score#percent()}), plus half of those with the same percent, the candidate's
 * own attempt included. One attempt alone stands at 50; the top of ten distinct scores at 95.
 */
final class Percentile {

    private Percentile() {
    }

    /** The percentile, 0 to 100, of a score among {@code all} (which holds it too). */
    static double of(Score mine, List<Score> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a percentile needs the score among the scores");
        }
        int p = mine.percent();
        long below = all.stream().filter(s -> s.percent() < p).count();
        long ties = all.stream().filter(s -> s.percent() == p).count();
        return 100.0 * (below + 0.5 * ties) / all.size();
    }

    /** The percentile as people read it: a whole number, rounded half up like every percentage. */
    static int rounded(Score mine, List<Score> all) {
        return Score.percentOf(of(mine, all) / 100);
    }
}
