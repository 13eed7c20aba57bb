package dev.skillmark.account;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.content.Content;
import dev.skillmark.outbox.Outbox;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.web.Format;
import dev.skillmark.web.SkillmarkException.InvitationClosed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Invitations: one link, one attempt, an expiry, optional extra time; revocable and re-issuable. */
public final class Invitations {

    /** A just-created invitation and its link token, which is shown once and never stored. */
    public record Issued(Invitation invitation, String token) {
        public String path() {
            return "/i/" + token;
        }
    }

    /** What the interviewer typed; validated here so the form can show errors next to fields. */
    public record Request(String quizId, String candidateName, String email, int expiresInDays, int extraTimePercent) {
    }

    @RegisterConstructorMapper(Invitation.class)
    interface Dao {
        @SqlUpdate("""
            insert into invitation (id, token_hash, quiz_id, candidate_name, email, extra_time_percent, created_by,
                                    created_at, expires_at)
            values (:id, :tokenHash, :quizId, :candidateName, :email, :extraTimePercent, :createdBy, :createdAt, :expiresAt)""")
        void insert(@BindMethods Invitation invitation);

        @SqlQuery("select * from invitation where token_hash = :hash")
        Optional<Invitation> byTokenHash(@Bind("hash") String hash);

        @SqlQuery("""
            select candidate_name from invitation
            where quiz_id = :quiz and attempt_id is null and revoked_at is null and expires_at > :now
            order by created_at, id""")
        List<String> pendingCandidates(@Bind("quiz") String quizId, @Bind("now") long now);

        @SqlQuery("select * from invitation where id = :id")
        Optional<Invitation> byId(@Bind("id") String id);

        @SqlUpdate("update invitation set revoked_at = :at where id = :id and revoked_at is null and attempt_id is null")
        int revoke(@Bind("id") String id, @Bind("at") long at);

        /** 1 when this attempt took the invitation; 0 when it was used, revoked or expired meanwhile. */
        @SqlUpdate("""
            update invitation set attempt_id = :attempt
            where id = :invitation and attempt_id is null and revoked_at is null and expires_at > :now""")
        int claim(@Bind("invitation") String invitationId, @Bind("attempt") String attemptId, @Bind("now") long now);

        /** 0 rows: used, revoked, or its link was already replaced (a repeat of the same re-issue). */
        @SqlUpdate("""
            update invitation set token_hash = :hash, expires_at = :expiresAt
            where id = :id and revoked_at is null and attempt_id is null and token_hash = :replaces""")
        int reissue(@Bind("id") String id, @Bind("hash") String hash, @Bind("expiresAt") long expiresAt,
                    @Bind("replaces") String replaces);
    }

    private static final int MAX_BULK = 500;
    /** The reminder goes this long before the link expires, to invitations that last at least twice as long. */
    static final Duration REMINDER_BEFORE = Duration.ofHours(24);
    static final String MAIL = "invitation";
    static final String REMINDER = "reminder";
    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;
    private final Content content;
    private final Optional<Outbox> outbox;
    private final Supplier<String> publicUrl;
    private final SecureRandom random = new SecureRandom();

    /** Without e-mail: links are only shown to the interviewer. */
    public Invitations(Jdbi jdbi, Clock clock, Audit audit, Content content) {
        this(jdbi, clock, audit, content, Optional.empty(), () -> "");
    }

