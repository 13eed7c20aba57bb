package dev.skillmark.review;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
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
interface ReviewDao {

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

    /** The signal count of the attempt of the enclosing row {@code listed}. */
    String SIGNAL_COUNT = "(select count(*) from attempt_event e where e.attempt_id = listed.attempt_id and e.type in "
            + SIGNAL_TYPES + ")";

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
     * Every invitation (with its attempt once started) and every attempt taken without one, as the dashboard
     * lists them, narrowed by its filters; paged and counted by the two queries below. Parameters: {@code now},
     * {@code quiz} and {@code status} ('' for any), {@code practice}, {@code fromAt} and {@code toAt} (epoch ms),
     * {@code pattern} ('' or a lower-case LIKE pattern escaped with '!') and {@code titled} (the ids of the quizzes
     * whose catalog title matches, for invitations not yet used).
     */
    String LISTED = """
        select * from (
            select i.id as invitation_id, a.id as attempt_id, coalesce(a.candidate_name, i.candidate_name) as name, i.email,
                   i.quiz_id, a.quiz_title, a.mode,
                   case when a.id is null then
                            case when i.revoked_at is not null then 'revoked'
                                 when i.expires_at <= :now then 'invitation expired' else 'invited' end
                        when a.status = 'IN_PROGRESS' then 'started' when a.status = 'EXPIRED' then 'expired'
                        else 'submitted' end as status,
                   a.score, a.max_score, a.pass_mark, a.pending, a.pending_points, a.started_at, a.finished_at,
                   i.created_at as invited_at, i.expires_at, i.revoked_at,
                   coalesce(a.started_at, i.created_at) as listed_at, coalesce(a.id, i.id) as row_key
            from invitation i
            left join attempt a on a.id = i.attempt_id
            union all
            select null, a.id, a.candidate_name, '', a.quiz_id, a.quiz_title, a.mode,
                   case when a.status = 'IN_PROGRESS' then 'started' when a.status = 'EXPIRED' then 'expired'
                        else 'submitted' end,
                   a.score, a.max_score, a.pass_mark, a.pending, a.pending_points, a.started_at, a.finished_at,
                   null, null, null, a.started_at, a.id
            from attempt a
            where a.invitation_id is null and a.trial = false) listed
        where (:quiz = '' or quiz_id = :quiz)
          and (:status = '' or status = :status)
          and (:practice or mode is null or mode <> 'PRACTICE')
          and listed_at >= :fromAt and listed_at < :toAt
          and (:pattern = '' or lower(name) like :pattern escape '!' or lower(email) like :pattern escape '!'
               or lower(quiz_title) like :pattern escape '!' or (attempt_id is null and quiz_id in (<titled>)))""";

    @SqlQuery("select count(*) from (" + LISTED + ") counted")
    long count(@BindMethods Listing listing, @BindList(value = "titled", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> titled);

    /** A row of a page with the number of rows on all pages: one scan gives both. */
    record PageRow(@Nested DashboardRow row, long total) {
    }

    /** One page in the order {@code order} (a whitelisted ORDER BY list); signals are 0 here, see {@link #signalTotals}. */
    @RegisterConstructorMapper(PageRow.class)
    @SqlQuery("select listed.*, 0 as signals, count(*) over () as total from (" + LISTED + ") listed"
            + " order by <order> limit :limit offset :offset")
    List<PageRow> page(@BindMethods Listing listing, @BindList(value = "titled", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> titled,
                       @Define("order") String order, @Bind("limit") long limit, @Bind("offset") long offset);

    /** The same with the rows' signals, for sorting by signals and for the CSV of every page. */
    @RegisterConstructorMapper(PageRow.class)
    @SqlQuery("select counted.*, count(*) over () as total from (select listed.*, cast(" + SIGNAL_COUNT + " as int) as signals"
            + " from (" + LISTED + ") listed) counted order by <order> limit :limit offset :offset")
    List<PageRow> pageWithSignals(@BindMethods Listing listing,
                                  @BindList(value = "titled", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> titled,
                                  @Define("order") String order, @Bind("limit") long limit, @Bind("offset") long offset);

    /** The bound values of {@link #LISTED}. */
    record Listing(long now, String quiz, String status, boolean practice, long fromAt, long toAt, String pattern) {
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
