package dev.skillmark.attempt;

import dev.skillmark.account.Invitations;
import dev.skillmark.content.Content;
import dev.skillmark.quiz.Grade;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.web.SkillmarkException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt's commands: start, save, flag, check (practice), submit, expire. The server owns the
 * deadline: it is computed at start, stored, and every write is checked against it plus {@code grace}.
 * Every write locks the attempt's row in the transaction that checks its status, so writes to one
 * attempt happen in one order and none lands after it is finalised.
 */
public final class Attempts {

    public static final int MAX_NAME = 100;
    public static final int MAX_RESPONSE = 20_000;
    /** Enough for a fast typist's autosaves (one per pause) and every button; past it, 429. */
    public static final int SAVES_PER_MINUTE = 120;
    private static final Duration SAVE_WINDOW = Duration.ofMinutes(1);
    static final long BURST_STRETCH_MS = 10_000;
    static final int BURST_QUESTIONS = 4;
    private static final Logger log = LoggerFactory.getLogger(Attempts.class);

    /** What an invitation adds to a start: which one it is, and the candidate's extra time. */
    public record Invited(String invitationId, int extraTimePercent) {
    }

    /** The page a save was made from: the revision of the answer it showed, and the page's own token. */
    public record Base(int revision, String page) {
        public Base {
            page = page == null ? "" : page;
        }
    }

    private final Jdbi jdbi;
    private final Content content;
    private final Invitations invitations;
    private final Clock clock;
    private final Duration grace;
    private final LongSupplier seeds;
    private final SecureRandom random = new SecureRandom();
    private final Finalisation finalisation;
    private final AttemptMetrics metrics;
    private final SharedCommits saves;
    private final SharedCommits starts;
    private final AttemptSnapshots snapshots;
    private final StoredQuestions storedQuestions;

    /**
     * {@code seeds}: where each attempt's draw seed comes from (random in production, fixed in tests);
     * {@code metrics}: told of every save and finalisation as it happens.
     */
    public Attempts(Jdbi jdbi, Content content, Invitations invitations, Grades grades, Clock clock, Duration grace,
                    LongSupplier seeds, AttemptMetrics metrics) {
        this.jdbi = jdbi;
        this.content = content;
        this.invitations = invitations;
        this.clock = clock;
        this.grace = grace;
        this.seeds = seeds;
        this.snapshots = new AttemptSnapshots(jdbi);
        this.finalisation = new Finalisation(jdbi, grades, metrics, snapshots);
        this.metrics = metrics;
        this.saves = new SharedCommits(jdbi, "shared-commits", metrics::committed);
        this.starts = new SharedCommits(jdbi, "starts", metrics::committedStarts);
        this.storedQuestions = new StoredQuestions(jdbi);
    }

    /**
     * {@code listener} is told of every finalisation this instance commits, once committed: the attempt and how many
     * "shown" events the finalisation read (the timeline writer checks whether more reached the table after that).
     */
    void afterFinalisation(BiConsumer<String, Integer> listener) {
        finalisation.afterCommit(listener);
    }

    /** The cache of frozen questions, shared with the pages. */
    AttemptSnapshots snapshots() {
        return snapshots;
    }

    /** Commits the saves still waiting; later ones commit on their own. Call once the server takes no more requests. */
    public void close() {
        saves.close();
        starts.close();
        finalisation.close();
    }

    public Duration grace() {
        return grace;
    }

    public String start(String quizId, String candidateName, Client client) {
        return start(quizId, candidateName, client, Optional.empty());
    }

    /** A start from the public page; {@code retakes}, for a public exam, counts it against the browser's retakes. */
    public String start(String quizId, String candidateName, Client client, Optional<Retakes.Limit> retakes) {
        return create(quizId, candidateName, Optional.empty(), client, false, retakes);
    }

    /** Starts the one attempt an invitation allows, under the name it was issued to. */
    public String startInvited(String quizId, String candidateName, Invited invited, Client client) {
        return create(quizId, candidateName, Optional.of(invited), client, false, Optional.empty());
    }

