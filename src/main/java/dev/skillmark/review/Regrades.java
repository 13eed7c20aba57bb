package dev.skillmark.review;

import dev.skillmark.account.User;
import dev.skillmark.attempt.AttemptPages;
import dev.skillmark.attempt.GradeChange;
import dev.skillmark.attempt.Grades;
import dev.skillmark.attempt.Views;
import dev.skillmark.content.Content;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * After a trainer fixes an answer key: which finished attempts would score differently under the
 * current content, and applying that. The original snapshot is kept; each change is in the grade history.
 */
public final class Regrades {

    public record SlotChange(int slot, String questionId, int maxPoints, Double oldPoints, double newPoints) {
    }

    public record Change(String attemptId, String candidate, double oldScore, double newScore, double max,
                         List<SlotChange> slots) {
    }

    private final Jdbi jdbi;
    private final AttemptPages pages;
    private final Grades grades;
    private final Content content;
    private final KeyChanges keyChanges;

    public Regrades(Jdbi jdbi, AttemptPages pages, Grades grades, Content content) {
        this.keyChanges = new KeyChanges(jdbi, content);
        this.jdbi = jdbi;
        this.pages = pages;
        this.grades = grades;
        this.content = content;
    }

    /** Questions whose key changed after finished attempts were graded with the older one. */
    public List<KeyChanges.KeyChange> keyChanges() {
        return keyChanges.current();
    }

    /** The dry run: nothing is written. */
    public List<Change> preview(String quizId) {
        var catalog = content.current();
        var changes = new ArrayList<Change>();
        for (String id : jdbi.withExtension(ReviewDao.class, dao -> dao.finishedAttempts(quizId))) {
            var result = pages.forStaff(id);
            var slots = new ArrayList<SlotChange>();
            var gradedByPeople = gradedByPeople(id);
            for (var item : result.review()) {
                var snapshot = item.question();
                if (snapshot.essay()) {
                    continue;
                }
                catalog.question(snapshot.questionId())
                        .filter(current -> !current.contentHash().equals(snapshot.contentHash()))
                        .ifPresent(current -> {
                            double points = regraded(current, item) * snapshot.points();
                            double old = item.points() == null ? 0 : item.points();
                            if (Math.abs(points - old) > 1e-9 && !gradedByPeople.contains(snapshot.slot())) {
                                slots.add(new SlotChange(snapshot.slot(), snapshot.questionId(), snapshot.points(),
                                        item.points(), points));
                            }
                        });
            }
            if (!slots.isEmpty()) {
                double delta = slots.stream().mapToDouble(s -> s.newPoints() - (s.oldPoints() == null ? 0 : s.oldPoints())).sum();
                double old = result.score().points();
                changes.add(new Change(id, result.attempt().candidateName(), old, old + delta, result.score().max(), slots));
            }
        }
        return changes;
    }

    public int apply(String quizId, User by) {
        var changes = preview(quizId);
        for (var change : changes) {
            grades.regrade(change.attemptId(), change.slots().stream().map(s -> new Grades.Regrade(s.slot(), s.questionId(),
                    s.oldPoints(), s.newPoints(), s.maxPoints())).toList(), by);
        }
        return changes.size();
    }

    /** Slots a person graded or overrode: their grade wins over a regrade. */
    private Set<Integer> gradedByPeople(String attemptId) {
        var slots = new TreeSet<Integer>();
        grades.history(attemptId).stream().filter(GradeChange::byPerson).forEach(c -> slots.add(c.slot()));
        return slots;
    }

    /** Grades the candidate's response with the current key; choices are matched to options by their text. */
    private static double regraded(Question current, Views.ReviewItem item) {
        if (current.key() instanceof AnswerKey.Choice choice) {
            var shown = new ArrayList<Option>();
            Set<Integer> chosen = new TreeSet<>();
            for (int i = 0; i < item.options().size(); i++) {
                var old = item.options().get(i);
                boolean correct = choice.options().stream().anyMatch(o -> o.html().equals(old.html()) && o.correct());
                shown.add(new Option(old.html(), correct));
                if (old.chosen()) {
                    chosen.add(i);
                }
            }
            boolean anyCorrect = shown.stream().anyMatch(Option::correct);
            if (!anyCorrect) {
                return 0;
            }
            return Grading.grade(new AnswerKey.Choice(shown, choice.multiple()), new Response.Choices(chosen)).fraction();
        }
        return Grading.grade(current.key(), new Response.Text(item.response())).fraction();
    }
}
