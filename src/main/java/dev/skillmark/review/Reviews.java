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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** What interviewers see and do: the dashboard, one attempt in full, grading, notes, comparison, exports. */
public final class Reviews {

    /** The dashboard's filters and sort, straight from the query string. */
    public record Filter(String quiz, String status, String from, String to, String search, String sort, boolean descending,
                         boolean includePractice) {
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
    private static final Map<String, Comparator<Row>> SORTS = sorts();

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

    public List<Row> dashboard(Filter filter) {
        long now = clock.millis();
        var rows = jdbi.withExtension(ReviewDao.class, ReviewDao::dashboard).stream()
                .filter(r -> filter.includePractice() || !"PRACTICE".equals(r.mode()))
                .map(r -> row(r, now, content.current()))
                .filter(r -> blank(filter.quiz()) || filter.quiz().equals(r.data().quizId()))
                .filter(r -> blank(filter.status()) || filter.status().equals(r.status()))
                .filter(r -> blank(filter.search()) || r.data().name().toLowerCase(Locale.ROOT)
                        .contains(filter.search().strip().toLowerCase(Locale.ROOT)))
                .filter(r -> within(when(r), filter.from(), filter.to()))
                .sorted(SORTS.getOrDefault(filter.sort(), SORTS.get("date")))
                .toList();
        if (filter.descending()) {
            rows = new ArrayList<>(rows);
            java.util.Collections.reverse(rows);
        }
        return rows;
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
        for (var area : jdbi.withExtension(ReviewDao.class, dao -> dao.areas(attemptIds))) {
            result.computeIfAbsent(area.attemptId(), k -> new LinkedHashMap<>())
                    .put(area.area(), new Score(area.score() == null ? 0 : area.score(), area.max(), area.pending()));
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
        if (note.length() > 8000) {
            throw new SkillmarkException.InvalidInput("note", "Notes can be at most 8000 characters.");
        }
        Integer rating = null;
        if (ratingText != null && !ratingText.isBlank()) {
            if (!ratingText.strip().matches("[1-5]")) {
                throw new SkillmarkException.InvalidInput("rating", "Rate from 1 to 5, or leave it empty.");
            }
            rating = Integer.parseInt(ratingText.strip());
        }
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

    private static Row row(ReviewDao.DashboardRow r, long now, dev.skillmark.content.Catalog catalog) {
        String status;
        if (r.attemptId() == null) {
            status = r.revokedAt() != null ? "revoked" : r.expiresAt() != null && now >= r.expiresAt() ? "invitation expired" : "invited";
        } else {
            status = switch (r.status()) {
                case "IN_PROGRESS" -> "started";
                case "EXPIRED" -> "expired";
                default -> "submitted";
            };
        }
        Optional<Score> score = r.score() == null || r.maxScore() == null ? Optional.empty()
                : Optional.of(new Score(r.score(), r.maxScore(), r.pendingPoints() == null ? 0 : r.pendingPoints()));
        Optional<Boolean> passed = score.isEmpty() || "PRACTICE".equals(r.mode()) ? Optional.empty()
                : score.get().passed(r.passMark());
        String quiz = r.quizTitle() != null ? r.quizTitle() : catalog.quiz(r.quizId()).map(q -> q.title()).orElse(r.quizId());
        return new Row(r, status, score, passed, quiz);
    }

    private static long when(Row r) {
        return r.data().startedAt() != null ? r.data().startedAt() : r.data().invitedAt() == null ? 0 : r.data().invitedAt();
    }

    private static boolean within(long at, String from, String to) {
        try {
            if (!blank(from) && at < java.time.LocalDate.parse(from.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()) {
                return false;
            }
            return blank(to) || at < java.time.LocalDate.parse(to.strip()).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new SkillmarkException.InvalidInput("date", "Dates are written 2026-11-28.");
        }
    }

    /** Empty, or a day as a date input sends it (2026-11-28). */
    public static boolean validDay(String day) {
        if (blank(day)) {
            return true;
        }
        try {
            java.time.LocalDate.parse(day.strip());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, Comparator<Row>> sorts() {
        Function<Row, String> name = r -> r.data().name().toLowerCase(Locale.ROOT);
        var sorts = new HashMap<String, Comparator<Row>>();
        sorts.put("name", Comparator.comparing(name));
        sorts.put("quiz", Comparator.comparing((Row r) -> r.data().quizId()).thenComparing(name));
        sorts.put("status", Comparator.comparing(Row::status).thenComparing(name));
        sorts.put("score", Comparator.comparing((Row r) -> r.score().map(Score::fraction).orElse(-1.0)).thenComparing(name));
        sorts.put("taken", Comparator.comparing((Row r) -> r.data().finishedAt() == null || r.data().startedAt() == null ? -1
                : r.data().finishedAt() - r.data().startedAt()).thenComparing(name));
        sorts.put("signals", Comparator.comparing((Row r) -> r.data().signals()).thenComparing(name));
        sorts.put("pending", Comparator.comparing((Row r) -> r.data().pending() == null ? 0 : r.data().pending()).thenComparing(name));
        sorts.put("date", Comparator.comparing(Reviews::when).thenComparing(name));
        return Map.copyOf(sorts);
    }
}
