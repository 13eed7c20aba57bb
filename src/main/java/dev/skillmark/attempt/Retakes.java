package dev.skillmark.attempt;

import dev.skillmark.content.Hashes;
import dev.skillmark.web.SkillmarkException;
import org.jdbi.v3.core.Handle;

/**
 * Attempts at public exam quizzes per browser, so a retake limit can hold. Only a hash of the browser id is kept. The
 * count is checked and the attempt recorded in the start's own transaction: an attempt that started is always counted,
 * and a start costs one commit, not two. Each attempt takes the next place (1, 2, ...) under a unique key, so of two
 * starts at once that counted the same attempts only one takes the place; the other counts again.
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
        // each lost place is one another start took (and committed), so this ends after at most `allowed` rounds
        for (int round = 0; round <= limit.allowed(); round++) {
            // the next place follows the last, so a place left empty (a row deleted) is never fought over
            int[] taken = h.createQuery("""
                select count(*), coalesce(max(place), 0) from public_attempt where browser_hash = :browser and quiz_id = :quiz""")
                    .bind("browser", browser).bind("quiz", quizId).map((rs, ctx) -> new int[]{rs.getInt(1), rs.getInt(2)}).one();
            if (taken[0] >= limit.allowed()) {
                break;
            }
            // a savepoint: on PostgreSQL a unique violation would otherwise abort the whole start
            h.savepoint("retake_place");
            try {
                h.createUpdate("""
                    insert into public_attempt (browser_hash, quiz_id, attempt_id, started_at, place)
                    values (:browser, :quiz, :attempt, :at, :place)""")
                        .bind("browser", browser).bind("quiz", quizId).bind("attempt", attemptId).bind("at", at)
                        .bind("place", taken[1] + 1).execute();
                h.release("retake_place");
                return;
            } catch (RuntimeException e) {
                if (!Finalisation.isUniqueViolation(e)) {
                    throw e;
                }
                h.rollbackToSavepoint("retake_place");
            }
        }
        throw new SkillmarkException.Conflict("You have already taken this quiz as many times as this site allows.");
    }
}
