package dev.skillmark.attempt;

import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Response;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grades and closes an attempt exactly once, whoever asks first: the candidate, the timer or the sweeper. */
final class Finalisation {

    private static final Logger log = LoggerFactory.getLogger(Finalisation.class);
    private final Jdbi jdbi;

    Finalisation(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns true when this call finalised the attempt, false when another already had. */
    boolean finalise(Attempt attempt, String status, long now) {
        try {
            jdbi.useTransaction(h -> {
                var dao = h.attach(AttemptDao.class);
                dao.insertFinalisation(attempt.id(), now, status);
                var slots = dao.slots(attempt.id());
                var options = dao.options(attempt.id());
                var answers = dao.answers(attempt.id());
                double score = 0;
                int pending = 0;
                for (var slot : slots) {
                    var answer = answers.get(slot.slot() - 1);
                    var key = Attempts.answerOf(slot, options);
                    var grade = Grading.grade(key, Response.decode(key, answer.response()));
                    Double points = grade.outcome() == Grade.Outcome.PENDING ? null : grade.fraction() * slot.points();
                    if (points == null) {
                        pending++;
                    } else {
                        score += points;
                    }
                    dao.grade(attempt.id(), slot.slot(), grade.outcome().name(), grade.fraction(), points);
                }
                long finishedAt = Attempt.EXPIRED.equals(status) && attempt.timed()
                        ? Math.min(now, attempt.deadlineAt()) : now;
                dao.finish(attempt.id(), status, finishedAt, score, pending);
                dao.event(attempt.id(), now, status.equals(Attempt.EXPIRED) ? "expired" : "submitted", null,
                        "score " + score + " of " + attempt.maxScore());
                TimeSpent.perSlot(dao.events(attempt.id()))
                        .forEach((slot, spent) -> dao.setTimeSpent(attempt.id(), slot, spent.toMillis()));
            });
            log.info("attempt {} {}", attempt.id().substring(0, 6), status.toLowerCase(java.util.Locale.ROOT));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
