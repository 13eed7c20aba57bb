package dev.skillmark.review;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(ReportDao.Finished.class)
@RegisterConstructorMapper(ReportDao.QuizCount.class)
interface ReportDao {

    /** A finished attempt of a quiz, as the quiz report ranks it. */
    record Finished(String id, String candidateName, double score, double maxScore, double pendingPoints, int passMark,
                    String mode, long finishedAt) {
    }

    @SqlQuery("""
        select id, candidate_name, coalesce(score, 0) as score, max_score, pending_points, pass_mark, mode, finished_at
        from attempt where quiz_id = :quiz and status <> 'IN_PROGRESS' and trial = false
        order by finished_at, id""")
    List<Finished> finished(@Bind("quiz") String quizId);

    record QuizCount(String quizId, String quizTitle, int attempts) {
    }

    @SqlQuery("""
        select quiz_id, max(quiz_title) as quiz_title, count(*) as attempts
        from attempt where status <> 'IN_PROGRESS' and trial = false and mode <> 'PRACTICE'
        group by quiz_id order by quiz_id""")
    List<QuizCount> quizzes();
}
