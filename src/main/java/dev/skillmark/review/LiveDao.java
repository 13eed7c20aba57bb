package dev.skillmark.review;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(LiveDao.Open.class)
interface LiveDao {

    /** An attempt in progress with its latest event and latest save (either may be the last activity). */
    record Open(String id, String candidateName, String quizTitle, long startedAt, Long deadlineAt, Long lastEvent, Long lastSave,
                int answered, int questions) {
    }

    @SqlQuery("""
        select a.id, a.candidate_name, a.quiz_title, a.started_at, a.deadline_at,
               (select max(e.at) from attempt_event e where e.attempt_id = a.id) as last_event,
               (select max(n.saved_at) from answer n where n.attempt_id = a.id) as last_save,
               (select count(*) from answer n where n.attempt_id = a.id and n.response <> '') as answered,
               (select count(*) from attempt_question q where q.attempt_id = a.id) as questions
        from attempt a where a.status = 'IN_PROGRESS' and a.trial = false
        order by a.started_at, a.id""")
    List<Open> open();
}