    /** {@code publicUrl}: where candidates reach Skillmark, which the links in e-mails start with. */
    public Invitations(Jdbi jdbi, Clock clock, Audit audit, Content content, Optional<Outbox> outbox, Supplier<String> publicUrl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.content = content;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    /** Whether invitations go out by e-mail; when not, the interviewer copies the link. */
    public boolean mailEnabled() {
        return outbox.map(Outbox::mailEnabled).orElse(false);
    }

    static boolean looksLikeEmail(String text) {
        return text.matches("[^@\\s]+@[^@\\s]+");
    }

    /** Candidates with an invitation to this quiz they can still use. */
    public List<String> pendingCandidates(String quizId) {
        return jdbi.withExtension(Dao.class, dao -> dao.pendingCandidates(quizId, clock.millis()));
    }

    /** Quizzes out of service and the pending invitations they affect: the banner of staff pages. */
    public List<Content.Outage> outages() {
        return content.outages(this::pendingCandidates);
    }

    public Issued invite(Request request, User by) {
        validate(request);
        var issued = jdbi.inTransaction(h -> issue(h, request, request.candidateName().strip(),
                request.email() == null ? "" : request.email().strip(), by));
        audit.record(by.username(), "invitation.created", issued.invitation().id(),
                request.quizId() + " for " + issued.invitation().candidateName());
        return issued;
    }

    /**
     * One invitation per non-blank line, "name" or "name, email"; all or nothing. A person twice (the same
     * e-mail address, or the same name on lines without one) is refused, naming the lines.
     */
    public List<Issued> inviteMany(Request settings, String lines, User by) {
        var people = new ArrayList<String[]>();
        var firstLine = new java.util.HashMap<String, Integer>();
        var repeats = new ArrayList<String>();
        int lineNo = 0;
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[,;\\t]", 2);
            String name = parts[0].strip();
            String email = parts.length > 1 ? parts[1].strip() : "";
            if (name.isEmpty() || name.length() > 100) {
                throw new SkillmarkException.InvalidInput("lines", "Line " + lineNo + ": write a name of 1 to 100 characters, then optionally a comma and an e-mail address.");
            }
            if (!email.isEmpty() && !looksLikeEmail(email)) {
                throw new SkillmarkException.InvalidInput("lines", "Line " + lineNo + ": '" + email + "' is not an e-mail address.");
            }
            String who = email.isEmpty() ? "name:" + name.toLowerCase(java.util.Locale.ROOT)
                    : "email:" + email.toLowerCase(java.util.Locale.ROOT);
            Integer first = firstLine.putIfAbsent(who, lineNo);
            if (first != null) {
                repeats.add("line " + lineNo + " repeats line " + first + " ("
                        + (email.isEmpty() ? name : email) + ")");
            }
            people.add(new String[]{name, email});
        }
        if (!repeats.isEmpty()) {
            throw new SkillmarkException.InvalidInput("lines", "Each candidate once, please: " + String.join("; ", repeats)
                    + ". Remove the repeated " + (repeats.size() == 1 ? "line" : "lines") + " and send again.");
        }
        if (people.isEmpty()) {
            throw new SkillmarkException.InvalidInput("lines", "Paste at least one name, one per line.");
        }
        if (people.size() > MAX_BULK) {
            throw new SkillmarkException.InvalidInput("lines", "At most " + MAX_BULK + " people at once.");
        }
        validate(new Request(settings.quizId(), "x", "", settings.expiresInDays(), settings.extraTimePercent()));
        var issued = jdbi.inTransaction(h -> {
            var list = new ArrayList<Issued>();
            for (String[] person : people) {
                list.add(issue(h, settings, person[0], person[1], by));
            }
            return list;
        });
        audit.record(by.username(), "invitation.bulk", settings.quizId(), issued.size() + " invitations");
        return issued;
    }

