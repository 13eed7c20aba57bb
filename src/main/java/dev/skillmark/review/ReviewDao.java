package dev.skillmark.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ReviewDao.DashboardRow.class)
@RegisterConstructorMapper(ReviewDao.AreaRow.class)
@RegisterConstructorMapper(ReviewDao.Note.class)
interface ReviewDao extends SqlObject {

    /**
     * One invitation and/or attempt; every column an interviewer filters or sorts by. {@code status} is the
     * dashboard's word for it (invited, started, submitted, expired, revoked, invitation expired).
     */
    record DashboardRow(String invitationId, String attemptId, String name, String email, String quizId, String quizTitle,
                        String mode, String status, Double score, Double maxScore, Integer passMark, Integer pending,
                        Double pendingPoints, Long startedAt, Long finishedAt, Long invitedAt, Long expiresAt, Long revokedAt,
                        int signals) {

        DashboardRow withSignals(int n) {
            return new DashboardRow(invitationId, attemptId, name, email, quizId, quizTitle, mode, status, score, maxScore,
                    passMark, pending, pendingPoints, startedAt, finishedAt, invitedAt, expiresAt, revokedAt, n);
        }
    }

    /**
     * The one definition of an attempt's integrity signals: the timeline events of these types, counted. Lost
     * focus, pastes, changes of network address or browser, and bursts (the save that makes four different
     * questions saved within one 10-second stretch records one, see {@code Attempts#save}). The attempt page, the
     * dashboard, its CSV and the comparison all count with it; the index {@code attempt_event_signal} (attempt,
     * type) makes each count a few index seeks.
     */
    String SIGNAL_TYPES = "('FOCUS_LOST', 'PASTE', 'CLIENT_CHANGED', 'BURST')";

    /** The signal count of the attempt {@code a} of the enclosing query. */
    String SIGNAL_COUNT = "(select count(*) from attempt_event e where e.attempt_id = a.id and e.type in " + SIGNAL_TYPES + ")";

    record SignalCount(String kind, int n) {
    }

    @RegisterConstructorMapper(SignalCount.class)
    @SqlQuery("select type as kind, cast(count(*) as int) as n from attempt_event where attempt_id = :attempt and type in "
            + SIGNAL_TYPES + " group by type")
    List<SignalCount> signals(@Bind("attempt") String attemptId);

    record AttemptSignals(String attemptId, int signals) {
    }

    /** The signal totals of a page of attempts. */
    @RegisterConstructorMapper(AttemptSignals.class)
    @SqlQuery("select attempt_id, cast(count(*) as int) as signals from attempt_event where attempt_id in (<ids>) and type in "
            + SIGNAL_TYPES + " group by attempt_id")
    List<AttemptSignals> signalTotals(@BindList("ids") List<String> attemptIds);

    /**
     * What the dashboard lists, as two plain SELECTs over one set of column names: every attempt (with its
     * invitation, if it came from one; practice trials of staff are left out) and every invitation not yet used.
     * Each maps a column to its expression; the filters ({@link Listing#where}) and the sorts are written once over
     * {@code {column}} placeholders and rendered for each. Kept flat, not a UNION in a derived table, because H2
     * materialises such a table whole: 10,000 rows cost about 40 ms a query, where a flat SELECT reads the 50 rows
     * of a page from the index {@code attempt_listed} in under 1 ms.
     */
    Map<String, String> ATTEMPTS = Map.ofEntries(
            Map.entry("invitation_id", "i.id"),
            Map.entry("attempt_id", "a.id"),
            Map.entry("name", "coalesce(a.candidate_name, i.candidate_name)"),
            Map.entry("email", "coalesce(i.email, '')"),
            Map.entry("quiz_id", "coalesce(i.quiz_id, a.quiz_id)"),
            Map.entry("quiz_title", "a.quiz_title"),
            Map.entry("mode", "a.mode"),
            Map.entry("status", "case when a.status = 'IN_PROGRESS' then 'started' when a.status = 'EXPIRED' then 'expired'"
                    + " else 'submitted' end"),
            Map.entry("score", "a.score"),
            Map.entry("max_score", "a.max_score"),
            Map.entry("pass_mark", "a.pass_mark"),
            Map.entry("pending", "a.pending"),
            Map.entry("pending_points", "a.pending_points"),
            Map.entry("started_at", "a.started_at"),
            Map.entry("finished_at", "a.finished_at"),
            Map.entry("invited_at", "i.created_at"),
            Map.entry("expires_at", "i.expires_at"),
            Map.entry("revoked_at", "i.revoked_at"),
            Map.entry("listed_at", "a.started_at"),
            Map.entry("row_key", "a.id"),
            Map.entry("signals", "cast(" + SIGNAL_COUNT + " as int)"));

