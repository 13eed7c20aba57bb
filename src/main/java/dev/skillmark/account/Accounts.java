package dev.skillmark.account;

import dev.skillmark.web.Role;
import dev.skillmark.web.SkillmarkException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Users, roles, passwords, sessions and the one-time setup link. */
public final class Accounts {

    /** A new session: the raw id goes into the cookie and nowhere else. */
    public record SignedIn(String sessionId, User user) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;
    private final Throttle throttle;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Hashing hashing;
    private final SecureRandom random = new SecureRandom();

    public Accounts(Jdbi jdbi, Clock clock, Audit audit, Throttle throttle, Hashing hashing, Duration idleTimeout,
                    Duration absoluteTimeout) {
        this.hashing = hashing;
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.throttle = throttle;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    public User create(String username, String displayName, String password, Set<Role> roles, String actor) {
        var draft = draft(username, displayName, password, roles);
        String hash = hashing.hash(password);
        long id = jdbi.inTransaction(h -> insert(h.attach(UserDao.class), draft, hash));
        audit.record(actor, "user.created", draft.username(), "roles " + roleNames(roles));
        return user(id).orElseThrow();
    }

    private record Draft(String username, String displayName, Set<Role> roles) {
    }

    private static Draft draft(String username, String displayName, String password, Set<Role> roles) {
        SkillmarkException.InvalidInput.throwIfAny(problems(username, displayName, password, roles));
        String name = username(username);
        String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
        return new Draft(name, display, Set.copyOf(roles));
    }

    /**
     * Every problem of a new user's fields at once, in the order of the form (username, name, password, roles): what
     * the error summary lists. Whether the username is taken is checked when the user is added.
     */
    public static Map<String, String> problems(String username, String displayName, String password, Set<Role> roles) {
        var problems = new java.util.LinkedHashMap<String, String>();
        if (!username(username).matches("[a-z0-9._@-]{2,100}")) {
            problems.put("username", "Use 2 to 100 letters, digits, '.', '_', '@' or '-'.");
        }
        if (displayName != null && displayName.strip().length() > 200) {
            problems.put("displayName", "Names can be at most 200 characters.");
        }
        Passwords.problem(password).ifPresent(p -> problems.put("password", p));
        if (roles.isEmpty()) {
            problems.put("roles", "Choose at least one role.");
        }
        return problems;
    }

    private static String username(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private long insert(UserDao dao, Draft draft, String hash) {
        if (dao.byUsername(draft.username()).isPresent()) {
            throw new SkillmarkException.InvalidInput("username", "There is already a user called '" + draft.username() + "'.");
        }
        long newId = dao.insert(draft.username(), draft.displayName(), hash, clock.millis());
        draft.roles().forEach(r -> dao.addRole(newId, r.name()));
        return newId;
    }

    public Optional<User> user(long id) {
        return jdbi.withExtension(UserDao.class, dao -> dao.byId(id).map(row -> toUser(dao, row)));
    }

    public List<User> users() {
        return jdbi.withExtension(UserDao.class, dao -> dao.all().stream().map(row -> toUser(dao, row)).toList());
    }

    /** When each user last signed in (epoch millis), by user id; users who never did are absent. */
    public Map<Long, Long> lastSignIns() {
        return jdbi.withExtension(UserDao.class, dao -> dao.lastSignIns().stream()
                .collect(Collectors.toMap(UserDao.LastSignIn::id, UserDao.LastSignIn::lastSignInAt)));
    }

    public void setRoles(long userId, Set<Role> roles, User actor) {
        var target = user(userId).orElseThrow(() -> new SkillmarkException.NotFound("There is no such user."));
        jdbi.useTransaction(h -> {
            var dao = h.attach(UserDao.class);
            dao.clearRoles(userId);
            roles.forEach(r -> dao.addRole(userId, r.name()));
            if (dao.activeAdmins() == 0) {
                throw new SkillmarkException.Conflict("Skillmark needs at least one admin: keep the admin role on someone.");
            }
            if (roles.isEmpty()) {
                dao.deleteSessionsOf(userId);
            }
        });
        audit.record(actor.username(), "user.roles", target.username(), roleNames(target.roles()) + " -> " + roleNames(roles));
    }

    /**
     * Reserves a failure slot per account and per address before the password is checked, so parallel
     * guesses cannot exceed the limits; a right password gives the slots back. A new session id every time.
     */
    public SignedIn signIn(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String accountKey = "account:" + name;
        String addressKey = "address:" + clientAddress;
        var wait = throttle.reserve(accountKey, Throttle.PER_ACCOUNT);
        if (wait.isEmpty()) {
            wait = throttle.reserve(addressKey, Throttle.PER_ADDRESS);
            if (wait.isPresent()) {
                throttle.release(accountKey);
            }
        }
        if (wait.isPresent()) {
            audit.record(name.isEmpty() ? "(unknown)" : name, "sign-in.throttled", clientAddress, "");
            throw new SkillmarkException.Throttled(wait.get());
        }
        var row = jdbi.withExtension(UserDao.class, dao -> dao.byUsername(name));
        String typed = password == null ? "" : password;
        boolean ok;
        try {
            ok = row.isEmpty() ? hashing.run(() -> Passwords.spendTheSameTime(typed))
                    : hashing.matches(typed, row.get().passwordHash()) && !row.get().disabled();
        } catch (SkillmarkException.Throttled busy) {
            throttle.release(accountKey);
            throttle.release(addressKey);
            throw busy;
        }
        if (!ok) {
            throttle.failed(accountKey, Throttle.PER_ACCOUNT);
            throttle.failed(addressKey, Throttle.PER_ADDRESS);
            audit.record(name.isEmpty() ? "(unknown)" : name, "sign-in.failed", clientAddress, "");
            throw new SkillmarkException.InvalidInput("password", "That username and password do not match.");
        }
        throttle.reset(accountKey);
        throttle.release(addressKey);
        String sessionId = token();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            var dao = h.attach(UserDao.class);
            dao.insertSession(sha256(sessionId), row.get().id(), now);
            dao.signedIn(row.get().id(), now);
        });
        audit.record(name, "sign-in", clientAddress, "");
        return new SignedIn(sessionId, user(row.get().id()).orElseThrow());
    }

