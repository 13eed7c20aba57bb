package dev.skillmark;

import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Many rows written straight into the database, for lists that must scale: attempts as the dashboard lists them
 * (no questions: the list reads none) and audit entries. Ids are {@code seed} + a number, names {@code Cand 0042}.
 */
public final class Seeds {

    private Seeds() {
    }

    /** What a seeded attempt looks like; number {@code n} of {@code count}. */
    public interface Shape {
        String quiz(int n);

        String quizTitle(int n);

        /** IN_PROGRESS, SUBMITTED or EXPIRED. */
        String status(int n);

        long startedAt(int n);

        /** FOCUS_LOST events on the attempt's timeline: its signals. */
        int focusLost(int n);
    }

    public static String attemptId(int n) {
        return String.format(Locale.ROOT, "seed%028d", n);
    }

    public static String name(int n) {
        return String.format(Locale.ROOT, "Cand %04d", n);
    }

    /**
     * {@code count} attempts taken without an invitation, with their timelines' signals, in one transaction. Those in
     * progress have no deadline, so the sweeper leaves them alone while a test or a measurement reads them.
     */
    public static void attempts(Jdbi jdbi, int count, Shape shape) {
        jdbi.useTransaction(h -> {
            var attempts = h.prepareBatch("insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name,"
                    + " seed, started_at, deadline_at, status, finished_at, score, max_score, pending, pending_points, content_version)"
                    + " values (:id, :quiz, :title, 'EXAM', 'ANSWERS', 50, :name, 1, :started, :deadline, :status, :finished, :score,"
                    + " 10, :pending, :pendingPoints, 'seed')");
            var events = h.prepareBatch("insert into attempt_event (attempt_id, at, type, slot, detail)"
                    + " values (:id, :at, :type, :slot, '')");
            for (int n = 0; n < count; n++) {
                String status = shape.status(n);
                long started = shape.startedAt(n);
                boolean finished = !"IN_PROGRESS".equals(status);
                attempts.bind("id", attemptId(n)).bind("quiz", shape.quiz(n)).bind("title", shape.quizTitle(n))
                        .bind("name", name(n)).bind("started", started).bind("deadline", finished ? Long.valueOf(started + 600_000) : null)
                        .bind("status", status).bind("finished", finished ? Long.valueOf(started + 300_000 + n) : null)
                        .bind("score", finished ? Double.valueOf(n % 11) : null).bind("pending", finished && n % 4 == 0 ? 1 : 0)
                        .bind("pendingPoints", finished && n % 4 == 0 ? 1.0 : 0.0).add();
                events.bind("id", attemptId(n)).bind("at", started).bind("type", "STARTED").bind("slot", (Integer) null).add();
                for (int i = 0; i < 10; i++) { // ten questions shown, one every 20 s
                    events.bind("id", attemptId(n)).bind("at", started + 20_000L * (i + 1)).bind("type", "SHOWN").bind("slot", Integer.valueOf(i + 1)).add();
                }
                for (int i = 0; i < shape.focusLost(n); i++) {
                    events.bind("id", attemptId(n)).bind("at", started + 1_000L * (i + 1)).bind("type", "FOCUS_LOST")
                            .bind("slot", (Integer) null).add();
                }
                if (n % 500 == 499) {
                    attempts.execute();
                    events.execute();
                }
            }
            attempts.execute();
            events.execute();
        });
    }

    /** {@code count} audit entries one minute apart from {@code start}: actors, actions and targets cycle. */
    public static void auditEntries(Jdbi jdbi, int count, long start) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("insert into audit_event (at, actor, action, target, detail) values (:at, :actor, :action, :target, :detail)");
            String[] actors = {"ivy", "root", "tom"};
            String[] actions = {"sign-in", "invitation.created", "grade.changed", "export.dashboard"};
            for (int n = 0; n < count; n++) {
                batch.bind("at", start + 60_000L * n).bind("actor", actors[n % actors.length]).bind("action", actions[n % actions.length])
                        .bind("target", attemptId(n)).bind("detail", "entry " + n).add();
                if (n % 500 == 499) {
                    batch.execute();
                }
            }
            batch.execute();
        });
    }

    /**
     * {@code count} invitations {@code Invitee 0042}, one hour apart from {@code start}: every third revoked, every
     * fourth expired at {@code start}; the first {@code used} taken, by the seeded attempts numbered from 0.
     */
    public static void invitations(Jdbi jdbi, int count, long start, int used) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("insert into invitation (id, token_hash, quiz_id, candidate_name, email, created_by, created_at,"
                    + " expires_at, revoked_at, attempt_id) values (:id, :hash, 'timed', :name, :email, 'seed', :at, :expires, :revoked, :attempt)");
            for (int n = 0; n < count; n++) {
                String id = String.format(Locale.ROOT, "invi%028d", n);
                batch.bind("id", id).bind("hash", "hash-" + id).bind("name", String.format(Locale.ROOT, "Invitee %04d", n))
                        .bind("email", "invitee" + n + "@example.com").bind("at", start + 3_600_000L * n)
                        .bind("expires", n % 4 == 0 ? start : start + 3_600_000L * (n + 24 * 30))
                        .bind("revoked", n % 3 == 0 ? Long.valueOf(start + 3_600_000L * n + 1) : null)
                        .bind("attempt", n < used ? attemptId(n) : null).add();
            }
            batch.execute();
            h.execute("update attempt set invitation_id = (select i.id from invitation i where i.attempt_id = attempt.id)"
                    + " where exists (select 1 from invitation i where i.attempt_id = attempt.id)");
        });
    }
}
