package dev.skillmark.attempt;

import dev.skillmark.SkillmarkException;
import dev.skillmark.content.Content;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.quiz.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt lifecycle: start, save, flag, check (practice), submit, expire. The server owns the
 * deadline: it is computed at start, stored, and every write is checked against it plus {@code grace}.
 */
public final class Attempts {

    public static final int MAX_NAME = 100;
    public static final int MAX_RESPONSE = 20_000;
    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    private final Jdbi jdbi;
    private final Content content;
    private final Clock clock;
    private final Duration grace;
    private final SecureRandom random = new SecureRandom();
    private final Finalisation finalisation;

    public Attempts(Jdbi jdbi, Content content, Clock clock, Duration grace) {
        this.jdbi = jdbi;
        this.content = content;
        this.clock = clock;
        this.grace = grace;
        this.finalisation = new Finalisation(jdbi);
    }

    public Duration grace() {
        return grace;
    }

    /** Who is on the other end: the address Skillmark sees and the browser's user agent. */
    public record Client(String address, String agent) {
        public static final Client UNKNOWN = new Client("", "");

        public Client {
            address = address == null ? "" : address.length() > 100 ? address.substring(0, 100) : address;
            agent = agent == null ? "" : agent.length() > 500 ? agent.substring(0, 500) : agent;
        }
    }

    /** What an invitation adds to a start: which one it is, and the candidate's extra time. */
    public record Invited(String invitationId, int extraTimePercent) {
    }

    public String start(String quizId, String candidateName) {
        return start(quizId, candidateName, Optional.empty(), Client.UNKNOWN);
    }

    /**
     * Creates the attempt, draws its questions and freezes them into a snapshot. The deadline is the
     * earlier of start + limit x (1 + extra time) and the quiz's close time.
     */
    public String start(String quizId, String candidateName, Optional<Invited> invited, Client client) {
        return create(quizId, candidateName, invited, client, false);
    }

    /** A trainer's "try it" run: a real attempt that is never counted on the dashboard or in statistics. */
    public String startTrial(String quizId, String trainer) {
        return create(quizId, "Trial run by " + trainer, Optional.empty(), Client.UNKNOWN, true);
    }

    private String create(String quizId, String candidateName, Optional<Invited> invited, Client client, boolean trial) {
        String name = candidateName == null ? "" : candidateName.strip();
        if (name.isEmpty()) {
            throw new SkillmarkException.InvalidInput("name", "Enter your name so your result can be told apart from others.");
        }
        if (name.length() > MAX_NAME) {
            throw new SkillmarkException.InvalidInput("name", "Your name can be at most " + MAX_NAME + " characters.");
        }
        var catalog = content.current();
        Quiz quiz = catalog.quiz(quizId).orElseThrow(() -> new SkillmarkException.NotFound("There is no quiz called '" + quizId + "'."));
        if (!quiz.openAt(clock.instant())) {
            throw new SkillmarkException.Conflict(quiz.opens().filter(o -> clock.instant().isBefore(o)).isPresent()
                    ? "This quiz opens at " + quiz.opens().get() + " (UTC)."
                    : "This quiz closed at " + quiz.closes().orElseThrow() + " (UTC).");
        }
        long seed = random.nextLong();
        var drawn = catalog.draw(quiz, seed);
        long now = clock.millis();
        String id = newId();
        var slots = new ArrayList<SlotSnapshot>();
        var options = new ArrayList<OptionSnapshot>();
        for (int i = 0; i < drawn.size(); i++) {
            slots.add(Snapshots.slot(id, i + 1, drawn.get(i), catalog.bank(drawn.get(i).question().bankId()).orElseThrow().title()));
            options.addAll(Snapshots.options(id, i + 1, drawn.get(i)));
        }
        double max = drawn.stream().mapToInt(d -> d.question().points()).sum();
        int extra = invited.map(Invited::extraTimePercent).orElse(0);
        Long deadline = quiz.timeLimit().map(limit -> now + limit.toMillis() * (100 + extra) / 100).orElse(null);
        if (quiz.closes().isPresent()) {
            long closes = quiz.closes().get().toEpochMilli();
            deadline = deadline == null ? closes : Math.min(deadline, closes);
        }
        var row = new Attempt(id, quiz.id(), quiz.title(), quiz.mode().name(), quiz.review().name(), quiz.passMark(),
                name, seed, now, deadline, Attempt.IN_PROGRESS, null, null, max, 0, content.version(),
                invited.map(Invited::invitationId).orElse(null), extra, client.address(), client.agent(), trial);
        jdbi.useTransaction(h -> {
            var dao = h.attach(AttemptDao.class);
            dao.insertAttempt(row);
            if (invited.isPresent() && dao.claimInvitation(invited.get().invitationId(), id, now) == 0) {
                throw new SkillmarkException.Conflict("This invitation was already used, withdrawn or has expired.");
            }
            dao.insertSlots(slots);
            dao.insertOptions(options);
            dao.insertEmptyAnswers(id, IntStream.rangeClosed(1, slots.size()).boxed().toList());
            dao.event(id, now, "started", null, "");
        });
        log.info("attempt {} started: quiz {}, {} questions", id.substring(0, 6), quiz.id(), slots.size());
        return id;
    }

