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

    /** Signals, not verdicts: counts and durations the interviewer can weigh. */
    public record Signals(int focusLost, Duration awayFor, int pastes, int clientChanges, int bursts) {
        public static final Signals NONE = new Signals(0, Duration.ZERO, 0, 0, 0);

        /** The one count every page and export shows. */
        public int total() {
            return focusLost + pastes + clientChanges + bursts;
        }

        public boolean any() {
            return total() > 0;
        }
    }

    public record Detail(Views.Result result, List<Event> timeline, Map<Integer, Duration> timePerSlot,
                         Signals signals, Map<Integer, List<GradeChange>> gradeChanges, Optional<ReviewDao.Note> note) {
    }

    private final Jdbi jdbi;
    private final Attempts attempts;
    private final AttemptPages pages;
    private final Grades grades;
    private final Audit audit;
    private final Clock clock;

    /** The rubric lines and model answers of an attempt's essays, by slot: for interviewers only. */
    public java.util.Map<Integer, dev.skillmark.attempt.EssayKeys.Key> essayKeys(String attemptId) {
        return new dev.skillmark.attempt.EssayKeys(jdbi).of(attemptId);
    }

    public Reviews(Jdbi jdbi, Attempts attempts, AttemptPages pages, Grades grades, Audit audit, Clock clock) {
        this.jdbi = jdbi;
        this.attempts = attempts;
        this.pages = pages;
        this.grades = grades;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The signal counts of these attempts (see {@link DashboardDao#signals}); the time away from the page is
     * not counted here and stays {@link Duration#ZERO}: only the attempt page reads it from the timeline.
     */
    public Map<String, Signals> signals(List<String> attemptIds) {
        var result = new HashMap<String, Signals>();
        if (attemptIds.isEmpty()) {
            return result;
        }
        for (var s : jdbi.withExtension(DashboardDao.class, dao -> dao.signals(attemptIds))) {
            result.put(s.attemptId(), new Signals(s.focusLost(), Duration.ZERO, s.pastes(), s.clientChanges(), s.bursts()));
        }
        return result;
    }

    /** The candidate name on an invitation, for the words that confirm a step. */
    public Optional<String> invitationName(String invitationId) {
        return jdbi.withExtension(ReviewDao.class, dao -> dao.invitationName(invitationId));
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
        var counted = signals(List.of(attemptId)).getOrDefault(attemptId, Signals.NONE);
        var signals = new Signals(counted.focusLost(), Timeline.awayFor(events), counted.pastes(), counted.clientChanges(),
                counted.bursts());
        return new Detail(result, events, TimeSpent.perSlot(events), signals, changes, note);
    }

    /** Sets a question's points by hand: grading an essay, or overriding an automatic grade with a reason. */
    public void grade(String attemptId, int slot, String pointsText, String comment, User by) {
        attempts.attempt(attemptId);
        grades.byHand(attemptId, slot, pointsText, comment, by);
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

    public List<ReviewDao.CellRow> cells(List<String> attemptIds) {
        return attemptIds.isEmpty() ? List.of() : jdbi.withExtension(ReviewDao.class, dao -> dao.cells(attemptIds));
    }

    /** The skill areas of a set of attempts, in a stable order, for export columns and comparison charts. */
    public static List<String> areaNames(Map<String, Map<String, Score>> areas) {
        var names = new TreeSet<String>();
        areas.values().forEach(m -> names.addAll(m.keySet()));
        return List.copyOf(names);
    }
}
