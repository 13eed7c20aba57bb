package dev.skillmark.attempt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Attempts at public exam quizzes per browser, so a retake limit can hold. Only a hash of the browser id is kept. */
public final class Retakes {

    interface Dao {
        @SqlQuery("select count(*) from public_attempt where browser_hash = :browser and quiz_id = :quiz")
        int count(@Bind("browser") String browserHash, @Bind("quiz") String quizId);

        @SqlUpdate("""
            insert into public_attempt (browser_hash, quiz_id, attempt_id, started_at)
            values (:browser, :quiz, :attempt, :at)""")
        void insert(@Bind("browser") String browserHash, @Bind("quiz") String quizId, @Bind("attempt") String attemptId,
                    @Bind("at") long at);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Retakes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    int taken(String browserId, String quizId) {
        return jdbi.withExtension(Dao.class, dao -> dao.count(hash(browserId), quizId));
    }

    void record(String browserId, String quizId, String attemptId) {
        jdbi.useExtension(Dao.class, dao -> dao.insert(hash(browserId), quizId, attemptId, clock.millis()));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
