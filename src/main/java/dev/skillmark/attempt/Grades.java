package dev.skillmark.attempt;

import dev.skillmark.account.Audit;
import dev.skillmark.account.User;
import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Response;
import dev.skillmark.web.SkillmarkException;
import java.time.Clock;
import java.time.Duration;
import dev.skillmark.quiz.RubricLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one grading service: automatic grades when an attempt is finalised, a person's grade or override,
 * and regrades after a key fix. Every change of points goes through here, lands in the grade history
 * (but the automatic first grade), and the attempt's score follows from its answers.
 */
public final class Grades {

    /** One slot of a regrade: the points the current key gives. */
    public record Regrade(int slot, String questionId, Double oldPoints, double newPoints, int maxPoints) {
    }

    private record Applied(GradeChange.Kind kind, Double old, double points) {
    }

    private final Jdbi jdbi;
    private final Audit audit;
    private final Clock clock;
    private final AttemptNotices notices;

    public Grades(Jdbi jdbi, Audit audit, Clock clock) {
        this(jdbi, audit, clock, AttemptNotices.none());
    }

    /** {@code notices}: who hears when an attempt is finalised and when its last written answer is graded. */
    public Grades(Jdbi jdbi, Audit audit, Clock clock, AttemptNotices notices) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    /** In the finalising transaction, once the attempt is closed and graded automatically. */
    void finalised(Handle handle, String attemptId) {
        notices.finalised(handle, attemptId);
    }

    /** The attempt's score, pending count and pending points, summed from the grades {@link #gradeAll} wrote. */
    record Totals(double score, int pending, double pendingPoints) {
    }

