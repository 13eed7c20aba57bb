package dev.skillmark.attempt;

import dev.skillmark.account.Invitation;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.NoticeAddresses;
import dev.skillmark.outbox.Outbox;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.web.Format;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Who hears about an attempt, queued in the transaction that finalises or grades it: the inviting interviewer
 * ("candidate finished"), the invited candidate ("your result is ready", once written answers are graded), and
 * the applicant-tracking webhook ({@code attempt.finalised}, {@code attempt.graded}). Trials and practice are nobody's news.
 */
public final class AttemptNotices {

    public static final String FINALISED = "attempt.finalised";
    public static final String GRADED = "attempt.graded";
    private final Optional<Outbox> outbox;
    private final Invitations invitations;
    private final NoticeAddresses addresses;
    private final Supplier<String> publicUrl;

    public AttemptNotices(Outbox outbox, Invitations invitations, NoticeAddresses addresses, Supplier<String> publicUrl) {
        this(Optional.of(outbox), invitations, addresses, publicUrl);
    }

    private AttemptNotices(Optional<Outbox> outbox, Invitations invitations, NoticeAddresses addresses, Supplier<String> publicUrl) {
        this.outbox = outbox;
        this.invitations = invitations;
        this.addresses = addresses;
        this.publicUrl = publicUrl;
    }

    /** Tells nobody anything. */
    static AttemptNotices none() {
        return new AttemptNotices(Optional.empty(), null, null, () -> "");
    }

    /**
     * The attempt, when something may be sent about it: e-mail or the webhook is set up (otherwise not even the
     * attempt is read), and it is neither a trial run nor practice.
     */
    private Optional<Attempt> notifiable(Handle handle, String attemptId) {
        if (outbox.isEmpty() || !outbox.get().sendsAnything()) {
            return Optional.empty();
        }
        var attempt = AttemptRows.attempt(handle, attemptId).orElseThrow();
        return attempt.trial() || attempt.practice() ? Optional.empty() : Optional.of(attempt);
    }

    /** Just finalised (and graded automatically): the interviewer's notice, the webhook, and "graded" when nothing waits. */
    void finalised(Handle handle, String attemptId) {
        var found = notifiable(handle, attemptId);
        if (found.isEmpty()) {
            return;
        }
        var attempt = found.get();
        var invitation = invitation(handle, attempt);
        invitation.ifPresent(inv -> addresses.of(handle, inv.createdBy()).ifPresent(to -> outbox.get().mail(handle, "finished",
                attempt.id(), to, "finished", Map.of("to", inv.createdBy(), "candidate", attempt.candidateName(),
                        "quizTitle", attempt.quizTitle(), "how", attempt.status().label(), "score", score(attempt),
                        "pending", attempt.pending(), "link", publicUrl.get() + "/review/attempts/" + attempt.id()),
                0)));
        outbox.get().webhook(handle, FINALISED, attempt.id(), payload(FINALISED, attempt, invitation));
        if (attempt.pending() == 0) {
            outbox.get().webhook(handle, GRADED, attempt.id(), payload(GRADED, attempt, invitation));
        }
    }

    /** A person graded the last written answer: the candidate may now see the result, and the webhook hears it. */
    void gradedByHand(Handle handle, String attemptId) {
        var found = notifiable(handle, attemptId);
        if (found.isEmpty()) {
            return;
        }
        var attempt = found.get();
        var invitation = invitation(handle, attempt);
        if (candidateSeesResult(attempt.review())) {
            invitation.filter(inv -> !inv.email().isBlank()).ifPresent(inv -> outbox.get().mail(handle, "result", attempt.id(),
                    inv.email(), "result", Map.of("name", attempt.candidateName(), "quizTitle", attempt.quizTitle(),
                            "link", publicUrl.get() + "/attempts/" + attempt.id() + "/result"),
                    0));
        }
        outbox.get().webhook(handle, GRADED, attempt.id(), payload(GRADED, attempt, invitation));
    }

    /**
     * Whether the quiz's review policy lets the candidate see a result at all: both policies there are today
     * ({@code score}, {@code answers}) show at least the score; a policy that shows nothing must say no here.
     */
    static boolean candidateSeesResult(Quiz.Review review) {
        return switch (review) {
            case SCORE, ANSWERS -> true;
        };
    }

    private Optional<Invitation> invitation(Handle handle, Attempt attempt) {
        return Optional.ofNullable(attempt.invitationId()).flatMap(id -> invitations.byId(handle, id));
    }

    private static String score(Attempt attempt) {
        return Format.INSTANCE.points(attempt.score()) + " of " + Format.INSTANCE.points(attempt.maxScore()) + " points";
    }

    /** The webhook's JSON, documented field by field in the README ("E-mail and webhooks"). */
    private Map<String, Object> payload(String event, Attempt attempt, Optional<Invitation> invitation) {
        var p = new LinkedHashMap<String, Object>();
        p.put("event", event);
        p.put("attempt_id", attempt.id());
        p.put("quiz_id", attempt.quizId());
        p.put("quiz_title", attempt.quizTitle());
        p.put("candidate_name", attempt.candidateName());
        p.put("candidate_email", invitation.map(Invitation::email).filter(e -> !e.isBlank()).orElse(null));
        p.put("invitation_id", attempt.invitationId());
        p.put("invited_by", invitation.map(Invitation::createdBy).orElse(null));
        p.put("status", attempt.status().name());
        p.put("started_at", Instant.ofEpochMilli(attempt.startedAt()).toString());
        p.put("finished_at", attempt.finishedAt() == null ? null : Instant.ofEpochMilli(attempt.finishedAt()).toString());
        p.put("score", attempt.score());
        p.put("max_score", attempt.maxScore());
        p.put("percent", attempt.score() == null || attempt.maxScore() == 0 ? null
                : Math.round(attempt.score() * 1000 / attempt.maxScore()) / 10.0);
        p.put("pass_mark_percent", attempt.passMark());
        p.put("pending_grading", attempt.pending());
        p.put("review_url", publicUrl.get() + "/review/attempts/" + attempt.id());
        return p;
    }
}
