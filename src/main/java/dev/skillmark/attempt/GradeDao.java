package dev.skillmark.attempt;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The grades of an attempt's answers, the grade history, and the attempt's score that follows from them. */
@RegisterConstructorMapper(GradeChange.class)
interface GradeDao {

    @SqlUpdate("""
        update answer set outcome = :outcome, fraction = :fraction, points = :points, graded_by = :gradedBy
        where attempt_id = :attemptId and slot = :slot""")
    int setGrade(@Bind("attemptId") String attemptId, @Bind("slot") int slot, @Bind("outcome") String outcome,
                 @Bind("fraction") double fraction, @Bind("points") Double points, @Bind("gradedBy") String gradedBy);

    @SqlUpdate("""
        insert into grade_change (attempt_id, slot, kind, old_points, new_points, comment, graded_by, at, rubric_ticks)
        values (:attemptId, :slot, :kind, :oldPoints, :newPoints, :comment, :gradedBy, :at, :ticks)""")
    void insertChange(@Bind("attemptId") String attemptId, @Bind("slot") int slot, @Bind("kind") GradeChange.Kind kind,
                      @Bind("oldPoints") Double oldPoints, @Bind("newPoints") double newPoints,
                      @Bind("comment") String comment, @Bind("gradedBy") String gradedBy, @Bind("at") long at,
                      @Bind("ticks") String ticks);

    @SqlQuery("select * from grade_change where attempt_id = :id order by id")
    List<GradeChange> changes(@Bind("id") String attemptId);

    /** The attempt's score, pending count and pending points follow from its answers, never the other way round. */
    @SqlUpdate("""
        update attempt set
            score = (select coalesce(sum(points), 0) from answer where attempt_id = :id),
            pending = (select count(*) from answer where attempt_id = :id and outcome = 'PENDING'),
            pending_points = (select coalesce(sum(q.points), 0) from attempt_question q
                              join answer a on a.attempt_id = q.attempt_id and a.slot = q.slot
                              where q.attempt_id = :id and a.outcome = 'PENDING')
        where id = :id""")
    void rescore(@Bind("id") String attemptId);
}