    /** The same columns for an invitation no candidate has used yet (typed nulls: PostgreSQL sorts by them). */
    Map<String, String> INVITATIONS = Map.ofEntries(
            Map.entry("invitation_id", "i.id"),
            Map.entry("attempt_id", "cast(null as varchar(64))"),
            Map.entry("name", "i.candidate_name"),
            Map.entry("email", "i.email"),
            Map.entry("quiz_id", "i.quiz_id"),
            Map.entry("quiz_title", "cast(null as varchar(500))"),
            Map.entry("mode", "cast(null as varchar(16))"),
            Map.entry("status", "case when i.revoked_at is not null then 'revoked' when i.expires_at <= :now"
                    + " then 'invitation expired' else 'invited' end"),
            Map.entry("score", "cast(null as double precision)"),
            Map.entry("max_score", "cast(null as double precision)"),
            Map.entry("pass_mark", "cast(null as integer)"),
            Map.entry("pending", "cast(null as integer)"),
            Map.entry("pending_points", "cast(null as double precision)"),
            Map.entry("started_at", "cast(null as bigint)"),
            Map.entry("finished_at", "cast(null as bigint)"),
            Map.entry("invited_at", "i.created_at"),
            Map.entry("expires_at", "i.expires_at"),
            Map.entry("revoked_at", "i.revoked_at"),
            Map.entry("listed_at", "i.created_at"),
            Map.entry("row_key", "i.id"),
            Map.entry("signals", "cast(0 as int)")); // a bare 0 in ORDER BY would mean "column 0"

    String FROM_ATTEMPTS = "from attempt a left join invitation i on i.attempt_id = a.id"
            + " where (i.id is not null or (a.invitation_id is null and a.trial = false)) and ";
    String FROM_INVITATIONS = "from invitation i where i.attempt_id is null and ";

