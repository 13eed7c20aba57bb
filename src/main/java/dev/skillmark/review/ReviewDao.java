package dev.skillmark.review;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ReviewDao.DashboardRow.class)
@RegisterConstructorMapper(ReviewDao.AreaRow.class)
@RegisterConstructorMapper(ReviewDao.Note.class)
interface ReviewDao {

    /** One invitation and/or attempt; every column an interviewer filters or sorts by. */
    record DashboardRow(String invitationId, String attemptId, String name, String quizId, String quizTitle, String mode,
                        String status, Double score, Double maxScore, Integer passMark, Integer pending, Double pendingPoints, Long startedAt,
                        Long finishedAt, Long invitedAt, Long expiresAt, Long revokedAt, int signals) {
    }

    /**
     * The one definition of an attempt's integrity signals, by kind: lost focus, pastes, changes of network
     * address or browser, and bursts (a 10-second stretch, counted from the epoch, in which at least four
     * different questions were saved). The dashboard, its CSV and the attempt page all count with it.
     */
    String SIGNAL_KINDS = """
        select attempt_id, 'FOCUS_LOST' as kind, count(*) as n from attempt_event where type = 'FOCUS_LOST' group by attempt_id
        union all
        select attempt_id, 'PASTE', count(*) from attempt_event where type = 'PASTE' group by attempt_id
        union all
        select attempt_id, 'CLIENT_CHANGED', count(*) from attempt_event where type = 'CLIENT_CHANGED' group by attempt_id
        union all
        select attempt_id, 'BURST', count(*) from (
            select attempt_id, at / 10000 as stretch from attempt_event where type = 'SAVED'
            group by attempt_id, at / 10000 having count(distinct slot) >= 4) bursts
        group by attempt_id""";

    String SIGNALS = "(select attempt_id, cast(sum(n) as int) as signals from (" + SIGNAL_KINDS
            + ") kinds group by attempt_id) s";

    record SignalCount(String kind, int n) {
    }

    @RegisterConstructorMapper(SignalCount.class)
    @SqlQuery("select kind, cast(n as int) as n from (" + SIGNAL_KINDS + ") kinds where attempt_id = :attempt")
    List<SignalCount> signals(@Bind("attempt") String attemptId);

    @SqlQuery("""
        select i.id as invitation_id, a.id as attempt_id, coalesce(a.candidate_name, i.candidate_name) as name,
               i.quiz_id, a.quiz_title, a.mode, a.status, a.score, a.max_score, a.pass_mark, a.pending, a.pending_points, a.started_at,
               a.finished_at, i.created_at as invited_at, i.expires_at, i.revoked_at, coalesce(s.signals, 0) as signals
        from invitation i
        left join attempt a on a.id = i.attempt_id
        left join """ + SIGNALS + """
         on s.attempt_id = a.id
        union all
        select null, a.id, a.candidate_name, a.quiz_id, a.quiz_title, a.mode, a.status, a.score, a.max_score,
               a.pass_mark, a.pending, a.pending_points, a.started_at, a.finished_at, null, null, null, coalesce(s.signals, 0)
        from attempt a
        left join """ + SIGNALS + """
         on s.attempt_id = a.id
        where a.invitation_id is null and a.trial = false""")
    List<DashboardRow> dashboard();

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