    /** A trainer's "try it" run: a real attempt that is never counted on the dashboard or in statistics. */
    public String startTrial(String quizId, String trainer) {
        return create(quizId, "Trial run by " + trainer, Optional.empty(), Client.UNKNOWN, true, Optional.empty());
    }

    /**
     * Creates the attempt, draws its questions and freezes them into a snapshot. The deadline is the
     * earlier of start + limit x (1 + extra time) and the quiz's close time.
     */
    private String create(String quizId, String candidateName, Optional<Invited> invited, Client client, boolean trial,
                          Optional<Retakes.Limit> retakes) {
        String name = candidateName == null ? "" : candidateName.strip();
        if (name.isEmpty()) {
            throw new SkillmarkException.InvalidInput("name", "Enter your name so your result can be told apart from others.");
        }
        if (name.length() > MAX_NAME) {
            throw new SkillmarkException.InvalidInput("name", "Your name can be at most " + MAX_NAME + " characters.");
        }
        var inService = content.inService();
        var catalog = inService.catalog();
        Quiz quiz = catalog.quiz(quizId).orElseThrow(() -> new SkillmarkException.NotFound("There is no quiz called '" + quizId + "'."));
        if (!quiz.openAt(clock.instant())) {
            throw new SkillmarkException.Conflict(quiz.opens().filter(o -> clock.instant().isBefore(o)).isPresent()
                    ? "This quiz opens at " + quiz.opens().get() + " (UTC)."
                    : "This quiz closed at " + quiz.closes().orElseThrow() + " (UTC).");
        }
        long seed = seeds.getAsLong();
        var drawn = catalog.draw(quiz, seed);
        long now = clock.millis();
        String id = newId();
        var frozen = new ArrayList<Snapshots.Frozen>();
        for (int i = 0; i < drawn.size(); i++) {
            frozen.add(Snapshots.freeze(id, i + 1, drawn.get(i), catalog.bank(drawn.get(i).question().bankId()).orElseThrow().title()));
        }
        var slots = frozen.stream().map(Snapshots.Frozen::slot).toList();
        storedQuestions.store(frozen.stream().map(Snapshots.Frozen::question).toList());
        double max = drawn.stream().mapToInt(d -> d.question().points()).sum();
        int extra = invited.map(Invited::extraTimePercent).orElse(0);
        Long deadline = quiz.timeLimit().map(limit -> now + limit.toMillis() * (100 + extra) / 100).orElse(null);
        if (quiz.closes().isPresent()) {
            long closes = quiz.closes().get().toEpochMilli();
            deadline = deadline == null ? closes : Math.min(deadline, closes);
        }
        var row = new Attempt(id, quiz.id(), quiz.title(), quiz.mode(), quiz.review(), quiz.passMark(),
                name, seed, now, deadline, Attempt.Status.IN_PROGRESS, null, null, max, 0, 0, inService.version(),
                invited.map(Invited::invitationId).orElse(null), extra, client.address(), client.agent(), trial, 0, 0);
        // starts that arrive together share one transaction and one commit (SharedCommits): a class that starts at
        // once pays for a commit per batch, not per candidate; each start is its own savepoint, and returns only
        // once committed. The attempt has no row yet, so there is nothing to lock. What a start does lock (its
        // invitation, its browser's retake place) belongs to one candidate; only two instances batching the same two
        // candidates' double clicks in opposite orders could deadlock, and the database then fails one batch, whose
        // candidates are told to try again (nothing of it is stored).
        starts.run(id, (h, none) -> {
            var dao = h.attach(AttemptDao.class);
            dao.insertAttempt(row);
            if (retakes.isPresent()) {
                Retakes.claim(h, retakes.get(), quiz.id(), id, now);
            }
            if (invited.isPresent()) {
                invitations.claim(h, invited.get().invitationId(), id);
            }
            dao.insertSlots(slots);
            EssayKeys.insert(h, id, drawn);
            dao.insertEmptyAnswers(id, IntStream.rangeClosed(1, slots.size()).boxed().toList());
            dao.event(id, now, EventType.STARTED, null, "");
            return id;
        });
        log.info("attempt {} started: quiz {}, {} questions", shortId(id), quiz.id(), slots.size());
        return id;
    }

