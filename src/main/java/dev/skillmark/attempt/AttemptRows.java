package dev.skillmark.attempt;

import dev.skillmark.quiz.Quiz;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The statements of every candidate request (reading the attempt and its answers; a save's lock, read and
 * writes), as plain JDBI statements with mappers written out. Profiled on the question page under load, the SQL
 * object and constructor mapper cost several times the queries: each call attached {@link AttemptDao} anew (its five mappers registered into a copy of the
 * configuration, every method's binding annotations read), and each result set matched column names to
 * constructor parameters again; on the save path that work ran on the one thread that commits the saves, so it
 * capped them all. {@code AttemptRowsTest} checks every column against the constructor mapper.
 */
final class AttemptRows {

    private static final RowMapper<Attempt> ATTEMPT = (rs, ctx) -> new Attempt(rs.getString("id"), rs.getString("quiz_id"),
            rs.getString("quiz_title"), Quiz.Mode.valueOf(rs.getString("mode")), Quiz.Review.valueOf(rs.getString("review")),
            rs.getInt("pass_mark"), rs.getString("candidate_name"), rs.getLong("seed"), rs.getLong("started_at"),
            rs.getObject("deadline_at", Long.class), Attempt.Status.valueOf(rs.getString("status")),
            rs.getObject("finished_at", Long.class), rs.getObject("score", Double.class), rs.getDouble("max_score"),
            rs.getInt("pending"), rs.getDouble("pending_points"), rs.getString("content_version"), rs.getString("invitation_id"),
            rs.getInt("extra_time_percent"), rs.getString("client_address"), rs.getString("client_agent"), rs.getBoolean("trial"),
            rs.getLong("save_window_start"), rs.getInt("save_window_count"));
    private static final RowMapper<AnswerState> ANSWER = (rs, ctx) -> new AnswerState(rs.getString("attempt_id"), rs.getInt("slot"),
            rs.getString("response"), rs.getInt("revision"), rs.getString("saved_by"), rs.getObject("saved_at", Long.class),
            rs.getBoolean("flagged"), rs.getBoolean("checked"), rs.getString("outcome"), rs.getObject("fraction", Double.class),
            rs.getObject("points", Double.class), rs.getString("graded_by"), rs.getObject("time_spent_ms", Long.class));

    private AttemptRows() {
    }

    static Optional<Attempt> attempt(Handle h, String id) {
        return h.createQuery("select * from attempt where id = :id").bind("id", id).map(ATTEMPT).findOne();
    }

    /** Every slot's answer, in slot order (each slot has one from the start). */
    static List<AnswerState> answers(Handle h, String attemptId) {
        return h.createQuery("select * from answer where attempt_id = :id order by slot").bind("id", attemptId).map(ANSWER).list();
    }

    /** The attempt, locked until the transaction ends: every write to an attempt takes this lock first. */
    static Optional<Attempt> lock(Handle h, String id) {
        return h.createQuery("select * from attempt where id = :id for update").bind("id", id).map(ATTEMPT).findOne();
    }

    /** These attempts, locked in the order of their ids (so two callers cannot deadlock), until the transaction ends. */
    static List<Attempt> lockAll(Handle h, List<String> attemptIds) {
        return h.createQuery("select * from attempt where id in (<ids>) order by id for update").bindList("ids", attemptIds)
                .map(ATTEMPT).list();
    }

    static Optional<AnswerState> answer(Handle h, String attemptId, int slot) {
        return h.createQuery("select * from answer where attempt_id = :id and slot = :slot")
                .bind("id", attemptId).bind("slot", slot).map(ANSWER).findOne();
    }

    /** Stores a save the caller checked under the attempt's row lock; 0 rows when the slot was checked and is final. */
    static int save(Handle h, String attemptId, int slot, String response, String page, long savedAt) {
        return h.createUpdate("""
                update answer set response = :response, revision = revision + 1, saved_by = :page, saved_at = :savedAt
                where attempt_id = :attemptId and slot = :slot and checked = false""")
                .bind("attemptId", attemptId).bind("slot", slot).bind("response", response).bind("page", page)
                .bind("savedAt", savedAt).execute();
    }

    /** Counts one more save in the attempt's one-minute window, starting a new window when the old one is over. */
    static void countSave(Handle h, String attemptId, long now, long windowStart) {
        h.createUpdate("""
                update attempt set
                    save_window_count = case when save_window_start > :windowStart then save_window_count + 1 else 1 end,
                    save_window_start = case when save_window_start > :windowStart then save_window_start else :now end
                where id = :id""").bind("id", attemptId).bind("now", now).bind("windowStart", windowStart).execute();
    }

    /** How many of the attempt's questions were last saved at or after {@code since}. */
    static int savedSince(Handle h, String attemptId, long since) {
        return h.createQuery("select count(*) from answer where attempt_id = :id and saved_at >= :since")
                .bind("id", attemptId).bind("since", since).mapTo(Integer.class).one();
    }
}
