package dev.skillmark.account;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only record of who did what and when: sign-ins, role changes, invitations, grades, exports. */
public final class Audit {

    public record Entry(long id, long at, String actor, String action, String target, String detail) {
    }

    @RegisterConstructorMapper(Entry.class)
    interface Dao {
        @SqlUpdate("insert into audit_event (at, actor, action, target, detail) values (:at, :actor, :action, :target, :detail)")
        void insert(@Bind("at") long at, @Bind("actor") String actor, @Bind("action") String action,
                    @Bind("target") String target, @Bind("detail") String detail);

        @SqlQuery("select * from audit_event order by id desc limit :limit")
        List<Entry> recent(@Bind("limit") int limit);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Audit(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbi.useExtension(Dao.class, dao -> dao.insert(clock.millis(), actor, action, target,
                detail.length() > 2000 ? detail.substring(0, 2000) : detail));
    }

    public List<Entry> recent(int limit) {
        return jdbi.withExtension(Dao.class, dao -> dao.recent(limit));
    }
}
