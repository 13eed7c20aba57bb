package dev.skillmark.account;

import dev.skillmark.web.SkillmarkException;
import org.jdbi.v3.core.Jdbi;

/**
 * What an admin does to someone else's account, and what anyone does to their own password. Every
 * change is audited; deactivating a user or resetting their password ends their sessions.
 */
public final class UserAdmin {

    private final Jdbi jdbi;
    private final Audit audit;
    private final Hashing hashing;

    public UserAdmin(Jdbi jdbi, Audit audit, Hashing hashing) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.hashing = hashing;
    }

    /** Deactivated users cannot sign in, and their sessions end at once; their history stays. */
    public void setActive(long userId, boolean active, User actor) {
        if (!active && userId == actor.id()) {
            throw new SkillmarkException.Conflict("You cannot deactivate your own account; ask another admin.");
        }
        var target = target(userId);
        jdbi.useTransaction(h -> {
            var dao = h.attach(UserDao.class);
            dao.setDisabled(userId, !active);
            if (dao.activeAdmins() == 0) {
                throw new SkillmarkException.Conflict("Skillmark needs at least one active admin: this is the last one.");
            }
            if (!active) {
                dao.deleteSessionsOf(userId);
            }
        });
        audit.record(actor.username(), active ? "user.reactivated" : "user.deactivated", target.username(), "");
    }

    /** Sets a temporary password the user must replace at their next sign-in; their sessions end. */
    public void resetPassword(long userId, String temporary, User actor) {
        var target = target(userId);
        Passwords.problem(temporary).ifPresent(p -> {
            throw new SkillmarkException.InvalidInput("password", p);
        });
        String hash = hashing.hash(temporary);
        jdbi.useTransaction(h -> {
            var dao = h.attach(UserDao.class);
            dao.setPassword(userId, hash, true);
            dao.deleteSessionsOf(userId);
        });
        audit.record(actor.username(), "user.password-reset", target.username(), "must choose a new one at the next sign-in");
    }

    /**
     * The signed-in user replaces their own password (after a reset, or whenever they like); every problem at once: a wrong current password, a new one too weak or
     * the same as the current one, and {@code again} differing from it.
     */
    public void changePassword(User user, String current, String chosen, String again) {
        var row = jdbi.withExtension(UserDao.class, dao -> dao.byId(user.id())).orElseThrow();
        var problems = new java.util.LinkedHashMap<String, String>();
        if (!hashing.matches(current == null ? "" : current, row.passwordHash())) {
            problems.put("current", "That is not your current password.");
        }
        Passwords.problem(chosen).ifPresentOrElse(p -> problems.put("password", p), () -> {
            if (chosen.equals(current)) {
                problems.put("password", "Choose a password different from the current one.");
            }
        });
        if (!java.util.Objects.equals(chosen == null ? "" : chosen, again)) {
            problems.put("confirm", "The two passwords are not the same.");
        }
        SkillmarkException.InvalidInput.throwIfAny(problems);
        String hash = hashing.hash(chosen);
        jdbi.useExtension(UserDao.class, dao -> dao.setPassword(user.id(), hash, false));
        audit.record(user.username(), "user.password-changed", user.username(), "");
    }

    private User target(long userId) {
        return jdbi.withExtension(UserDao.class, dao -> dao.byId(userId))
                .map(row -> new User(row.id(), row.username(), row.displayName(), java.util.Set.of(), row.disabled()))
                .orElseThrow(() -> new SkillmarkException.NotFound("There is no such user."));
    }
}
