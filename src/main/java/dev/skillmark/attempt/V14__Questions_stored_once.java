package dev.skillmark.attempt;

import dev.skillmark.quiz.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the rendered parts of every attempt's questions (prompt, body, explanation, rubric, options) out of the
 * attempt's rows into {@code question_snapshot}, stored once per distinct content (see {@link Snapshots}). A Java
 * migration because the key is the SHA-256 the application computes, the same on H2 and PostgreSQL.
 *
 * <p>Nothing an attempt showed or graded with changes: a migrated slot names a stored question whose options are in
 * the order that attempt showed them, and its option order is the identity; the slot's own fields stay where they were.
 */
public final class V14__Questions_stored_once extends BaseJavaMigration {

    private static final int ATTEMPTS_PER_ROUND = 200;

    @Override
    public void migrate(Context context) throws SQLException {
        var c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("""
                create table question_snapshot (
                    snapshot_hash    varchar(64) primary key,
                    prompt_html      varchar not null,
                    body_html        varchar not null,
                    explanation_html varchar not null,
                    rubric_html      varchar not null
                )""");
            s.execute("""
                create table question_snapshot_option (
                    snapshot_hash varchar(64) not null references question_snapshot (snapshot_hash),
                    option_index  integer     not null,
                    html          varchar     not null,
                    correct       boolean     not null,
                    primary key (snapshot_hash, option_index)
                )""");
            s.execute("alter table attempt_question add column snapshot_hash varchar(64)");
            s.execute("alter table attempt_question add column option_order varchar default '' not null");
        }
        var stored = new HashSet<String>();
        String after = "";
        while (true) {
            var ids = nextAttempts(c, after);
            if (ids.isEmpty()) {
                break;
            }
            migrate(c, ids, stored);
            after = ids.get(ids.size() - 1);
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table attempt_question alter column snapshot_hash set not null");
            s.execute("alter table attempt_question add constraint attempt_question_snapshot"
                    + " foreign key (snapshot_hash) references question_snapshot (snapshot_hash)");
            for (String column : List.of("prompt_html", "body_html", "explanation_html", "rubric_html")) {
                s.execute("alter table attempt_question drop column " + column);
            }
            s.execute("drop table attempt_option");
        }
    }

    private static List<String> nextAttempts(Connection c, String after) throws SQLException {
        try (var q = c.prepareStatement("select id from attempt where id > ? order by id limit " + ATTEMPTS_PER_ROUND)) {
            q.setString(1, after);
            var ids = new ArrayList<String>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private record Key(String attemptId, int slot) {
    }

    private static void migrate(Connection c, List<String> ids, Set<String> stored) throws SQLException {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Key, List<Option>> options = new HashMap<>();
        try (var q = c.prepareStatement("select attempt_id, slot, html, correct from attempt_option where attempt_id in ("
                + in + ") order by attempt_id, slot, position")) {
            bind(q, ids);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    options.computeIfAbsent(new Key(rs.getString(1), rs.getInt(2)), k -> new ArrayList<>())
                            .add(new Option(rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        try (var q = c.prepareStatement("select attempt_id, slot, prompt_html, body_html, explanation_html, rubric_html"
                + " from attempt_question where attempt_id in (" + in + ")");
             var question = c.prepareStatement("insert into question_snapshot (snapshot_hash, prompt_html, body_html,"
                     + " explanation_html, rubric_html) values (?, ?, ?, ?, ?)");
             var option = c.prepareStatement("insert into question_snapshot_option (snapshot_hash, option_index, html,"
                     + " correct) values (?, ?, ?, ?)");
             var slot = c.prepareStatement("update attempt_question set snapshot_hash = ?, option_order = ?"
                     + " where attempt_id = ? and slot = ?")) {
            bind(q, ids);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    var key = new Key(rs.getString(1), rs.getInt(2));
                    var shown = options.getOrDefault(key, List.of());
                    var snapshot = Snapshots.Question.of(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), shown);
                    if (stored.add(snapshot.hash())) {
                        question.setString(1, snapshot.hash());
                        question.setString(2, snapshot.promptHtml());
                        question.setString(3, snapshot.bodyHtml());
                        question.setString(4, snapshot.explanationHtml());
                        question.setString(5, snapshot.rubricHtml());
                        question.addBatch();
                        for (int i = 0; i < shown.size(); i++) {
                            option.setString(1, snapshot.hash());
                            option.setInt(2, i);
                            option.setString(3, shown.get(i).html());
                            option.setBoolean(4, shown.get(i).correct());
                            option.addBatch();
                        }
                    }
                    var identity = new ArrayList<Integer>();
                    for (int i = 0; i < shown.size(); i++) {
                        identity.add(i);
                    }
                    slot.setString(1, snapshot.hash());
                    slot.setString(2, Snapshots.encodeOrder(identity));
                    slot.setString(3, key.attemptId());
                    slot.setInt(4, key.slot());
                    slot.addBatch();
                }
            }
            question.executeBatch();
            option.executeBatch();
            slot.executeBatch();
        }
    }

    private static void bind(PreparedStatement q, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            q.setString(i + 1, ids.get(i));
        }
    }
}
