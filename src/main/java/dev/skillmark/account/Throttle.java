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
 * Slows down password guessing per account and per client address. Blocks are temporary and grow
 * with each further failure up to a cap, so the real owner is delayed, never locked out for good.
 */
public final class Throttle {

    /** {@code allowed} failures within {@code window}, then blocks from 30 s doubling up to {@code maxBlock}. */
    public record Rule(int allowed, Duration window, Duration maxBlock) {
    }

    public static final Rule PER_ACCOUNT = new Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    public static final Rule PER_ADDRESS = new Rule(20, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private static final Duration FIRST_BLOCK = Duration.ofSeconds(30);

    record Row(String throttleKey, int failures, long windowStart, long blockedUntil) {
    }

    @RegisterConstructorMapper(Row.class)
    interface Dao {
        @SqlQuery("select * from sign_in_throttle where throttle_key = :key")
        Optional<Row> find(@Bind("key") String key);

        @SqlUpdate("""
            update sign_in_throttle set failures = :failures, window_start = :windowStart, blocked_until = :blockedUntil
            where throttle_key = :key""")
        int update(@Bind("key") String key, @Bind("failures") int failures, @Bind("windowStart") long windowStart,
                   @Bind("blockedUntil") long blockedUntil);

        @SqlUpdate("""
            insert into sign_in_throttle (throttle_key, failures, window_start, blocked_until)
            values (:key, :failures, :windowStart, :blockedUntil)""")
        void insert(@Bind("key") String key, @Bind("failures") int failures, @Bind("windowStart") long windowStart,
                    @Bind("blockedUntil") long blockedUntil);

        @SqlUpdate("delete from sign_in_throttle where throttle_key = :key")
        void delete(@Bind("key") String key);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Throttle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** How long the key must still wait, if it is blocked. */
    public Optional<Duration> blocked(String key) {
        long now = clock.millis();
        return jdbi.withExtension(Dao.class, dao -> dao.find(key))
                .filter(r -> r.blockedUntil() > now)
                .map(r -> Duration.ofMillis(r.blockedUntil() - now));
    }

    public void failure(String key, Rule rule) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            var dao = h.attach(Dao.class);
            var row = dao.find(key);
            boolean fresh = row.isEmpty() || now - row.get().windowStart() > rule.window().toMillis();
            int failures = fresh ? 1 : row.get().failures() + 1;
            long windowStart = fresh ? now : row.get().windowStart();
            long blockedUntil = 0;
            if (failures >= rule.allowed()) {
                int over = Math.min(failures - rule.allowed(), 20);
                long block = Math.min(rule.maxBlock().toMillis(), FIRST_BLOCK.toMillis() << over);
                blockedUntil = now + block;
            }
            if (row.isPresent()) {
                dao.update(key, failures, windowStart, blockedUntil);
            } else {
                // another failure may insert the same key first; on PostgreSQL the lost insert aborts the
                // transaction, so it runs in a savepoint that is rolled back before the update
                h.savepoint("throttle_insert");
                try {
                    dao.insert(key, failures, windowStart, blockedUntil);
                    h.release("throttle_insert");
                } catch (UnableToExecuteStatementException raced) {
                    h.rollbackToSavepoint("throttle_insert");
                    dao.update(key, failures, windowStart, blockedUntil);
                }
            }
        });
    }

    public void reset(String key) {
        jdbi.useExtension(Dao.class, dao -> dao.delete(key));
    }
}