    /** The signed-in user, if the session exists and has not timed out (idle or absolute). */
    public Optional<User> current(String sessionId) {
        if (sessionId == null || !sessionId.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = sha256(sessionId);
        return jdbi.withExtension(UserDao.class, dao -> {
            var session = dao.session(hash);
            if (session.isEmpty()) {
                return Optional.<User>empty();
            }
            var s = session.get();
            if (now - s.lastSeenAt() > idleTimeout.toMillis() || now - s.createdAt() > absoluteTimeout.toMillis()) {
                dao.deleteSession(hash);
                return Optional.<User>empty();
            }
            if (now - s.lastSeenAt() > 60_000) {
                dao.touchSession(hash, now);
            }
            return dao.byId(s.userId()).filter(u -> !u.disabled()).map(row -> toUser(dao, row));
        });
    }

    public void signOut(String sessionId, User user) {
        if (sessionId != null) {
            jdbi.useExtension(UserDao.class, dao -> dao.deleteSession(sha256(sessionId)));
        }
        audit.record(user.username(), "sign-out", "", "");
    }

    public int expireSessions() {
        long now = clock.millis();
        return jdbi.withExtension(UserDao.class, dao -> dao.deleteExpiredSessions(now - idleTimeout.toMillis(),
                now - absoluteTimeout.toMillis()));
    }

    /**
     * When nobody can administer Skillmark yet, a fresh one-time setup token; otherwise empty. Every instance
     * that starts on the database prints its own, and each works until any of them creates the first admin.
     */
    public Optional<String> setupTokenIfNoAdmin() {
        return jdbi.inTransaction(h -> {
            var dao = h.attach(UserDao.class);
            if (dao.activeAdmins() > 0) {
                return Optional.<String>empty();
            }
            String token = token();
            dao.insertSetupToken(sha256(token), clock.millis());
            return Optional.of(token);
        });
    }

    /** Open while unused and while there is no admin yet (one made with create-admin closes it too). */
    public boolean setupTokenIsOpen(String token) {
        return token != null && jdbi.withExtension(UserDao.class, dao -> dao.openSetupTokens(sha256(token)) == 1
                && dao.activeAdmins() == 0);
    }

    /**
     * Creates the first admin from the setup link. Every open link is locked and retired in the same
     * transaction that creates the admin, so of many parallel uses, of one link or of the links several
     * instances printed, exactly one succeeds; if creating the admin fails (a bad username, say), the links
     * stay usable.
     */
    public User completeSetup(String token, String username, String displayName, String password) {
        if (!setupTokenIsOpen(token)) {
            throw new SkillmarkException.NotFound("This setup link is not valid or was already used.");
        }
        var draft = draft(username, displayName, password, EnumSet.of(Role.ADMIN, Role.INTERVIEWER, Role.TRAINER));
        String hash = hashing.hash(password);
        long id = jdbi.inTransaction(h -> {
            var dao = h.attach(UserDao.class);
            if (!dao.lockOpenSetupTokens().contains(sha256(token)) || dao.activeAdmins() > 0) {
                throw new SkillmarkException.NotFound("This setup link is not valid or was already used.");
            }
            dao.retireSetupTokens(clock.millis()); // this link and the ones other instances printed
            return insert(dao, draft, hash);
        });
        audit.record(draft.username(), "setup.completed", draft.username(), "first admin created from the setup link");
        return user(id).orElseThrow();
    }

    private String token() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User toUser(UserDao dao, UserDao.UserRow row) {
        Set<Role> roles = dao.roles(row.id()).stream().map(Role::parse).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(row.id(), row.username(), row.displayName(), roles, row.disabled(), row.mustChangePassword());
    }

    private static String roleNames(Set<Role> roles) {
        return roles.isEmpty() ? "(none)" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