    /**
     * Saves an answer made on the page that showed revision {@code base.revision()} of it. Refused as
     * stale, changing nothing, when another page saved a newer revision since; repeating a save that
     * is already stored is harmless.
     */
    public Saved save(String attemptId, int slot, Base base, AnswerInput input) {
        // read before the shared commit, so the thread that runs every save never waits for a snapshot's queries
        var snapshot = snapshots.of(attemptId);
        var saved = write(attemptId, true, (h, attempt) -> {
            var question = slot(snapshot, slot);
            String encoded = input.toResponse(question, snapshot.options(slot).size()).encode();
            var current = AttemptRows.answer(h, attemptId, slot).orElseThrow();
            long now = clock.millis();
            if (current.response().equals(encoded)) {
                return new Counted(new Saved.Stored(current.revision(), attempt.deadlineAt()), AttemptMetrics.Save.UNCHANGED);
            }
            if (current.checked()) {
                throw new SkillmarkException.Conflict("You already checked this question; its answer is final.");
            }
            countSave(h, attempt, now); // a stale page counts too: its refusals write an event
            if (current.revision() != base.revision() && !base.page().equals(current.savedBy())) {
                h.attach(AttemptDao.class).event(attemptId, now, EventType.STALE_SAVE, slot,
                        "revision " + base.revision() + " < " + current.revision());
                return new Counted(new Saved.Stale(current, attempt.deadlineAt()), AttemptMetrics.Save.STALE);
            }
            AttemptRows.save(h, attemptId, slot, encoded, base.page(), now);
            noteBurst(h, attemptId, slot, current.savedAt(), now);
            return new Counted(new Saved.Stored(current.revision() + 1, attempt.deadlineAt()), AttemptMetrics.Save.STORED);
        });
        metrics.saved(saved.outcome()); // counted after the commit: a save that rolled back was not made
        return saved.saved();
    }

    /**
     * A save records no event of its own: the answer row keeps its revision and time, and the timeline stays
     * small (an event per save would grow the database by kilobytes per autosave). Only the save that makes
     * {@value #BURST_QUESTIONS} different questions saved within one {@value #BURST_STRETCH_MS} ms stretch
     * (counted from the epoch) records a BURST, once per stretch: a slot's first save in the stretch is the
     * only one that can raise the count, and then the answers saved since the stretch began say how many.
     */
    private static void noteBurst(Handle h, String attemptId, int slot, Long previousSave, long now) {
        long stretch = now - Math.floorMod(now, BURST_STRETCH_MS);
        if ((previousSave == null || previousSave < stretch) && AttemptRows.savedSince(h, attemptId, stretch) == BURST_QUESTIONS) {
            h.attach(AttemptDao.class).event(attemptId, now, EventType.BURST, slot,
                    BURST_QUESTIONS + " different questions saved within 10 seconds");
        }
    }

    private record Counted(Saved saved, AttemptMetrics.Save outcome) {
    }

    /** Past {@link #SAVES_PER_MINUTE} saves in a minute an attempt is told to slow down: storage stays bounded. */
    private void countSave(Handle h, Attempt attempt, long now) {
        long windowStart = now - SAVE_WINDOW.toMillis();
        if (attempt.saveWindowStart() > windowStart && attempt.saveWindowCount() >= SAVES_PER_MINUTE) {
            metrics.saved(AttemptMetrics.Save.TOO_FAST);
            throw new SkillmarkException.TooFast(Duration.ofMillis(attempt.saveWindowStart() - windowStart));
        }
        AttemptRows.countSave(h, attempt.id(), now, windowStart);
    }

    public void flag(String attemptId, int slot, boolean flagged) {
        write(attemptId, (h, attempt) -> {
            var dao = h.attach(AttemptDao.class);
            if (dao.setFlag(attemptId, slot, flagged) == 0) {
                throw new SkillmarkException.NotFound("This quiz has no question " + slot + ".");
            }
            dao.event(attemptId, clock.millis(), flagged ? EventType.FLAGGED : EventType.UNFLAGGED, slot, "");
            return true;
        });
    }

