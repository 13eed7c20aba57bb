package dev.skillmark.review;

import dev.skillmark.quiz.Score;
import dev.skillmark.web.SkillmarkException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The candidates list: filtered, sorted and paged by the database; counts per status; one signal definition. */
public final class Dashboard {

    /** The dashboard's filters and sort, straight from the query string. */
    public record Filter(String quiz, String status, String from, String to, String search, String sort, boolean descending,
                         boolean includePractice, String zone) {
        /** The viewer's time zone, which the page script fills in; UTC without JavaScript or when unknown. */
        public java.time.ZoneId zoneId() {
            try {
                return zone == null || zone.isBlank() ? ZoneOffset.UTC : java.time.ZoneId.of(zone.strip());
            } catch (java.time.DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
    }

    /** A dashboard row with its status as people read it, its score (none before the attempt is finalised) and signals. */
    public record Row(ReviewDao.DashboardRow data, String status, Optional<Score> score, Optional<Boolean> passed,
                      Reviews.Signals signals, String quizTitle) {
        public boolean pendingGrades() {
            return data.pending() != null && data.pending() > 0;
        }
    }

    /** One page of rows, how many match in all, and how many of those have each status. */
    public record Page(List<Row> rows, long total, int page, int size, Map<String, Long> byStatus) {
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

    public static final List<String> STATUSES = List.of("invited", "started", "submitted", "expired", "revoked",
            "invitation expired");
    public static final List<String> SORTS = List.of("name", "quiz", "status", "score", "pending", "taken", "signals", "date");
    private static final Map<String, String> ORDER = Map.of(
            "name", "lower(r.name) %s",
            "quiz", "r.quiz_id %s, lower(r.name) %1$s",
            "status", "r.shown %s, lower(r.name) %1$s",
            "score", "case when r.max_score is null or r.max_score = 0 then -1 else r.score / r.max_score end %s, lower(r.name) %1$s",
            "pending", "coalesce(r.pending, 0) %s, lower(r.name) %1$s",
            "taken", "case when r.finished_at is null or r.started_at is null then -1 else r.finished_at - r.started_at end %s,"
                    + " lower(r.name) %1$s",
            "signals", "coalesce(s.n, 0) + coalesce(b.n, 0) %s, lower(r.name) %1$s",
            "date", "r.at_ms %s, lower(r.name) %1$s");

    private final Jdbi jdbi;
    private final Reviews reviews;
    private final dev.skillmark.content.Content content;
    private final Clock clock;

    public Dashboard(Jdbi jdbi, Reviews reviews, dev.skillmark.content.Content content, Clock clock) {
        this.jdbi = jdbi;
        this.reviews = reviews;
        this.content = content;
        this.clock = clock;
    }

    /** Page {@code page} (from 1) of {@code size} rows; a page past the end shows the last one. */
    public Page page(Filter filter, int page, int size) {
        var q = query(filter);
        var counts = jdbi.withExtension(DashboardDao.class, dao -> dao.counts(q.where(false), q.now, q.quiz, q.status, q.search,
                q.from, q.to));
        var byStatus = new LinkedHashMap<String, Long>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        counts.forEach(c -> byStatus.put(c.shown(), c.n()));
        long total = filter.status() == null || filter.status().isBlank() ? byStatus.values().stream().mapToLong(Long::longValue).sum()
                : byStatus.getOrDefault(filter.status(), 0L);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        return new Page(rows(q, filter, size, (long) (shown - 1) * size), total, shown, size, byStatus);
    }

    /** Every matching row, in the page's order: what the CSV export holds. */
    public List<Row> all(Filter filter) {
        return rows(query(filter), filter, Integer.MAX_VALUE, 0);
    }

    private List<Row> rows(Query q, Filter filter, int limit, long offset) {
        String sort = ORDER.containsKey(filter.sort()) ? filter.sort() : "date";
        String dir = filter.descending() ? "desc" : "asc";
        String order = String.format(Locale.ROOT, ORDER.get(sort), dir)
                + ", coalesce(r.attempt_id, r.invitation_id) " + dir;
        String joins = sort.equals("signals") ? DashboardDao.SIGNAL_TOTALS : "";
        var data = jdbi.withExtension(DashboardDao.class, dao -> dao.page(joins, q.where(true), order, q.now, q.quiz, q.status,
                q.search, q.from, q.to, limit, offset));
        var signals = reviews.signals(data.stream().map(ReviewDao.DashboardRow::attemptId).filter(id -> id != null).toList());
        var rows = new ArrayList<Row>(data.size());
        var catalog = content.current();
        for (var d : data) {
            // an attempt keeps the title it was taken under; an invitation not yet used takes the quiz's title now
            String title = d.quizTitle() != null ? d.quizTitle()
                    : catalog.quiz(d.quizId()).map(dev.skillmark.quiz.Quiz::title).orElse(d.quizId());
            Optional<Score> score = d.score() == null || d.maxScore() == null ? Optional.empty()
                    : Optional.of(new Score(d.score(), d.maxScore(), d.pendingPoints() == null ? 0 : d.pendingPoints()));
            Optional<Boolean> passed = score.isEmpty() || "PRACTICE".equals(d.mode()) ? Optional.empty()
                    : score.get().passed(d.passMark());
            rows.add(new Row(d, d.shown(), score, passed,
                    d.attemptId() == null ? Reviews.Signals.NONE : signals.getOrDefault(d.attemptId(), Reviews.Signals.NONE), title));
        }
        return rows;
    }

    /** The filter as bound values and the fixed fragments that use them. */
    private record Query(long now, String quiz, String status, String search, long from, long to, boolean practice) {
        String where(boolean withStatus) {
            var parts = new ArrayList<String>();
            if (!practice) {
                parts.add("(r.mode is null or r.mode <> 'PRACTICE')");
            }
            if (quiz != null) {
                parts.add("r.quiz_id = :quiz");
            }
            if (withStatus && status != null) {
                parts.add("r.shown = :status");
            }
            if (search != null) {
                parts.add("lower(r.name) like :search escape '!'");
            }
            if (from > Long.MIN_VALUE) {
                parts.add("r.at_ms >= :from");
            }
            if (to < Long.MAX_VALUE) {
                parts.add("r.at_ms < :to");
            }
            return parts.isEmpty() ? "" : "where " + String.join(" and ", parts);
        }
    }

    private Query query(Filter f) {
        long from = blank(f.from()) ? Long.MIN_VALUE : day(f.from(), "from", f.zoneId(), 0);
        long to = blank(f.to()) ? Long.MAX_VALUE : day(f.to(), "to", f.zoneId(), 1);
        String search = blank(f.search()) ? null
                : "%" + f.search().strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return new Query(clock.millis(), blank(f.quiz()) ? null : f.quiz(), blank(f.status()) ? null : f.status(), search,
                from, to, f.includePractice());
    }

    /** A date from a date input (year-month-day), as the start of that day (plus {@code days}) in the viewer's zone. */
    static long day(String text, String field, java.time.ZoneId zone, int days) {
        try {
            return LocalDate.parse(text.strip()).plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SkillmarkException.InvalidInput(field, "Write the date as year-month-day, like 2026-11-28.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
