package dev.skillmark.review;

import dev.skillmark.account.Audit;
import dev.skillmark.account.User;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Blind grading as each grader's own setting, kept in the database: once on, every grading page hides the names
 * of candidates with grades to come, in every tab, on every instance and after the next sign-in, until the grader
 * turns it off. A link cannot switch it off by leaving out a parameter.
 */
public final class GradingPreferences {

    interface Dao {
        @SqlQuery("select blind from grading_preference where username = :username")
        Optional<Boolean> blind(@Bind("username") String username);

        @SqlUpdate("update grading_preference set blind = :blind where username = :username")
        int update(@Bind("username") String username, @Bind("blind") boolean blind);

        @SqlUpdate("insert into grading_preference (username, blind) values (:username, :blind)")
        void insert(@Bind("username") String username, @Bind("blind") boolean blind);
    }

    private final Jdbi jdbi;
    private final Audit audit;

    public GradingPreferences(Jdbi jdbi, Audit audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public boolean blind(User grader) {
        return jdbi.withExtension(Dao.class, dao -> dao.blind(grader.username())).orElse(false);
    }

    public void setBlind(User grader, boolean blind) {
        jdbi.useTransaction(h -> {
            var dao = h.attach(Dao.class);
            if (dao.update(grader.username(), blind) == 0) {
                dao.insert(grader.username(), blind);
            }
        });
        audit.record(grader.username(), "grading.blind", grader.username(), blind ? "on" : "off");
    }
}