    /**
     * Grades every answer with its snapshot's key, in the finalising transaction: one batch of updates, which also
     * writes each answer's {@code spent} time on screen, and the snapshot from memory (it never changes), so 2,000
     * submits at a deadline cost as little as they can. The totals are summed from the grades this writes (every
     * answer of the attempt), as {@link GradeDao#rescore} sums them from the table, without reading the answers back;
     * the finalisation writes them with the attempt's status.
     */
    Totals gradeAll(Handle handle, String attemptId, AttemptSnapshots.Snapshot snapshot, Map<Integer, Duration> spent) {
        var answers = AttemptRows.answers(handle, attemptId);
        var batch = handle.prepareBatch("""
            update answer set outcome = :outcome, fraction = :fraction, points = :points, graded_by = null,
                time_spent_ms = coalesce(:ms, time_spent_ms)
            where attempt_id = :attemptId and slot = :slot""");
        double score = 0;
        int pending = 0;
        double pendingPoints = 0;
        for (var slot : snapshot.slots().values()) {
            var answer = answers.get(slot.slot() - 1);
            var grade = check(slot, snapshot.options(slot.slot()), answer);
            Double points = points(grade, slot.points());
            var onScreen = spent.get(slot.slot());
            batch.bind("attemptId", attemptId).bind("slot", slot.slot()).bind("outcome", grade.outcome().name())
                    .bind("fraction", grade.fraction()).bind("points", points)
                    .bind("ms", onScreen == null ? null : onScreen.toMillis()).add();
            if (points == null) {
                pending++;
                pendingPoints += slot.points();
            } else {
                score += points;
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
        return new Totals(score, pending, pendingPoints);
    }

    /** Practice mode: the grade of one checked question, which the candidate sees at once. */
    static Grade check(SlotSnapshot slot, List<OptionSnapshot> options, AnswerState answer) {
        var key = slot.key(options);
        return Grading.grade(key, Response.decode(key, answer.response()));
    }

    static Double points(Grade grade, int maxPoints) {
        return grade.outcome() == Grade.Outcome.PENDING ? null : grade.fraction() * maxPoints;
    }

    /**
     * A person sets a question's points: grading an essay, or overriding an automatic grade (which needs
     * a reason). Only for finalised attempts.
     */
    public void byHand(String attemptId, int slot, String pointsText, String comment, User by) {
        byHand(attemptId, slot, pointsText, comment, Optional.empty(), by);
    }

    /**
     * The same, with the rubric lines the grader ticked ({@code ticks}: line position to the count covered, a
     * missing line is 0). The ticked lines propose the points; empty points take the proposal, and other points
     * need a reason. The ticks are kept with the grade.
     */
    public void byHand(String attemptId, int slot, String pointsText, String comment, Optional<Map<Integer, String>> ticks,
                       User by) {
        String text = comment == null ? "" : comment.strip();
        var change = jdbi.inTransaction(h -> {
            var attempts = h.attach(AttemptDao.class);
            var attempt = AttemptRows.lock(h, attemptId).orElseThrow(() -> new SkillmarkException.NotFound("There is no such attempt."));
            if (attempt.inProgress()) {
                throw new SkillmarkException.Conflict("Grade after the candidate has submitted.");
            }
            var question = attempts.slot(attemptId, slot)
                    .orElseThrow(() -> new SkillmarkException.NotFound("This attempt has no question " + slot + "."));
            var lines = ticks.isPresent() && question.essay()
                    ? h.attach(EssayKeys.Dao.class).linesOf(attemptId, slot).stream().map(EssayKeys::line).toList()
                    : List.<RubricLine>of();
            // every problem of the form at once, points first, then the comment: the page lists them all
            var problems = new LinkedHashMap<String, String>();
            Optional<List<Integer>> covered = lines.isEmpty() ? Optional.of(List.of()) : covered(lines, ticks.orElseThrow(), problems);
            Optional<Integer> proposed = covered.filter(c -> !lines.isEmpty()).map(c -> RubricLine.proposed(lines, c, question.points()));
            Optional<Double> given;
            if (!lines.isEmpty() && (pointsText == null || pointsText.isBlank())) {
                given = proposed.map(Integer::doubleValue);
            } else {
                given = parsePoints(pointsText, question.points(), problems);
                if (given.isPresent() && proposed.isPresent() && Math.abs(given.get() - proposed.get()) > 1e-9 && text.isEmpty()) {
                    problems.put("comment", "The ticked lines give " + proposed.get()
                            + " points: say why you give other points, or leave the points empty.");
                }
            }
            if (text.length() > 4000) {
                problems.put("comment", "Comments can be at most 4000 characters.");
            } else if (!question.essay() && text.isEmpty()) {
                problems.put("comment", "Say why you override the automatic grade.");
            }
            SkillmarkException.InvalidInput.throwIfAny(problems);
            double points = given.orElseThrow();
            var kind = question.essay() ? GradeChange.Kind.MANUAL : GradeChange.Kind.OVERRIDE;
            Double old = AttemptRows.answer(h, attemptId, slot).orElseThrow().points();
            String stored = covered.orElseThrow().isEmpty() ? null : covered.orElseThrow().stream().map(String::valueOf).collect(Collectors.joining(","));
            write(h, attemptId, slot, question.points(), old, points, kind, text, stored, by);
            if (attempt.pending() > 0 && AttemptRows.attempt(h, attemptId).orElseThrow().pending() == 0) {
                notices.gradedByHand(h, attemptId);
            }
            return new Applied(kind, old, points);
        });
        audit.record(by.username(), "grade." + change.kind().name().toLowerCase(Locale.ROOT), attemptId + "#" + slot,
                (change.old() == null ? "pending" : change.old()) + " -> " + change.points() + (text.isEmpty() ? "" : ": " + text));
    }

    /** The count each rubric line covers, or empty with the problem noted under {@code points}. */
    private static Optional<List<Integer>> covered(List<RubricLine> lines, Map<Integer, String> ticks, Map<String, String> problems) {
        var covered = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            String t = ticks.getOrDefault(i, "0").strip();
            int most = lines.get(i).most();
            if (!t.matches("\\d{1,3}") || Integer.parseInt(t) > most) {
                problems.put("points", "Rubric line " + (i + 1) + " covers 0 to " + most + " items.");
                return Optional.empty();
            }
            covered.add(Integer.parseInt(t));
        }
        return Optional.of(covered);
    }

    /** Applies a regrade's changed slots to one finalised attempt; a person's grade is never among them. */
    public void regrade(String attemptId, List<Regrade> slots, User by) {
        jdbi.useTransaction(h -> {
            AttemptRows.lock(h, attemptId).orElseThrow();
            for (var s : slots) {
                write(h, attemptId, s.slot(), s.maxPoints(), s.oldPoints(), s.newPoints(), GradeChange.Kind.REGRADE,
                        "regraded with the current key of " + s.questionId(), null, by);
            }
        });
        audit.record(by.username(), "regrade", attemptId, dev.skillmark.web.Format.INSTANCE.count(slots.size(), "question", "questions"));
    }

    public List<GradeChange> history(String attemptId) {
        return jdbi.withExtension(GradeDao.class, dao -> dao.changes(attemptId));
    }

    private void write(Handle h, String attemptId, int slot, int maxPoints, Double old, double points,
                       GradeChange.Kind kind, String comment, String ticks, User by) {
        var grades = h.attach(GradeDao.class);
        double fraction = maxPoints == 0 ? 0 : points / maxPoints;
        grades.setGrade(attemptId, slot, Grade.of(fraction).outcome().name(), fraction, points, by.username());
        grades.insertChange(attemptId, slot, kind, old, points, comment, by.username(), clock.millis(), ticks);
        grades.rescore(attemptId);
    }

    /** The points typed, or empty with the problem noted under {@code points}. */
    private static Optional<Double> parsePoints(String text, int max, Map<String, String> problems) {
        try {
            double points = Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
            if (points >= 0 && points <= max) {
                return Optional.of(points);
            }
        } catch (NumberFormatException e) {
            // the message below says what to type
        }
        problems.putIfAbsent("points", "Enter the points as a number from 0 to " + max + ".");
        return Optional.empty();
    }
}
