package dev.skillmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pool, the migrations and JDBI, opened together and closed in order. */
public final class Database implements AutoCloseable {

    /** Connections in the pool; see {@link #Database}. */
    static final int POOL_SIZE = 10;
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String latestMigration;
    private final Optional<StoreCompaction> compaction;

    /** Every migration: the SQL ones in {@code db/migration}, and those written in Java (they compute hashes). */
    static FluentConfiguration migrations() {
        return Flyway.configure().locations("classpath:db/migration")
                .javaMigrations(new dev.skillmark.attempt.V14__Questions_stored_once());
    }

    public Database(Config config) {
        this(config, Optional.empty());
    }

    /** {@code metrics}: where the pool reports its connections (in use, idle, waiting, time to get one). */
    public Database(Config config, Optional<MeterRegistry> metrics) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.databaseUrl());
        hikari.setUsername(config.databaseUser());
        hikari.setPassword(config.databasePassword());
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("skillmark");
        metrics.ifPresent(hikari::setMetricRegistry);
        var opened = new java.util.concurrent.atomic.AtomicReference<HikariDataSource>();
        hikari.setExceptionOverride(new BrokenConnections(() -> {
            var created = opened.get();
            if (created != null && created.getHikariPoolMXBean() != null) {
                created.getHikariPoolMXBean().softEvictConnections();
            }
        }));
        this.pool = new HikariDataSource(hikari);
        opened.set(this.pool);
        try {
            var flyway = migrations().dataSource(pool).load();
            flyway.migrate();
            this.latestMigration = Arrays.stream(flyway.info().all())
                    .filter(m -> m.isVersioned() && m.getState().isResolved())
                    .max(Comparator.comparing(MigrationInfo::getVersion))
                    .map(m -> m.getVersion().getVersion()).orElse("");
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        if (config.databaseUrl().startsWith("jdbc:h2:")) {
            cacheIdentities(jdbi);
        }
        this.compaction = StoreCompaction.of(pool, config.databaseUrl());
    }

    /**
     * H2 hands out an identity column's values from a cache and writes the sequence, which commits the whole store,
     * each time the cache runs out: with its default of 32, one in 32 timeline events paid for a durable commit of
     * its own, two thirds of the timeline writer's time at 450 page views a second. With 1,000, a crash skips at most
     * the rest of a cached range (a gap in the ids, never a reused one); in one process the values still rise in the
     * order they are taken, which the timeline's order by id needs. PostgreSQL keeps its default of 1: its caches are
     * per connection, so with several the ids would no longer follow time. Set at each start, as it costs nothing.
     */
    private static void cacheIdentities(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            for (String table : List.of("attempt_event", "audit_event", "grade_change", "outbox")) {
                h.execute("alter table " + table + " alter column id set cache 1000");
            }
        });
    }

    /** For a server: an embedded H2 file reclaims its space while running (see {@link StoreCompaction}). */
    public void compactWhileRunning() {
        compaction.ifPresent(StoreCompaction::start);
    }

    /** The compaction of an embedded H2 file, for its test. */
    Optional<StoreCompaction> compaction() {
        return compaction;
    }

    /** The newest migration this build ships ("7" for V7__...): readiness checks the database has it. */
    public String latestMigration() {
        return latestMigration;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closing the pool's last connection also closes an embedded H2 database cleanly. */
    @Override
    public void close() {
        compaction.ifPresent(StoreCompaction::close);
        pool.close();
        log.info("database closed");
    }
}
