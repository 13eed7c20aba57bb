package dev.skillmark.review;

import dev.skillmark.attempt.AttemptPages;
import dev.skillmark.attempt.GradeChange;
import dev.skillmark.attempt.Grades;
import dev.skillmark.attempt.Views;
import dev.skillmark.quiz.Score;
import dev.skillmark.web.SkillmarkException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reports for people who decide: a quiz's score distribution and ranking, and one candidate on one page. */
public final class Reports {

    /** A finished attempt with its score, pass or fail, and percentile among the quiz's finished attempts. */
    public record Ranked(ReportDao.Finished data, Score score, Optional<Boolean> passed, int percentile) {
    }

    public record QuizReport(String quizId, String quizTitle, Histogram histogram, List<Ranked> ranked) {
        public long passedCount() {
            return ranked.stream().filter(r -> r.passed().orElse(false)).count();
        }
    }

    /** A grader's comment on one answer. */
    public record Comment(int slot, String questionId, GradeChange change) {
    }

    public record CandidateReport(Views.Result result, int percentile, int finishedOfQuiz, Reviews.Signals signals,
                                  Optional<ReviewDao.Note> note, List<Comment> comments) {
    }

    private final Jdbi jdbi;
    private final AttemptPages pages;
    private final Grades grades;

    public Reports(Jdbi jdbi, AttemptPages pages, Grades grades) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.grades = grades;
    }

    public List<ReportDao.QuizCount> quizzes() {
        return jdbi.withExtension(ReportDao.class, ReportDao::quizzes);
    }

    public QuizReport quiz(String quizId) {
        var finished = jdbi.withExtension(ReportDao.class, dao -> dao.finished(quizId));
        if (finished.isEmpty()) {
            throw new SkillmarkException.NotFound("No finished attempt of this quiz yet.");
        }
        var scores = finished.stream().map(Reports::score).toList();
        var ranked = finished.stream().map(f -> {
            var s = score(f);
            return new Ranked(f, s, "PRACTICE".equals(f.mode()) ? Optional.empty() : s.passed(f.passMark()),
                    Percentile.rounded(s, scores));
        }).sorted(Comparator.comparingDouble((Ranked r) -> r.score().fraction()).reversed()
                .thenComparing(r -> r.data().finishedAt())).toList();
        String title = pages.forStaff(finished.get(0).id()).attempt().quizTitle();
        return new QuizReport(quizId, title, Histogram.of(scores), ranked);
    }

    public CandidateReport candidate(String attemptId) {
        var result = pages.forStaff(attemptId);
        if (result.attempt().inProgress()) {
            throw new SkillmarkException.Conflict("The report is ready once the candidate has finished.");
        }
        var scores = jdbi.withExtension(ReportDao.class, dao -> dao.finished(result.attempt().quizId())).stream()
                .map(Reports::score).toList();
        var events = pages.timeline(attemptId);
        var questionIds = result.review().stream().collect(Collectors.toMap(i -> i.question().slot(),
                i -> i.question().questionId(), (a, b) -> a));
        var comments = grades.history(attemptId).stream().filter(c -> c.byPerson() && !c.comment().isBlank())
                .map(c -> new Comment(c.slot(), questionIds.getOrDefault(c.slot(), ""), c)).toList();
        var note = jdbi.withExtension(ReviewDao.class, dao -> dao.note(attemptId));
        return new CandidateReport(result, Percentile.rounded(result.score(), scores), scores.size(), Reviews.signals(jdbi, attemptId, events),
                note, comments);
    }

    private static Score score(ReportDao.Finished f) {
        return new Score(f.score(), f.maxScore(), f.pendingPoints());
    }

}
