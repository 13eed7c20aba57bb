package dev.skillmark.attempt;

import dev.skillmark.content.Hashes;
import dev.skillmark.web.SkillmarkException;
import org.jdbi.v3.core.Handle;

/**
 * Attempts at public exam quizzes per browser, so a retake limit can hold. Only a hash of the browser id is kept. The
 * count is checked and the attempt recorded in the start's own transaction: an attempt that started is always counted,
 * and a start costs one commit, not two.
 */
public final class Retakes {

    /** A start that counts against a browser's limit of {@code allowed} attempts at the quiz. */
    public record Limit(String browserId, int allowed) {
    }

    private Retakes() {
    }

    /** Records the attempt, or refuses the start when the browser has already taken the quiz as often as allowed. */
    static void claim(Handle h, Limit limit, String quizId, String attemptId, long at) {
        String browser = Hashes.sha256(limit.browserId());
        int taken = h.createQuery("select count(*) from public_attempt where browser_hash = :browser and quiz_id = :quiz")
                .bind("browser", browser).bind("quiz", quizId).mapTo(Integer.class).one();
        if (taken >= limit.allowed()) {
            throw new SkillmarkException.Conflict("You have already taken this quiz as many times as this site allows.");
        }
        h.createUpdate("insert into public_attempt (browser_hash, quiz_id, attempt_id, started_at) values (:browser, :quiz, :attempt, :at)")
                .bind("browser", browser).bind("quiz", quizId).bind("attempt", attemptId).bind("at", at).execute();
    }
}
