package dev.skillmark.account;

import java.time.Clock;
import dev.skillmark.web.DayRange;
import dev.skillmark.web.Paging;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
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

        /** The entries a filter matches: {@code actor} and {@code action} '' for any, {@code pattern} '' or a LIKE pattern. */
        String MATCHING = """
            from audit_event
            where (:actor = '' or actor = :actor) and (:action = '' or action = :action)
              and at >= :fromAt and at < :toAt
              and (:pattern = '' or lower(actor) like :pattern escape '!' or lower(action) like :pattern escape '!'
                   or lower(target) like :pattern escape '!' or lower(detail) like :pattern escape '!')""";

        @SqlQuery("select count(*) " + MATCHING)
        long count(@BindMethods Matching matching);

        @SqlQuery("select * " + MATCHING + " order by at desc, id desc limit :limit offset :offset")
        List<Entry> page(@BindMethods Matching matching, @Bind("limit") int limit, @Bind("offset") long offset);

        @SqlQuery("select distinct actor from audit_event order by actor")
        List<String> actors();

        @SqlQuery("select distinct action from audit_event order by action")
        List<String> actions();
    }

    /** The bound values of {@link Dao#MATCHING}. */
    public record Matching(String actor, String action, long fromAt, long toAt, String pattern) {
    }

    /** The audit log's filters: who, which action ('' for any), free text over every column, and a range of days. */
    public record Filter(String actor, String action, String search, DayRange days) {
        public Filter {
            actor = actor == null ? "" : actor.strip();
            action = action == null ? "" : action.strip();
            search = search == null ? "" : search.strip();
        }
    }

    /** A page of the audit log, newest first, with where it is in the filtered log and what the filters offer. */
    public record Listing(List<Entry> entries, Paging paging, List<String> actors, List<String> actions) {
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

    /** One page of the entries the filter matches, newest first; page and size are clamped (see {@link Paging}). */
    public Listing search(Filter filter, String pageText, String sizeText) {
        var matching = new Matching(filter.actor(), filter.action(), filter.days().fromMillis(), filter.days().toMillis(),
                likePattern(filter.search()));
        return jdbi.withHandle(h -> {
            var dao = h.attach(Dao.class);
            var paging = Paging.of(pageText, sizeText, dao.count(matching));
            return new Listing(dao.page(matching, paging.size(), paging.offset()), paging, dao.actors(), dao.actions());
        });
    }

    /** '' for no search, else a lower-case LIKE pattern with its wildcards escaped by '!'. */
    private static String likePattern(String search) {
        if (search.isEmpty()) {
            return "";
        }
        return "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