    /** The question page; finalises the attempt first when its time ran out while nobody was looking. */
    public Views.QuestionPage page(String attemptId, int slot) {
        var attempt = openAttempt(attemptId);
        return jdbi.withExtension(AttemptDao.class, dao -> {
            var question = dao.slot(attemptId, slot)
                    .orElseThrow(() -> new SkillmarkException.NotFound("This quiz has no question " + slot + "."));
            var answers = dao.answers(attemptId);
            var answer = answers.get(slot - 1);
            var options = dao.options(attemptId, slot);
            var chosen = question.choice() ? Response.decode(question.key(options), answer.response()) : null;
            var shown = options.stream().map(o -> new Views.ShownOption(o.position(), o.html(),
                    chosen instanceof Response.Choices c && c.positions().contains(o.position()))).toList();
            var nav = answers.stream().map(a -> new Views.NavItem(a.slot(), a.answered(), a.flagged(), a.slot() == slot)).toList();
            Optional<Views.Feedback> feedback = attempt.practice() && answer.checked()
                    ? Optional.of(feedback(question, options, answer)) : Optional.empty();
            return new Views.QuestionPage(attempt, question, answers.size(), shown, answer, nav, remaining(attempt), feedback);
        });
    }

    /** What the candidate's form sent: ticked option positions, or typed text. */
    public record Input(List<String> choices, String text) {
    }

