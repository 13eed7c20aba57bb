package dev.skillmark.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One option of a choice question as an attempt shows it: its position there, and the option of the stored question
 * (see {@link Snapshots}) it is. Old snapshots' code blocks take focus too.
 */
public record OptionSnapshot(String attemptId, int slot, int position, String html, boolean correct) {

    /**
     * The options of the slots the query's {@code where} keeps (on {@code q}, the slot, and {@code t}, its attempt), in
     * no order: {@link Shown} places each at its position, and {@link #SHOWN_ORDER} sorts them.
     */
    public static final String SHOWN = """
        select q.attempt_id, q.slot, q.option_order, o.option_index, o.html, o.correct
        from attempt_question q
        join question_snapshot_option o on o.snapshot_hash = q.snapshot_hash""";

    /** Slot by slot, each slot's options in the order the attempt shows them. */
    public static final Comparator<OptionSnapshot> SHOWN_ORDER = Comparator.comparing(OptionSnapshot::attemptId)
            .thenComparingInt(OptionSnapshot::slot).thenComparingInt(OptionSnapshot::position);

    public OptionSnapshot {
        html = SlotSnapshot.focusableCode(html);
    }

    /** Maps a row of {@link #SHOWN} to the option at the position its slot's order shows it. */
    public static final class Shown implements RowMapper<OptionSnapshot> {
        @Override
        public OptionSnapshot map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new OptionSnapshot(rs.getString("attempt_id"), rs.getInt("slot"),
                    Snapshots.position(rs.getString("option_order"), rs.getInt("option_index")),
                    rs.getString("html"), rs.getBoolean("correct"));
        }
    }
}
