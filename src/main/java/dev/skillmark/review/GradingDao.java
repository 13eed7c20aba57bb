package dev.skillmark.review;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(GradingDao.Pending.class)
@RegisterConstructorMapper(GradingDao.AnswerTo.class)
interface GradingDao {

    /** An answer waiting for a person's grade, in a finished attempt that counts (no trials, no practice). */
    record Pending(String attemptId, int slot, String candidateName, String quizId, String quizTitle, long finishedAt,
                   String questionId, String promptHtml, int points) {
    }

    String PENDING = """
        select a.id as attempt_id, n.slot, a.candidate_name, a.quiz_id, a.quiz_title, a.finished_at,
               q.question_id, s.prompt_html, q.points
        from answer n
        join attempt a on a.id = n.attempt_id
        join attempt_question q on q.attempt_id = n.attempt_id and q.slot = n.slot
        join question_snapshot s on s.snapshot_hash = q.snapshot_hash
        where n.outcome = 'PENDING' and a.status <> 'IN_PROGRESS' and a.trial = false and a.mode <> 'PRACTICE'
        """;

    /** Oldest finished attempt first, then its questions in order. */
    @SqlQuery(PENDING + " order by a.finished_at, a.id, n.slot")
    List<Pending> pending();

    @SqlQuery("""
        select count(*) from answer n join attempt a on a.id = n.attempt_id
        where n.outcome = 'PENDING' and a.status <> 'IN_PROGRESS' and a.trial = false and a.mode <> 'PRACTICE'""")
    int count();

    /** One question's answers across every finished attempt of a quiz, oldest attempt first. */
    record AnswerTo(String attemptId, int slot, String candidateName, int pending, long finishedAt) {
    }

    @SqlQuery("""
        select a.id as attempt_id, q.slot, a.candidate_name, a.pending, a.finished_at
        from attempt a join attempt_question q on q.attempt_id = a.id
        where a.quiz_id = :quiz and q.question_id = :question and a.status <> 'IN_PROGRESS' and a.trial = false
        order by a.finished_at, a.id""")
    List<AnswerTo> answersTo(@Bind("quiz") String quizId, @Bind("question") String questionId);

    /** A quiz's finished attempts in the order blind grading numbers them: Candidate 1 finished first. */
    @SqlQuery("""
        select id from attempt where quiz_id = :quiz and status <> 'IN_PROGRESS' and trial = false
        order by finished_at, id""")
    List<String> finishedInOrder(@Bind("quiz") String quizId);
}
