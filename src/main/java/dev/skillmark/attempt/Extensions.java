package dev.skillmark.attempt;

import dev.skillmark.account.Audit;
import dev.skillmark.account.User;
import dev.skillmark.content.Content;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.web.SkillmarkException;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * An interviewer gives an attempt in progress more time: minutes, or a percentage of the quiz's time
 * limit, always with a reason. The deadline stays the server's; the candidate's open page learns of
 * the new one from its next save or poll.
 */
public final class Extensions {

    private final Jdbi jdbi;
    private final Attempts attempts;
    private final Content content;
    private final Audit audit;
    private final Clock clock;

    public Extensions(Jdbi jdbi, Attempts attempts, Content content, Audit audit, Clock clock) {
        this.jdbi = jdbi;
        this.attempts = attempts;
        this.content = content;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code amount} is a whole number of minutes, or of percent when {@code percent}. Returns the new deadline. */
    public long add(String attemptId, String amount, boolean percent, String reason, User by) {
        // every problem of the form at once, in its order: the amount, then the reason
        var problems = new java.util.LinkedHashMap<String, String>();
        String raw = amount == null ? "" : amount.strip();
        int max = percent ? 300 : 600;
        if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > max) {
            problems.put("amount", percent ? "Enter a whole percentage from 1 to 300."
                    : "Enter a whole number of minutes from 1 to 600.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.put("reason", "Say why the candidate gets more time (it is kept in the timeline).");
        } else if (why.length() > 500) {
            problems.put("reason", "The reason can be at most 500 characters.");
        }
        SkillmarkException.InvalidInput.throwIfAny(problems);
        int value = Integer.parseInt(raw);
        var current = attempts.current(attemptId);
        if (!current.inProgress() || !current.timed()) {
            throw new SkillmarkException.Conflict(current.inProgress() ? "This quiz is untimed: there is no deadline to move."
                    : "This attempt is already finished; time can only be added while it is in progress.");
        }
        Duration limit = content.current().quiz(current.quizId()).flatMap(Quiz::timeLimit)
                .orElse(Duration.ofMillis(current.deadlineAt() - current.startedAt()));
        Duration extra = percent ? limit.multipliedBy(value).dividedBy(100) : Duration.ofMinutes(value);
        long deadline = jdbi.inTransaction(h -> {
            var dao = h.attach(AttemptDao.class);
            var locked = AttemptRows.lock(h, attemptId).orElseThrow();
            if (!locked.inProgress()) {
                throw new SkillmarkException.Conflict("This attempt was finished a moment ago; time can no longer be added.");
            }
            long moved = locked.deadlineAt() + extra.toMillis();
            dao.setDeadline(attemptId, moved);
            dao.event(attemptId, clock.millis(), EventType.EXTENDED, null,
                    "+" + extra.toSeconds() / 60 + " min by " + by.username() + ": " + why);
            return moved;
        });
        audit.record(by.username(), "attempt.extended", attemptId, "+" + (percent ? value + "%" : value + " min") + ": " + why);
        return deadline;
    }
}
