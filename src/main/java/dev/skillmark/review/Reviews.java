package dev.skillmark.review;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.account.Audit;
import dev.skillmark.account.User;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.attempt.AttemptPages;
import dev.skillmark.attempt.Event;
import dev.skillmark.attempt.GradeChange;
import dev.skillmark.attempt.Grades;
import dev.skillmark.attempt.TimeSpent;
import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.DayRange;
import dev.skillmark.web.Paging;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/** What interviewers see and do: the dashboard, one attempt in full, grading, notes, comparison, exports. */
public final class Reviews {

    /**
     * The dashboard's filters and sort, read from the query string by the controller: {@code quiz} and
     * {@code status} empty for any, {@code search} the free text over name, e-mail and quiz title, {@code days}
     * the date range in the viewer's zone, {@code sort} one of {@link #SORTS} (else by date).
     */
    public record Filter(String quiz, String status, DayRange days, String search, String sort, boolean descending,
                         boolean includePractice) {
        public Filter {
            quiz = quiz == null ? "" : quiz.strip();
            status = status == null ? "" : status.strip();
            search = search == null ? "" : search.strip();
            sort = sort != null && ORDERS.containsKey(sort) ? sort : "date";
        }
    }

    /** A page of the dashboard: its rows and where it is in the filtered list. */
    public record Listing(List<Row> rows, Paging paging) {
    }

    /** A dashboard row with its derived status and score (none before the attempt is finalised). */
    /** {@code quiz}: the title the candidate saw, or for an invitation not yet used the catalog's (its id once gone). */
    public record Row(ReviewDao.DashboardRow data, String status, Optional<Score> score, Optional<Boolean> passed, String quiz) {
        public boolean pendingGrades() {
            return data.pending() != null && data.pending() > 0;
        }
    }

    /** Signals, not verdicts: counts and durations the interviewer can weigh. */
    public record Signals(int focusLost, Duration awayFor, int pastes, int clientChanges, int bursts) {
        public boolean any() {
            return total() > 0;
        }

        /** The number the dashboard and the CSV show for this attempt. */
        public int total() {
            return focusLost + pastes + clientChanges + bursts;
        }
    }

    public record Detail(Views.Result result, List<Event> timeline, Map<Integer, Duration> timePerSlot,
                         Signals signals, Map<Integer, List<GradeChange>> gradeChanges, Optional<ReviewDao.Note> note) {
    }

    public static final List<String> STATUSES = List.of("invited", "started", "submitted", "expired", "revoked",
            "invitation expired");
    /**
     * The ORDER BY of each sort, over the {@code {column}} placeholders of {@link ReviewDao#ATTEMPTS}; {@code %s} is the
     * direction. Every order ends with the row's own key, so pages never share or skip a row when many rows tie.
     */
    private static final Map<String, String> ORDERS = Map.of(
            "name", "lower({name}) %1$s, {row_key} %1$s",
            "quiz", "{quiz_id} %1$s, lower({name}) %1$s, {row_key} %1$s",
            "status", "{status} %1$s, lower({name}) %1$s, {row_key} %1$s",
            "score", "case when {score} is null or {max_score} is null then -1 when {max_score} = 0 then 0"
                    + " else {score} / {max_score} end %1$s, lower({name}) %1$s, {row_key} %1$s",
            "pending", "coalesce({pending}, 0) %1$s, lower({name}) %1$s, {row_key} %1$s",
            "taken", "case when {finished_at} is null or {started_at} is null then -1 else {finished_at} - {started_at} end %1$s,"
                    + " lower({name}) %1$s, {row_key} %1$s",
            "signals", "{signals} %1$s, lower({name}) %1$s, {row_key} %1$s",
            "date", "{listed_at} %1$s, lower({name}) %1$s, {row_key} %1$s");
    /** The sorts the column headings offer, in their order. */
    public static final List<String> SORTS = List.of("name", "quiz", "status", "score", "pending", "taken", "signals", "date");
    /** The sorts a heading's first click orders most first: the highest score, the most to grade or signals, the newest. */
    public static final java.util.Set<String> MOST_FIRST = java.util.Set.of("score", "pending", "signals", "date");

    private final Jdbi jdbi;
    private final Attempts attempts;
    private final AttemptPages pages;
    private final Grades grades;
    private final Audit audit;
    private final Clock clock;
    private final dev.skillmark.content.Content content;

