package dev.skillmark.review;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard in SQL: filtering, sorting and paging happen in the database (portable to PostgreSQL),
 * so a page costs the same with 20 candidates or 20,000. {@code where} and {@code order} are built by
 * {@link Dashboard} from fixed fragments only; every value is a bound parameter.
 */
@RegisterConstructorMapper(ReviewDao.DashboardRow.class)
@RegisterConstructorMapper(DashboardDao.StatusCount.class)
@RegisterConstructorMapper(DashboardDao.SignalRow.class)
interface DashboardDao {

    /** Every invitation (with its attempt, if any) and every attempt started without one; status as people read it. */
    String ROWS = """
        (select i.id as invitation_id, a.id as attempt_id, coalesce(a.candidate_name, i.candidate_name) as name,
                i.quiz_id, a.quiz_title, a.mode, a.status, a.score, a.max_score, a.pass_mark, a.pending, a.pending_points,
                a.started_at, a.finished_at, i.created_at as invited_at, i.expires_at, i.revoked_at,
                case when a.id is null then
                       case when i.revoked_at is not null then 'revoked' when i.expires_at <= :now then 'invitation expired'
                            else 'invited' end
                     when a.status = 'IN_PROGRESS' then 'started' when a.status = 'EXPIRED' then 'expired'
                     else 'submitted' end as shown,
                coalesce(a.started_at, i.created_at) as at_ms
         from invitation i left join attempt a on a.id = i.attempt_id
         union all
         select null, a.id, a.candidate_name, a.quiz_id, a.quiz_title, a.mode, a.status, a.score, a.max_score, a.pass_mark,
                a.pending, a.pending_points, a.started_at, a.finished_at, null, null, null,
                case when a.status = 'IN_PROGRESS' then 'started' when a.status = 'EXPIRED' then 'expired'
                     else 'submitted' end,
                a.started_at
         from attempt a where a.invitation_id is null and a.trial = false) r""";

    /** Joined only when sorting by signals: the one definition of the count, for every row at once. */
    String SIGNAL_TOTALS = """
        left join (select attempt_id, count(*) as n from attempt_event
                   where type in ('FOCUS_LOST', 'PASTE', 'CLIENT_CHANGED') group by attempt_id) s on s.attempt_id = r.attempt_id
        left join (select attempt_id, count(*) as n from
                     (select attempt_id, at / 10000 as stretch from attempt_event where type = 'SAVED'
                      group by attempt_id, at / 10000 having count(distinct slot) >= 4) bursts
                   group by attempt_id) b on b.attempt_id = r.attempt_id""";

    @SqlQuery("select r.invitation_id, r.attempt_id, r.name, r.quiz_id, r.quiz_title, r.mode, r.status, r.score, r.max_score,"
            + " r.pass_mark, r.pending, r.pending_points, r.started_at, r.finished_at, r.invited_at, r.expires_at, r.revoked_at,"
            + " r.shown from " + ROWS + " " + " <joins> <where> order by <order> limit :limit offset :offset")
    @AllowUnusedBindings
    List<ReviewDao.DashboardRow> page(@Define("joins") String joins, @Define("where") String where, @Define("order") String order,
                                      @Bind("now") long now, @Bind("quiz") String quiz, @Bind("status") String status,
                                      @Bind("search") String search, @Bind("from") long from, @Bind("to") long to,
                                      @Bind("limit") int limit, @Bind("offset") long offset);

    record StatusCount(String shown, long n) {
    }

    /** How many rows match, per status; the status filter itself is left out, so the counts say what each choice would show. */
    @SqlQuery("select r.shown, count(*) as n from " + ROWS + " <where> group by r.shown")
    @AllowUnusedBindings
    List<StatusCount> counts(@Define("where") String where, @Bind("now") long now, @Bind("quiz") String quiz,
                             @Bind("status") String status, @Bind("search") String search, @Bind("from") long from,
                             @Bind("to") long to);

    record SignalRow(String attemptId, int focusLost, int pastes, int clientChanges, int bursts) {
    }

    /**
     * The signal counts of these attempts, the one definition every page and export uses: lost focus,
     * pastes and changes of address or browser are events; a burst is a 10-second stretch of the clock
     * in which answers to 4 or more different questions were saved.
     */
    @SqlQuery("""
        select c.attempt_id, sum(c.focus_lost) as focus_lost, sum(c.pastes) as pastes,
               sum(c.client_changes) as client_changes, sum(c.bursts) as bursts
        from (select attempt_id, case when type = 'FOCUS_LOST' then 1 else 0 end as focus_lost,
                     case when type = 'PASTE' then 1 else 0 end as pastes,
                     case when type = 'CLIENT_CHANGED' then 1 else 0 end as client_changes, 0 as bursts
              from attempt_event where attempt_id in (<ids>) and type in ('FOCUS_LOST', 'PASTE', 'CLIENT_CHANGED')
              union all
              select attempt_id, 0, 0, 0, 1 from attempt_event where attempt_id in (<ids>) and type = 'SAVED'
              group by attempt_id, at / 10000 having count(distinct slot) >= 4) c
        group by c.attempt_id""")
    List<SignalRow> signals(@BindList("ids") List<String> attemptIds);
}
