package dev.skillmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
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

    public Database(Config config) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.databaseUrl());
        hikari.setUsername(config.databaseUser());
        hikari.setPassword(config.databasePassword());
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("skillmark");
        var opened = new java.util.concurrent.atomic.AtomicReference<HikariDataSource>();
        hikari.setExceptionOverride(new BrokenConnections(() -> {
            var created = opened.get();
            if (created != null && created.getHikariPoolMXBean() != null) {
                created.getHikariPoolMXBean().softEvictConnections();
            }
        }));
        this.pool = new HikariDataSource(hikari);
        opened.set(this.pool);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Closing the pool's last connection also closes an embedded H2 database cleanly. */
    @Override
    public void close() {
        pool.close();
        log.info("database closed");
    }
}
