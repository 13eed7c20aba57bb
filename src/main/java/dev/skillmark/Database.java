package dev.skillmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
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
        this.compaction = StoreCompaction.of(pool, config.databaseUrl());
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