    /**
     * Saves an answer if {@code seq} is newer than the stored one. Returns false when the stored
     * answer is newer and different (a stale save from another tab); repeating a save is harmless.
     */
    public boolean save(String attemptId, int slot, int seq, Input input) {
        var attempt = openAttempt(attemptId);
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            var dao = h.attach(AttemptDao.class);
            var question = dao.slot(attemptId, slot)
                    .orElseThrow(() -> new SkillmarkException.NotFound("This quiz has no question " + slot + "."));
            String encoded = response(question, dao.options(attemptId, slot).size(), input).encode();
            var current = dao.answer(attemptId, slot).orElseThrow();
            if (dao.saveIfNewer(attemptId, slot, encoded, seq, now) == 1) {
                dao.event(attempt.id(), now, "saved", slot, "seq " + seq);
                return true;
            }
            if (current.response().equals(encoded)) {
                return true;
            }
            if (current.checked()) {
                throw new SkillmarkException.Conflict("You already checked this question; its answer is final.");
            }
            dao.event(attempt.id(), now, "stale_save", slot, "seq " + seq + " <= " + current.seq());
            return false;
        });
    }

    private static Response response(SlotSnapshot question, int optionCount, Input input) {
        if (!question.choice()) {
            String text = input.text() == null ? "" : input.text();
            if (text.length() > MAX_RESPONSE) {
                throw new SkillmarkException.InvalidInput("response", "Answers can be at most " + MAX_RESPONSE + " characters.");
            }
            return new Response.Text(text);
        }
        var positions = new java.util.TreeSet<Integer>();
        for (String raw : input.choices()) {
            if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) >= optionCount) {
                throw new SkillmarkException.InvalidInput("choice", "That option is not part of this question.");
            }
            positions.add(Integer.parseInt(raw));
        }
        if (!question.multiple() && positions.size() > 1) {
            throw new SkillmarkException.InvalidInput("choice", "Choose one option for this question.");
        }
        return new Response.Choices(positions);
    }

    public boolean isOverdue(String attemptId) {
        return overdue(attempt(attemptId));
    }

    public void flag(String attemptId, int slot, boolean flagged) {
        openAttempt(attemptId);
        jdbi.useExtension(AttemptDao.class, dao -> {
            if (dao.setFlag(attemptId, slot, flagged) == 0) {
                throw new SkillmarkException.NotFound("This quiz has no question " + slot + ".");
            }
            dao.event(attemptId, clock.millis(), flagged ? "flagged" : "unflagged", slot, "");
        });
    }

    /** Practice mode: grades one question now and locks it, so the feedback can be shown. */
    public void check(String attemptId, int slot) {
        var attempt = openAttempt(attemptId);
        if (!attempt.practice()) {
            throw new SkillmarkException.Forbidden("Answers are checked after submitting in this quiz.");
        }
        jdbi.useTransaction(h -> {
            var dao = h.attach(AttemptDao.class);
            var question = dao.slot(attemptId, slot)
                    .orElseThrow(() -> new SkillmarkException.NotFound("This quiz has no question " + slot + "."));
            var answer = dao.answer(attemptId, slot).orElseThrow();
            var key = question.key(dao.options(attemptId, slot));
            var grade = Grading.grade(key, Response.decode(key, answer.response()));
            dao.check(attemptId, slot, grade.outcome().name(), grade.fraction(),
                    grade.outcome() == Grade.Outcome.PENDING ? null : grade.fraction() * question.points());
            dao.event(attemptId, clock.millis(), "checked", slot, grade.outcome().name());
        });
    }

    public Views.SubmitSummary submitSummary(String attemptId) {
        var attempt = openAttempt(attemptId);
        var answers = jdbi.withExtension(AttemptDao.class, dao -> dao.answers(attemptId));
        return new Views.SubmitSummary(attempt, answers.size(),
                answers.stream().filter(a -> !a.answered()).map(AnswerState::slot).toList(),
                answers.stream().filter(AnswerState::flagged).map(AnswerState::slot).toList(),
                remaining(attempt));
    }

    /** Finalises once; a repeat, or a parallel duplicate, changes nothing. */
    public void submit(String attemptId) {
        var attempt = attempt(attemptId);
        if (attempt.inProgress()) {
            boolean late = attempt.timed() && clock.millis() > attempt.deadlineAt() + grace.toMillis();
            finalisation.finalise(attempt, late ? Attempt.EXPIRED : Attempt.SUBMITTED, clock.millis());
        }
    }

    /** The sweeper: finalises every attempt whose deadline and grace have passed. Returns how many. */
    public int expireOverdue() {
        long cutoff = clock.millis() - grace.toMillis();
        var overdue = jdbi.withExtension(AttemptDao.class, dao -> dao.overdue(cutoff));
        for (String id : overdue) {
            finalisation.finalise(attempt(id), Attempt.EXPIRED, clock.millis());
        }
        return overdue.size();
    }

    public Views.Result result(String attemptId) {
        var attempt = attempt(attemptId);
        if (attempt.inProgress() && overdue(attempt)) {
            finalisation.finalise(attempt, Attempt.EXPIRED, clock.millis());
            attempt = attempt(attemptId);
        }
        if (attempt.inProgress()) {
            throw new SkillmarkException.Conflict("This attempt is still in progress: submit it to see the result.");
        }
        return Results.of(jdbi, attempt, false);
    }

    /** Everything about an attempt for interviewers: every answer, key and explanation, even while in progress. */
    public Views.Result forStaff(String attemptId) {
        var attempt = attempt(attemptId);
        if (attempt.inProgress() && overdue(attempt)) {
            finalisation.finalise(attempt, Attempt.EXPIRED, clock.millis());
            attempt = attempt(attemptId);
        }
        return Results.of(jdbi, attempt, true);
    }

    public Attempt attempt(String attemptId) {
        if (attemptId == null || !attemptId.matches("[A-Za-z0-9_-]{32}")) {
            throw notFound();
        }
        return jdbi.withExtension(AttemptDao.class, dao -> dao.attempt(attemptId)).orElseThrow(Attempts::notFound);
    }

    /** The attempt, if it still takes answers; expires it on the spot when its time has run out. */
    private Attempt openAttempt(String attemptId) {
        var attempt = attempt(attemptId);
        if (attempt.inProgress() && overdue(attempt)) {
            finalisation.finalise(attempt, Attempt.EXPIRED, clock.millis());
            jdbi.useExtension(AttemptDao.class, dao -> dao.event(attemptId, clock.millis(), "late_request", null, ""));
            throw new SkillmarkException.Closed(attemptId, "Time is up. Answers that reached the server before the "
                    + "deadline (plus " + grace.toSeconds() + " seconds' grace) were kept and graded; this one arrived too late.");
        }
        if (!attempt.inProgress()) {
            throw new SkillmarkException.Closed(attemptId, "This attempt is finished and no longer takes answers.");
        }
        return attempt;
    }

    private boolean overdue(Attempt attempt) {
        return attempt.timed() && clock.millis() > attempt.deadlineAt() + grace.toMillis();
    }

    private Optional<Duration> remaining(Attempt attempt) {
        return attempt.timed()
                ? Optional.of(Duration.ofMillis(Math.max(0, attempt.deadlineAt() - clock.millis())))
                : Optional.empty();
    }

    private static Views.Feedback feedback(SlotSnapshot question, List<OptionSnapshot> options, AnswerState answer) {
        var correct = options.stream().filter(OptionSnapshot::correct).map(OptionSnapshot::position).toList();
        return new Views.Feedback(Grade.Outcome.valueOf(answer.outcome()), answer.points() == null ? 0 : answer.points(),
                correct, question.answerDisplay(), question.explanationHtml());
    }

    private static SkillmarkException.NotFound notFound() {
        return new SkillmarkException.NotFound("There is no attempt at this address. Check the link you were given.");
    }

    private String newId() {
        var bytes = new byte[24]; // 192 random bits
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static AnswerKey answerOf(SlotSnapshot slot, List<OptionSnapshot> allOptions) {
        return slot.key(allOptions.stream().filter(o -> o.slot() == slot.slot()).toList());
    }

}
