package dev.skillmark.review;

import dev.skillmark.attempt.AttemptPages;
import dev.skillmark.attempt.EssayKeys;
import dev.skillmark.attempt.GradeChange;
import dev.skillmark.attempt.Grades;
import dev.skillmark.attempt.Views;
import dev.skillmark.web.SkillmarkException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Grading across attempts: the queue of answers waiting for a person (oldest finished attempt first), one
 * question across every candidate of a quiz, and blind grading, which shows "Candidate 3" instead of a name
 * until every grade of that attempt is in.
 */
public final class GradingQueue {

    /** One question of a quiz with answers waiting, for grading it across candidates. */
    public record QuestionGroup(String quizId, String quizTitle, String questionId, String promptHtml, int waiting) {
    }

    /** A pending answer as the queue lists it, with the name or the blind label. */
    public record Entry(GradingDao.Pending data, String candidate) {
    }

    /** One answer with everything its grading form needs. */
    public record Answer(String attemptId, String candidate, boolean named, Views.Result result, Views.ReviewItem item,
                         Optional<EssayKeys.Key> key, List<Integer> ticks, List<GradeChange> history) {
    }

    private final Jdbi jdbi;
    private final AttemptPages pages;
    private final Grades grades;

    public GradingQueue(Jdbi jdbi, AttemptPages pages, Grades grades) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.grades = grades;
    }

    public int count() {
        return jdbi.withExtension(GradingDao.class, GradingDao::count);
    }

    public List<Entry> pending(boolean blind) {
        var labels = new Labels(blind);
        return jdbi.withExtension(GradingDao.class, GradingDao::pending).stream()
                .map(p -> new Entry(p, labels.of(p.quizId(), p.attemptId(), p.candidateName(), true))).toList();
    }

    /** The questions with answers waiting, grouped per quiz and question, in queue order. */
    public List<QuestionGroup> questions() {
        var groups = new LinkedHashMap<String, QuestionGroup>();
        for (var p : jdbi.withExtension(GradingDao.class, GradingDao::pending)) {
            groups.merge(p.quizId() + "\n" + p.questionId(), new QuestionGroup(p.quizId(), p.quizTitle(), p.questionId(), p.promptHtml(), 1),
                    (a, b) -> new QuestionGroup(a.quizId(), a.quizTitle(), a.questionId(), a.promptHtml(), a.waiting() + 1));
        }
        return List.copyOf(groups.values());
    }

    /** The oldest answer waiting, if any. */
    public Optional<GradingDao.Pending> next() {
        return jdbi.withExtension(GradingDao.class, GradingDao::pending).stream().findFirst();
    }

    /** One answer of one attempt, for the single-answer grading page. */
    public Answer answer(String attemptId, int slot, boolean blind) {
        var result = pages.forStaff(attemptId);
        var item = result.review().stream().filter(i -> i.question().slot() == slot).findFirst()
                .orElseThrow(() -> new SkillmarkException.NotFound("This attempt has no question " + slot + "."));
        var attempt = result.attempt();
        if (attempt.inProgress()) {
            throw new SkillmarkException.Conflict("Grade after the candidate has submitted.");
        }
        var labels = new Labels(blind);
        String candidate = labels.of(attempt.quizId(), attemptId, attempt.candidateName(), attempt.pending() > 0);
        return answer(attemptId, candidate, result, item);
    }

    /** Every finished candidate's answer to one question of a quiz, oldest attempt first. */
    public List<Answer> acrossCandidates(String quizId, String questionId, boolean blind) {
        var labels = new Labels(blind);
        var answers = new ArrayList<Answer>();
        for (var a : jdbi.withExtension(GradingDao.class, dao -> dao.answersTo(quizId, questionId))) {
            var result = pages.forStaff(a.attemptId());
            var item = result.review().stream().filter(i -> i.question().slot() == a.slot()).findFirst().orElseThrow();
            answers.add(answer(a.attemptId(), labels.of(quizId, a.attemptId(), a.candidateName(), a.pending() > 0), result, item));
        }
        return answers;
    }

    private Answer answer(String attemptId, String candidate, Views.Result result, Views.ReviewItem item) {
        int slot = item.question().slot();
        var history = grades.history(attemptId).stream().filter(c -> c.slot() == slot).toList();
        var ticks = history.stream().filter(c -> !c.ticks().isEmpty()).reduce((a, b) -> b).map(GradeChange::ticks).orElse(List.of());
        return new Answer(attemptId, candidate, candidate.equals(result.attempt().candidateName()), result, item,
                Optional.ofNullable(new EssayKeys(jdbi).of(attemptId).get(slot)), ticks, history);
    }

    /** Names, or "Candidate N" numbered by finishing order within the quiz while the attempt has grades to come. */
    private final class Labels {
        private final boolean blind;
        private final Map<String, List<String>> order = new LinkedHashMap<>();

        Labels(boolean blind) {
            this.blind = blind;
        }

        String of(String quizId, String attemptId, String name, boolean gradesToCome) {
            if (!blind || !gradesToCome) {
                return name;
            }
            var ids = order.computeIfAbsent(quizId, q -> jdbi.withExtension(GradingDao.class, dao -> dao.finishedInOrder(q)));
            return "Candidate " + (ids.indexOf(attemptId) + 1);
        }
    }
}