    /** Practice mode: grades one question now and locks it, so the feedback can be shown. */
    public void check(String attemptId, int slot) {
        var snapshot = snapshots.of(attemptId); // before the transaction: a miss must not hold two connections
        write(attemptId, (h, attempt) -> {
            if (!attempt.practice()) {
                throw new SkillmarkException.Forbidden("Answers are checked after submitting in this quiz.");
            }
            var question = slot(snapshot, slot);
            var grade = Grades.check(question, snapshot.options(slot), AttemptRows.answer(h, attemptId, slot).orElseThrow());
            var dao = h.attach(AttemptDao.class);
            dao.check(attemptId, slot, grade.outcome().name(), grade.fraction(), Grades.points(grade, question.points()));
            dao.event(attemptId, clock.millis(), EventType.CHECKED, slot, grade.outcome().name());
            return grade.outcome() != Grade.Outcome.PENDING;
        });
    }

    /** {@link #submit(String, Runnable)} with nothing to do first. */
    public void submit(String attemptId) {
        submit(attemptId, () -> { });
    }

    /**
     * Finalises once; a repeat, or a parallel duplicate, changes nothing. The submit counts from when it
     * reached Skillmark, before {@code beforeFinalising} (the timeline's flush) and before it waits for a
     * connection or the attempt's lock: sent before the deadline, it is "submitted" even when 2,000 candidates
     * submit in the same second and its turn comes later; received at or past the deadline, time ran out.
     */
    public void submit(String attemptId, Runnable beforeFinalising) {
        SharedCommits.await(submitting(attemptId, beforeFinalising), "the attempt was being submitted");
    }

    /**
     * {@link #submit(String, Runnable)} for a request that does not hold its thread while it waits: the future
     * completes once the finalisation is committed (or at once when the attempt was already finished). Requests
     * that hold no thread are read as they arrive, so a submit's time of arrival is the time it reached the
     * server, not the time a thread was free for it.
     */
    public CompletableFuture<Void> submitting(String attemptId, Runnable beforeFinalising) {
        long received = clock.millis();
        beforeFinalising.run();
        var attempt = attempt(attemptId);
        if (!attempt.inProgress()) {
            return CompletableFuture.completedFuture(null);
        }
        boolean timeRanOut = attempt.timed() && received >= attempt.deadlineAt();
        var status = timeRanOut ? Attempt.Status.EXPIRED : Attempt.Status.SUBMITTED;
        return finalisation.later(attemptId, status, received, AttemptMetrics.Finalised.SUBMITTED).thenApply(finalised -> null);
    }

    /** Submits (and other finalisations) waiting for their commit: thousands at a shared deadline, none otherwise. */
    public int finalisationsWaiting() {
        return finalisation.waiting();
    }

    /**
     * The sweeper: finalises every attempt whose deadline and grace have passed. Every instance runs one; each
     * skips the attempts another holds locked, so they share the work and each attempt is finalised once.
     * Returns how many this call finalised.
     */
    public int expireOverdue() {
        long cutoff = clock.millis() - grace.toMillis();
        int finalised = 0;
        for (String id : jdbi.withExtension(AttemptDao.class, dao -> dao.overdue(cutoff))) {
            if (finalisation.finaliseUnlessBusy(id, Attempt.Status.EXPIRED, clock.millis(), AttemptMetrics.Finalised.SWEPT)) {
                finalised++;
            }
        }
        return finalised;
    }

    /** The attempt as it stands now: finalised on the spot when its time ran out while nobody was looking. */
    public Attempt current(String attemptId) {
        var attempt = attempt(attemptId);
        if (attempt.inProgress() && overdue(attempt)) {
            finalisation.finalise(attemptId, Attempt.Status.EXPIRED, clock.millis(), AttemptMetrics.Finalised.EXPIRED);
            return attempt(attemptId);
        }
        return attempt;
    }

