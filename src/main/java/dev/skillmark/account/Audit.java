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

    /** The log's filters: who, which action (or its family, like "invitation."), words in target or detail, days in UTC. */
    public record Filter(String actor, String action, String text, Long fromMillis, Long toMillis) {
    }

    /** One page of entries, newest first, and how many match in all. */
    public record Page(List<Entry> entries, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public long first() {
            return total == 0 ? 0 : (long) (page - 1) * size + 1;
        }

        public long last() {
            return Math.min(total, (long) page * size);
        }
    }

    @RegisterConstructorMapper(Entry.class)
    interface Dao {
        @SqlUpdate("insert into audit_event (at, actor, action, target, detail) values (:at, :actor, :action, :target, :detail)")
        void insert(@Bind("at") long at, @Bind("actor") String actor, @Bind("action") String action,
                    @Bind("target") String target, @Bind("detail") String detail);

        @SqlQuery("select * from audit_event order by id desc limit :limit")
        List<Entry> recent(@Bind("limit") int limit);

        String WHERE = """
            where (:actor = '' or actor = :actor) and (:action = '' or action like :action escape '!')
              and (:text = '' or lower(target) like :text escape '!' or lower(detail) like :text escape '!')
              and at >= :from and at < :to""";

        @SqlQuery("select * from audit_event " + WHERE + " order by id desc limit :limit offset :offset")
        List<Entry> page(@Bind("actor") String actor, @Bind("action") String action, @Bind("text") String text,
                         @Bind("from") long from, @Bind("to") long to, @Bind("limit") int limit, @Bind("offset") long offset);

        @SqlQuery("select count(*) from audit_event " + WHERE)
        long count(@Bind("actor") String actor, @Bind("action") String action, @Bind("text") String text,
                   @Bind("from") long from, @Bind("to") long to);

        @SqlQuery("select distinct actor from audit_event order by actor")
        List<String> actors();
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

    /** Page {@code page} (from 1); a page past the end shows the last one. Filtering and paging happen in SQL. */
    public Page search(Filter f, int page, int size) {
        String actor = f.actor() == null ? "" : f.actor().strip();
        String action = f.action() == null || f.action().isBlank() ? "" : like(f.action().strip()) + (f.action().strip().endsWith(".") ? "%" : "");
        String text = f.text() == null || f.text().isBlank() ? "" : "%" + like(f.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        long from = f.fromMillis() == null ? Long.MIN_VALUE : f.fromMillis();
        long to = f.toMillis() == null ? Long.MAX_VALUE : f.toMillis();
        return jdbi.withExtension(Dao.class, dao -> {
            long total = dao.count(actor, action, text, from, to);
            int last = (int) Math.max(1, (total + size - 1) / size);
            int shown = Math.max(1, Math.min(page, last));
            return new Page(dao.page(actor, action, text, from, to, size, (long) (shown - 1) * size), total, shown, size);
        });
    }

    public List<String> actors() {
        return jdbi.withExtension(Dao.class, Dao::actors);
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public List<Entry> recent(int limit) {
        return jdbi.withExtension(Dao.class, dao -> dao.recent(limit));
    }
}
