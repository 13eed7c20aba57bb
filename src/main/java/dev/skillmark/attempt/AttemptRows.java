package dev.skillmark.attempt;

import dev.skillmark.quiz.Quiz;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The two reads of every candidate request (the attempt, its answers), as plain JDBI statements with mappers
 * written out. Profiled on the question page under load, the SQL object and constructor mapper cost several times
 * the queries: each call attached {@link AttemptDao} anew (its five mappers registered into a copy of the
 * configuration, every method's binding annotations read), and each result set matched column names to
 * constructor parameters again. {@code AttemptRowsTest} checks every column against the constructor mapper.
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
}
