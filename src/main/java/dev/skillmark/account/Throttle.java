package dev.skillmark.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Slows down password guessing per account and per client address. A sign-in first reserves a
 * failure slot in one conditional update, before the password is checked, so parallel guesses can
 * never take more slots than the limit; a right password gives its slot back. When the slots are
 * used up the key is blocked, from 30 s doubling up to a cap, so the real owner is delayed, never
 * locked out for good.
 */
public final class Throttle {

    /** {@code allowed} failures within {@code window}, then blocks from 30 s doubling up to {@code maxBlock}. */
    public record Rule(int allowed, Duration window, Duration maxBlock) {
    }

    public static final Rule PER_ACCOUNT = new Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    public static final Rule PER_ADDRESS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final Duration FIRST_BLOCK = Duration.ofSeconds(30);

    record Row(String throttleKey, int failures, long windowStart, long blockedUntil, int strikes) {
    }

    @RegisterConstructorMapper(Row.class)
    interface Dao {
        @SqlQuery("select throttle_key, failures, window_start, blocked_until, strikes from sign_in_throttle where throttle_key = :key")
        Optional<Row> find(@Bind("key") String key);

        @SqlUpdate("""
            insert into sign_in_throttle (throttle_key, failures, window_start, blocked_until, strikes)
            values (:key, 0, :now, 0, 0)""")
        void insert(@Bind("key") String key, @Bind("now") long now);

        /** A window that ran out without a block starts afresh, and so does the escalation. */
        @SqlUpdate("""
            update sign_in_throttle set failures = 0, window_start = :now, strikes = 0
            where throttle_key = :key and blocked_until = 0 and window_start < :cutoff""")
        int restartWindow(@Bind("key") String key, @Bind("now") long now, @Bind("cutoff") long cutoff);

        /** A block that is over gives the slots back; the next block will be longer. */
        @SqlUpdate("""
            update sign_in_throttle set failures = 0, window_start = :now, blocked_until = 0
            where throttle_key = :key and blocked_until > 0 and blocked_until <= :now""")
        int endBlock(@Bind("key") String key, @Bind("now") long now);

        @SqlUpdate("""
            update sign_in_throttle set failures = failures + 1
            where throttle_key = :key and failures < :allowed and blocked_until = 0""")
        int reserve(@Bind("key") String key, @Bind("allowed") int allowed);

        @SqlUpdate("""
            update sign_in_throttle set blocked_until = :until, strikes = strikes + 1
            where throttle_key = :key and failures >= :allowed and blocked_until = 0 and strikes = :strikes""")
        int block(@Bind("key") String key, @Bind("allowed") int allowed, @Bind("strikes") int strikes,
                  @Bind("until") long until);

        @SqlUpdate("update sign_in_throttle set failures = failures - 1 where throttle_key = :key and failures > 0")
        int release(@Bind("key") String key);

        @SqlUpdate("delete from sign_in_throttle where throttle_key = :key")
        void delete(@Bind("key") String key);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Throttle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Takes one failure slot for {@code key}; empty when taken, otherwise how long the key must wait. */
    public Optional<Duration> reserve(String key, Rule rule) {
        long now = clock.millis();
        return jdbi.withExtension(Dao.class, dao -> {
            if (dao.find(key).isEmpty()) {
                try {
                    dao.insert(key, now);
                } catch (UnableToExecuteStatementException raced) {
                    // another sign-in made the row first
                }
            }
            dao.restartWindow(key, now, now - rule.window().toMillis());
            dao.endBlock(key, now);
            if (dao.reserve(key, rule.allowed()) == 1) {
                return Optional.<Duration>empty();
            }
            return Optional.of(blockIfFull(dao, key, rule, now));
        });
    }

    /** A wrong password keeps its slot; the one that fills the last slot starts the block. */
    public void failed(String key, Rule rule) {
        jdbi.useExtension(Dao.class, dao -> blockIfFull(dao, key, rule, clock.millis()));
    }

    /** A right password gives its slot back (the address's: others behind it may have guessed). */
    public void release(String key) {
        jdbi.useExtension(Dao.class, dao -> dao.release(key));
    }

    /** A right password clears the account's record. */
    public void reset(String key) {
        jdbi.useExtension(Dao.class, dao -> dao.delete(key));
    }

    private static Duration blockIfFull(Dao dao, String key, Rule rule, long now) {
        for (int tries = 0; tries < 5; tries++) {
            var row = dao.find(key).orElseThrow();
            if (row.blockedUntil() > now) {
                return Duration.ofMillis(row.blockedUntil() - now);
            }
            if (row.failures() < rule.allowed()) {
                return Duration.ZERO;
            }
            long block = Math.min(rule.maxBlock().toMillis(), FIRST_BLOCK.toMillis() << Math.min(row.strikes(), 20));
            if (dao.block(key, rule.allowed(), row.strikes(), now + block) == 1) {
                return Duration.ofMillis(block);
            }
        }
        return FIRST_BLOCK;
    }
}