    /** The attempt as stored, without finalising it. */
    public Attempt attempt(String attemptId) {
        if (attemptId == null || !attemptId.matches("[A-Za-z0-9_-]{32}")) {
            throw notFound();
        }
        return jdbi.withHandle(h -> AttemptRows.attempt(h, attemptId)).orElseThrow(Attempts::notFound);
    }

    public boolean overdue(Attempt attempt) {
        return attempt.timed() && clock.millis() > attempt.deadlineAt() + grace.toMillis();
    }

    public Optional<Duration> remaining(Attempt attempt) {
        return remaining(attempt.deadlineAt());
    }

    /** The time left before {@code deadlineAt} (epoch ms), none when untimed (null). */
    public Optional<Duration> remaining(Long deadlineAt) {
        return deadlineAt != null ? Optional.of(Duration.ofMillis(Math.max(0, deadlineAt - clock.millis()))) : Optional.empty();
    }

    /**
     * Runs a write under the attempt's row lock, after checking in the same transaction that it still
     * takes answers. A write that arrives too late finalises the attempt (once the lock is released) and
     * is refused.
     */
    private <T> T write(String attemptId, BiFunction<Handle, Attempt, T> command) {
        return write(attemptId, false, command);
    }

    /** {@code shared}: the write may share its commit with others arriving at the same time (autosaves do). */
    private <T> T write(String attemptId, boolean shared, BiFunction<Handle, Attempt, T> command) {
        attempt(attemptId);
        SharedCommits.Write<Optional<T>> locked = (h, row) -> {
            var attempt = row.orElseThrow(Attempts::notFound);
            if (!attempt.inProgress()) {
                throw new SkillmarkException.AttemptClosed(attemptId, attempt.expired(),
                        "This attempt is finished and no longer takes answers.");
            }
            return overdue(attempt) ? Optional.<T>empty() : Optional.of(command.apply(h, attempt));
        };
        Optional<T> done = shared ? saves.run(attemptId, locked)
                : jdbi.inTransaction(h -> locked.apply(h, AttemptRows.lock(h, attemptId)));
        return done.orElseThrow(() -> {
            finalisation.finalise(attemptId, Attempt.Status.EXPIRED, clock.millis(), AttemptMetrics.Finalised.EXPIRED);
            jdbi.useExtension(AttemptDao.class, dao -> dao.event(attemptId, clock.millis(), EventType.LATE_REQUEST, null, ""));
            return new SkillmarkException.AttemptClosed(attemptId, true, "Time is up. Answers that reached the server "
                    + "before the deadline (plus " + grace.toSeconds() + " seconds' grace) were kept and graded; this one "
                    + "arrived too late.");
        });
    }

    private static SlotSnapshot slot(AttemptSnapshots.Snapshot snapshot, int slot) {
        return snapshot.slot(slot).orElseThrow(() -> new SkillmarkException.NotFound("This quiz has no question " + slot + "."));
    }

    private static SkillmarkException.NotFound notFound() {
        return new SkillmarkException.NotFound("There is no attempt at this address. Check the link you were given.");
    }

    /** The characters of an id in their ASCII order, so an id's time prefix sorts as the time does. */
    private static final char[] IN_ORDER = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray();

    /**
     * 7 characters of the start time (42 bits of epoch milliseconds, enough until 2109), then 150 random bits in
     * base64url: 32 characters, unguessable by the random part alone, and never starting with '-' (a command line
     * would take it for an option). Attempts started together sit side by side in every table and index keyed by
     * the attempt (its row, slots, answers), so the commit of a start, and of the saves of attempts under way,
     * rewrites a few shared pages of each B-tree rather than a page per attempt anywhere in it.
     */
    private String newId() {
        long now = clock.millis();
        var id = new StringBuilder(32);
        for (int shift = 36; shift >= 0; shift -= 6) {
            id.append(IN_ORDER[(int) (now >>> shift) & 63]);
        }
        var bytes = new byte[19];
        random.nextBytes(bytes);
        return id.append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), 0, 25).toString();
    }

    /** How logs name an attempt: the end of its id, which is random (its start is the time). */
    static String shortId(String attemptId) {
        return attemptId.substring(attemptId.length() - 6);
    }
}