    /** The rubric lines and model answers of an attempt's essays, by slot: for interviewers only. */
    public java.util.Map<Integer, dev.skillmark.attempt.EssayKeys.Key> essayKeys(String attemptId) {
        return new dev.skillmark.attempt.EssayKeys(jdbi).of(attemptId);
    }

    public Reviews(Jdbi jdbi, Attempts attempts, AttemptPages pages, Grades grades, Audit audit, Clock clock,
                   dev.skillmark.content.Content content) {
        this.content = content;
        this.jdbi = jdbi;
        this.attempts = attempts;
        this.pages = pages;
        this.grades = grades;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One page of the dashboard, searched, filtered, counted and paged by the database; the page and size are
     * clamped (see {@link Paging}). Signals are counted for the attempts on the page only, unless the list is
     * sorted by them.
     */
    public Listing dashboard(Filter filter, String pageText, String sizeText) {
        var catalog = content.current();
        var listing = listing(filter);
        var titled = titled(filter, catalog);
        String order = order(filter);
        boolean bySignals = "signals".equals(filter.sort());
        return jdbi.withHandle(h -> {
            var dao = h.attach(ReviewDao.class);
            var paging = Paging.of(pageText, sizeText, dao.count(listing, titled));
            var data = paging.total() == 0 ? List.<ReviewDao.DashboardRow>of()
                    : dao.page(listing, titled, order, bySignals, paging.size(), paging.offset());
            return new Listing((bySignals ? data : withSignals(dao, data)).stream().map(r -> row(r, catalog)).toList(), paging);
        });
    }

    /** Every row the filter matches, on all pages, in the dashboard's order: for the CSV export. */
    public List<Row> dashboardRows(Filter filter) {
        var catalog = content.current();
        return jdbi.withExtension(ReviewDao.class, dao -> dao.page(listing(filter), titled(filter, catalog),
                order(filter), true, Integer.MAX_VALUE, 0)).stream().map(r -> row(r, catalog)).toList();
    }

    private ReviewDao.Listing listing(Filter filter) {
        return new ReviewDao.Listing(clock.millis(), filter.quiz(), filter.status(), filter.includePractice(),
                filter.days().fromMillis(), filter.days().toMillis(), likePattern(filter.search()));
    }

    private static String order(Filter filter) {
        return String.format(Locale.ROOT, ORDERS.get(filter.sort()), filter.descending() ? "desc" : "asc");
    }

    /** The quizzes whose catalog title the search matches: an invitation not yet used shows that title. */
    private static List<String> titled(Filter filter, dev.skillmark.content.Catalog catalog) {
        if (filter.search().isEmpty()) {
            return List.of();
        }
        String needle = filter.search().toLowerCase(Locale.ROOT);
        return catalog.offers().stream().map(o -> o.quiz())
                .filter(q -> q.title().toLowerCase(Locale.ROOT).contains(needle)).map(q -> q.id()).toList();
    }

    private static List<ReviewDao.DashboardRow> withSignals(ReviewDao dao, List<ReviewDao.DashboardRow> rows) {
        var ids = rows.stream().map(ReviewDao.DashboardRow::attemptId).filter(id -> id != null).toList();
        if (ids.isEmpty()) {
            return rows;
        }
        var totals = new HashMap<String, Integer>();
        dao.signalTotals(ids).forEach(t -> totals.put(t.attemptId(), t.signals()));
        return rows.stream().map(r -> r.attemptId() == null ? r : r.withSignals(totals.getOrDefault(r.attemptId(), 0))).toList();
    }

    /** '' for no search, else a lower-case LIKE pattern with its wildcards escaped by '!'. */
    static String likePattern(String search) {
        if (search == null || search.isBlank()) {
            return "";
        }
        String escaped = search.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** Answers of finished attempts waiting for a person's grade, for the dashboard. */
    public int answersToGrade() {
        return jdbi.withExtension(GradingDao.class, GradingDao::count);
    }

    /** Per attempt and skill area: the score out of the points that attempt was offered there (one query). */
    public Map<String, Map<String, Score>> areas(List<String> attemptIds) {
        var result = new HashMap<String, Map<String, Score>>();
        if (attemptIds.isEmpty()) {
            return result;
        }
        // in slices: a CSV of every page may hold more ids than a statement may bind (PostgreSQL: 32,767)
        for (int from = 0; from < attemptIds.size(); from += 1000) {
            var slice = attemptIds.subList(from, Math.min(attemptIds.size(), from + 1000));
            for (var area : jdbi.withExtension(ReviewDao.class, dao -> dao.areas(slice))) {
                result.computeIfAbsent(area.attemptId(), k -> new LinkedHashMap<>())
                        .put(area.area(), new Score(area.score() == null ? 0 : area.score(), area.max(), area.pending()));
            }
        }
        return result;
    }

    /** One attempt's result with every answer, for staff; without the timeline and notes of {@link #detail}. */
    public Views.Result result(String attemptId) {
        return pages.forStaff(attemptId);
    }

    public Detail detail(String attemptId) {
        var result = pages.forStaff(attemptId);
        var events = pages.timeline(attemptId);
        var changes = new HashMap<Integer, List<GradeChange>>();
        grades.history(attemptId).forEach(c -> changes.computeIfAbsent(c.slot(), k -> new ArrayList<>()).add(c));
        var note = jdbi.withExtension(ReviewDao.class, dao -> dao.note(attemptId));
        return new Detail(result, events, TimeSpent.perSlot(events), signals(jdbi, attemptId, events), changes, note);
    }

    /** The attempt's signals, counted by the one SQL definition the dashboard and its CSV use too. */
    static Signals signals(Jdbi jdbi, String attemptId, List<Event> events) {
        var counts = new HashMap<String, Integer>();
        jdbi.withExtension(ReviewDao.class, dao -> dao.signals(attemptId)).forEach(c -> counts.put(c.kind(), c.n()));
        return new Signals(counts.getOrDefault("FOCUS_LOST", 0), Timeline.awayFor(events),
                counts.getOrDefault("PASTE", 0), counts.getOrDefault("CLIENT_CHANGED", 0), counts.getOrDefault("BURST", 0));
    }

    /** Sets a question's points by hand: grading an essay, or overriding an automatic grade with a reason. */
    public void grade(String attemptId, int slot, String pointsText, String comment, Optional<Map<Integer, String>> ticks,
                      User by) {
        attempts.attempt(attemptId);
        grades.byHand(attemptId, slot, pointsText, comment, ticks, by);
    }

    /** Per slot, the rubric ticks of its latest grade given with the rubric: the grading form starts from them. */
    public static Map<Integer, List<Integer>> lastTicks(Map<Integer, List<GradeChange>> changes) {
        var ticks = new HashMap<Integer, List<Integer>>();
        changes.forEach((slot, list) -> list.stream().filter(c -> !c.ticks().isEmpty()).reduce((a, b) -> b)
                .ifPresent(c -> ticks.put(slot, c.ticks())));
        return ticks;
    }

    public void note(String attemptId, String text, String ratingText, User by) {
        attempts.attempt(attemptId);
        String note = text == null ? "" : text.strip();
        var problems = new LinkedHashMap<String, String>();
        if (note.length() > 8000) {
            problems.put("note", "Notes can be at most 8000 characters.");
        }
        Integer rating = null;
        if (ratingText != null && !ratingText.isBlank()) {
            if (ratingText.strip().matches("[1-5]")) {
                rating = Integer.parseInt(ratingText.strip());
            } else {
                problems.put("rating", "Rate from 1 to 5, or leave it empty.");
            }
        }
        SkillmarkException.InvalidInput.throwIfAny(problems);
        final Integer r = rating;
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            var dao = h.attach(ReviewDao.class);
            if (dao.updateNote(attemptId, note, r, by.username(), now) == 0) {
                dao.insertNote(attemptId, note, r, by.username(), now);
            }
        });
        audit.record(by.username(), "note.saved", attemptId, r == null ? "" : "rating " + r);
    }

    /** The skill areas of a set of attempts, in a stable order, for export columns and comparison charts. */
    public static List<String> areaNames(Map<String, Map<String, Score>> areas) {
        var names = new TreeSet<String>();
        areas.values().forEach(m -> names.addAll(m.keySet()));
        return List.copyOf(names);
    }

    private static Row row(ReviewDao.DashboardRow r, dev.skillmark.content.Catalog catalog) {
        String status = r.status();
        Optional<Score> score = r.score() == null || r.maxScore() == null ? Optional.empty()
                : Optional.of(new Score(r.score(), r.maxScore(), r.pendingPoints() == null ? 0 : r.pendingPoints()));
        Optional<Boolean> passed = score.isEmpty() || "PRACTICE".equals(r.mode()) ? Optional.empty()
                : score.get().passed(r.passMark());
        String quiz = r.quizTitle() != null ? r.quizTitle() : catalog.quiz(r.quizId()).map(q -> q.title()).orElse(r.quizId());
        return new Row(r, status, score, passed, quiz);
    }

}