    java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\w+)}");

    /**
     * {@code template} with each {@code {column}} replaced by its expression in {@code columns}. Each expression is
     * one term (a column, a call, a CASE), so it needs no parentheses.
     */
    static String render(String template, Map<String, String> columns) {
        var m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String expression = columns.get(m.group(1));
            if (expression == null) {
                throw new IllegalArgumentException("no dashboard column " + m.group(1));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(expression));
        }
        return m.appendTail(out).toString();
    }

    /** The SELECT of one branch, its columns in the order of {@code names}. */
    private static String select(Map<String, String> columns, List<String> names, boolean signals, String from, String where) {
        var list = names.stream().map(n -> ("signals".equals(n) && !signals ? "cast(0 as int)" : columns.get(n)) + " as " + n)
                .collect(java.util.stream.Collectors.joining(", "));
        return "select " + list + " " + from + render(where, columns);
    }

    List<String> COLUMNS = List.of("invitation_id", "attempt_id", "name", "email", "quiz_id", "quiz_title", "mode", "status",
            "score", "max_score", "pass_mark", "pending", "pending_points", "started_at", "finished_at", "invited_at",
            "expires_at", "revoked_at", "listed_at", "row_key", "signals");

    /** The columns as the merged page names them: the outer sort reads the branches' output. */
    Map<String, String> MERGED = COLUMNS.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c, c -> c));

    /** How many rows match, on all pages. */
    default long count(Listing listing, List<String> titled) {
        String where = listing.where();
        String sql = "select (select count(*) " + FROM_ATTEMPTS + render(where, ATTEMPTS) + ")"
                + " + (select count(*) " + FROM_INVITATIONS + render(where, INVITATIONS) + ")";
        return bound(getHandle().createQuery(sql), listing, titled).mapTo(Long.class).one();
    }

    /**
     * One page in the order {@code order} (a sort over {@code {column}} placeholders, see {@code Reviews}): each
     * branch sorts and keeps its first {@code offset + limit} rows, then those are merged. Signals are counted
     * only when {@code signals} (sorting by them, or the CSV), else 0 (see {@link #signalTotals}). The limits are
     * written into the SQL as numbers: bound as parameters, H2 2.5 returned no rows for a page past the first
     * (both limits and a sort on several columns over the union).
     */
    default List<DashboardRow> page(Listing listing, List<String> titled, String order, boolean signals, long limit, long offset) {
        String where = listing.where();
        String sql = "select * from ((" + select(ATTEMPTS, COLUMNS, signals, FROM_ATTEMPTS, where)
                + " order by " + render(order, ATTEMPTS) + " limit " + (offset + limit) + ")"
                + " union all (" + select(INVITATIONS, COLUMNS, signals, FROM_INVITATIONS, where)
                + " order by " + render(order, INVITATIONS) + " limit " + (offset + limit) + ")) listed"
                + " order by " + render(order, MERGED)
                + " limit " + limit + " offset " + offset;
        return bound(getHandle().createQuery(sql), listing, titled).mapTo(DashboardRow.class).list();
    }

    private static org.jdbi.v3.core.statement.Query bound(org.jdbi.v3.core.statement.Query query, Listing listing, List<String> titled) {
        query.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true); // filters not in use
        return query.bindMethods(listing)
                .bindList(org.jdbi.v3.core.statement.EmptyHandling.NULL_KEYWORD, "titled", titled);
    }

    /**
     * The dashboard's filters: {@code quiz} and {@code status} ('' for any), {@code practice} (whether practice
     * attempts are listed), {@code fromAt} and {@code toAt} (epoch ms, the extremes of a long for none),
     * {@code pattern} ('' or a lower-case LIKE pattern escaped with '!'). {@code now} decides which invitations
     * have expired.
     */
    record Listing(long now, String quiz, String status, boolean practice, long fromAt, long toAt, String pattern) {

        /**
         * The conditions of the filters in use, over {@code {column}} placeholders; only those, because H2 does not
         * fold {@code :quiz = ''} away and would test every one on every row. The search also matches the quizzes of
         * unused invitations by their catalog titles (bound as {@code titled}).
         */
        String where() {
            var conditions = new java.util.ArrayList<String>();
            conditions.add("1 = 1");
            if (!quiz.isEmpty()) {
                conditions.add("{quiz_id} = :quiz");
            }
            if (!status.isEmpty()) {
                conditions.add("{status} = :status");
            }
            if (!practice) {
                conditions.add("({mode} is null or {mode} <> 'PRACTICE')");
            }
            if (fromAt != Long.MIN_VALUE) {
                conditions.add("{listed_at} >= :fromAt");
            }
            if (toAt != Long.MAX_VALUE) {
                conditions.add("{listed_at} < :toAt");
            }
            if (!pattern.isEmpty()) {
                conditions.add("(lower({name}) like :pattern escape '!' or lower({email}) like :pattern escape '!'"
                        + " or lower({quiz_title}) like :pattern escape '!' or ({attempt_id} is null and {quiz_id} in (<titled>)))");
            }
            return String.join(" and ", conditions);
        }
    }

    record AreaRow(String attemptId, String area, Double score, double max, double pending) {
    }

    @SqlQuery("""
        select q.attempt_id, q.area, sum(a.points) as score, sum(q.points) as max,
               sum(case when a.outcome = 'PENDING' then q.points else 0 end) as pending
        from attempt_question q join answer a on a.attempt_id = q.attempt_id and a.slot = q.slot
        where q.attempt_id in (<ids>)
        group by q.attempt_id, q.area order by q.area""")
    List<AreaRow> areas(@BindList("ids") List<String> attemptIds);

    record Note(String attemptId, String note, Integer rating, String updatedBy, long updatedAt) {
    }

    @SqlQuery("select * from candidate_note where attempt_id = :id")
    Optional<Note> note(@Bind("id") String attemptId);

    @SqlUpdate("update candidate_note set note = :note, rating = :rating, updated_by = :by, updated_at = :at where attempt_id = :id")
    int updateNote(@Bind("id") String attemptId, @Bind("note") String note, @Bind("rating") Integer rating,
                   @Bind("by") String by, @Bind("at") long at);

    @SqlUpdate("insert into candidate_note (attempt_id, note, rating, updated_by, updated_at) values (:id, :note, :rating, :by, :at)")
    void insertNote(@Bind("id") String attemptId, @Bind("note") String note, @Bind("rating") Integer rating,
                    @Bind("by") String by, @Bind("at") long at);

    @SqlQuery("select id from attempt where quiz_id = :quiz and status <> 'IN_PROGRESS' and trial = false order by started_at")
    List<String> finishedAttempts(@Bind("quiz") String quizId);
}