    public Optional<Invitation> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbi.withExtension(Dao.class, dao -> dao.byTokenHash(Accounts.sha256(token)));
    }

    /**
     * The invitation behind a candidate's link, while it can still be used or is in use; a clear
     * refusal when it was withdrawn or has expired.
     */
    public Invitation forCandidate(String token) {
        var invitation = byToken(token).orElseThrow(() -> new SkillmarkException.NotFound(
                "This invitation link is not valid. Check that you copied all of it."));
        return switch (invitation.state(clock.millis())) {
            case REVOKED -> throw new InvitationClosed(InvitationClosed.Reason.WITHDRAWN, "The person who sent this link "
                    + "withdrew it. If you think that is a mistake, contact them.");
            case EXPIRED -> throw new InvitationClosed(InvitationClosed.Reason.EXPIRED, "This invitation expired on "
                    + Format.INSTANCE.time(invitation.expiresAt()) + ". Ask the person who sent it for a new link.");
            case OPEN, STARTED -> invitation;
        };
    }

    /**
     * Gives the invitation to a new attempt, in the attempt's own transaction: exactly one attempt
     * can take it, even when two start at the same moment.
     */
    public void claim(Handle handle, String invitationId, String attemptId) {
        if (handle.attach(Dao.class).claim(invitationId, attemptId, clock.millis()) == 0) {
            throw new InvitationClosed(InvitationClosed.Reason.USED, "This invitation was already used, withdrawn or "
                    + "has expired. If you started the quiz in another window, continue there.");
        }
        outbox.ifPresent(o -> o.cancel(handle, invitationId, REMINDER));
    }

    /** The invitation in the caller's transaction, e.g. to tell its candidate and its owner how it went. */
    public Optional<Invitation> byId(Handle handle, String id) {
        return handle.attach(Dao.class).byId(id);
    }

    /** The rows of the CSV that bulk invitations answer with: names and links to paste into e-mails. */
    public List<List<String>> csv(List<Issued> issued, String publicUrl) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("name", "email", "quiz", "expires", "extra_time_percent", "link"));
        for (var i : issued) {
            var inv = i.invitation();
            rows.add(List.of(inv.candidateName(), inv.email(), quizTitle(inv.quizId()), Format.INSTANCE.time(inv.expiresAt()),
                    String.valueOf(inv.extraTimePercent()), publicUrl + i.path()));
        }
        return rows;
    }

    /** A quiz as people know it: its title in the catalog, or its id once it is no longer in service. */
    public String quizTitle(String quizId) {
        return content.current().quiz(quizId).map(q -> q.title()).orElse(quizId);
    }

    /** The time by this service's clock, which decides whether an invitation is still open. */
    public long now() {
        return clock.millis();
    }

    public Invitation byId(String id) {
        return jdbi.withExtension(Dao.class, dao -> dao.byId(id))
                .orElseThrow(() -> new SkillmarkException.NotFound("There is no such invitation."));
    }

    /** Withdraws an unused invitation; a Conflict when it was used or already revoked. */
    public Invitation revoke(String id, User by) {
        var invitation = byId(id);
        requireOwner(invitation, by, "withdraw");
        jdbi.useTransaction(h -> {
            if (h.attach(Dao.class).revoke(id, clock.millis()) == 0) {
                throw new SkillmarkException.Conflict("This invitation was already used or revoked.");
            }
            outbox.ifPresent(o -> o.cancel(h, id, MAIL, REMINDER));
        });
        audit.record(by.username(), "invitation.revoked", id, invitation.candidateName());
        return invitation;
    }

    /**
     * A new link for the same invitation in place of the link whose hash is {@code replaces}; the old link stops
     * working. Empty when that link was already replaced: the same re-issue sent twice makes one new link.
     * Not for used or revoked invitations (a Conflict).
     */
    public Optional<Issued> reissue(String id, int expiresInDays, String replaces, User by) {
        var invitation = byId(id);
        requireOwner(invitation, by, "re-issue");
        if (replaces == null || replaces.isBlank()) {
            throw new SkillmarkException.InvalidInput("replaces", "Re-issue the link from the candidates page: "
                    + "its confirmation says which link the new one replaces.");
        }
        String token = token();
        long expires = clock.millis() + Duration.ofDays(Math.max(1, Math.min(90, expiresInDays))).toMillis();
        var issued = jdbi.inTransaction(h -> {
            var dao = h.attach(Dao.class);
            if (dao.reissue(id, Accounts.sha256(token), expires, replaces) == 0) {
                return Optional.<Issued>empty();
            }
            outbox.ifPresent(o -> o.cancel(h, id, MAIL, REMINDER));
            var again = new Issued(dao.byId(id).orElseThrow(), token);
            queueMail(h, again, by);
            return Optional.of(again);
        });
        if (issued.isEmpty()) {
            var now = byId(id);
            if (now.revokedAt() != null || now.attemptId() != null) {
                throw new SkillmarkException.Conflict("This invitation was already used or revoked; create a new one instead.");
            }
            return Optional.empty();
        }
        audit.record(by.username(), "invitation.reissued", id, invitation.candidateName());
        return issued;
    }

    /**
     * Only the interviewer who sent an invitation, or an admin, may withdraw or re-issue it: either one kills
     * the link the owner already sent, which a colleague should not do behind their back. A refusal is audited.
     */
    private void requireOwner(Invitation invitation, User by, String what) {
        if (!invitation.createdBy().equals(by.username()) && !by.roles().contains(dev.skillmark.web.Role.ADMIN)) {
            audit.record(by.username(), "invitation.refused", invitation.id(), what + ": belongs to " + invitation.createdBy());
            throw new SkillmarkException.Forbidden("This invitation belongs to " + invitation.createdBy()
                    + ". Only they or an admin can " + what + " it; ask them.");
        }
    }

    private Issued issue(Handle handle, Request request, String name, String email, User by) {
        String token = token();
        long now = clock.millis();
        var invitation = new Invitation(newId(), Accounts.sha256(token), request.quizId(), name, email,
                request.extraTimePercent(), by.username(), now, now + Duration.ofDays(request.expiresInDays()).toMillis(),
                null, null);
        handle.attach(Dao.class).insert(invitation);
        var issued = new Issued(invitation, token);
        queueMail(handle, issued, by);
        return issued;
    }

    /**
     * The invitation e-mail now, and a reminder a day before the link expires, in the invitation's transaction.
     * The reminder is withdrawn when the candidate starts, or the invitation is withdrawn or re-issued.
     */
    private void queueMail(Handle handle, Issued issued, User by) {
        var inv = issued.invitation();
        if (outbox.isEmpty() || inv.email().isBlank()) {
            return;
        }
        var quiz = content.current().quiz(inv.quizId());
        var model = Map.of("name", inv.candidateName(), "quizTitle", quiz.map(Quiz::title).orElse(inv.quizId()),
                "timeLimit", quiz.flatMap(Quiz::timeLimit)
                        .map(l -> Format.INSTANCE.duration(l.multipliedBy(100 + inv.extraTimePercent()).dividedBy(100))
                                + (inv.extraTimePercent() > 0 ? " (with " + inv.extraTimePercent() + "% extra time)" : ""))
                        .orElse("none"),
                "expires", Format.INSTANCE.time(inv.expiresAt()), "link", publicUrl.get() + issued.path(),
                "from", by.displayName());
        long now = clock.millis();
        outbox.get().mail(handle, MAIL, inv.id(), inv.email(), "invitation", model, now);
        long remindAt = inv.expiresAt() - REMINDER_BEFORE.toMillis();
        if (remindAt - now >= REMINDER_BEFORE.toMillis()) {
            outbox.get().mail(handle, REMINDER, inv.id(), inv.email(), "reminder", model, remindAt);
        }
    }

    private void validate(Request r) {
        problems(r).entrySet().stream().findFirst().ifPresent(p -> {
            throw new SkillmarkException.InvalidInput(p.getKey(), p.getValue());
        });
    }

    /** Every problem of a request at once, by field, in the order of the form: what the error summary lists. */
    public java.util.Map<String, String> problems(Request r) {
        var problems = new java.util.LinkedHashMap<String, String>();
        if (r.quizId() == null || content.current().quiz(r.quizId()).isEmpty()) {
            problems.put("quiz", "Choose a quiz.");
        }
        if (r.candidateName() == null || r.candidateName().isBlank() || r.candidateName().strip().length() > 100) {
            problems.put("name", "Enter the candidate's name (at most 100 characters).");
        }
        if (r.email() != null && !r.email().isBlank() && !r.email().strip().matches("[^@\\s]+@[^@\\s]+")) {
            problems.put("email", "That is not an e-mail address.");
        }
        if (r.expiresInDays() < 1 || r.expiresInDays() > 90) {
            problems.put("expires", "The link can stay valid for 1 to 90 days.");
        }
        if (r.extraTimePercent() < 0 || r.extraTimePercent() > 300) {
            problems.put("extra", "Extra time is a percentage from 0 to 300.");
        }
        return problems;
    }

    private String token() {
        var bytes = new byte[32]; // 256 random bits
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String newId() {
        var bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
