package dev.skillmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims the embedded H2 file's space while the server runs. Every commit is durable before a save is
 * acknowledged ({@code WRITE_DELAY=0}), and then H2 runs no housekeeping of its own: a chunk that still holds
 * a few live pages is never rewritten, so the file only grows until the next clean shutdown. Every
 * {@value #EVERY_MS} ms this asks the store to rewrite its emptiest chunks, at most {@value #WRITE_LIMIT_MB} MB
 * a pass, when less than {@value #TARGET_FILL_RATE}% of what they hold is live; chunks left empty are reused.
 * A pass holds H2's store lock like a commit does: it took 1 to 120 ms (mostly under 10) under 32 writers.
 * It reaches the store through H2's engine classes, which have no public equivalent; {@code StoreCompactionTest}
 * fails if an H2 upgrade changes them.
 */
final class StoreCompaction implements AutoCloseable {

    static final int TARGET_FILL_RATE = 50;
    static final int WRITE_LIMIT_MB = 4;
    static final long EVERY_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    private final DataSource pool;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "h2-compaction");
        t.setDaemon(true);
        return t;
    });

    private StoreCompaction(DataSource pool) {
        this.pool = pool;
    }

    /** Compaction for an embedded H2 file; none for PostgreSQL (autovacuum's work) or a server H2. */
    static Optional<StoreCompaction> of(DataSource pool, String jdbcUrl) {
        return Backups.supports(jdbcUrl) ? Optional.of(new StoreCompaction(pool)) : Optional.empty();
    }

    void start() {
        timer.scheduleWithFixedDelay(this::pass, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            compactOnce();
        } catch (SQLException | RuntimeException e) { // the next pass tries again; serving goes on
            log.warn("compacting the H2 file failed: {}", e.toString());
        }
    }

    /** One pass; whether it rewrote any chunk. */
    boolean compactOnce() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return store(c).compact(TARGET_FILL_RATE, WRITE_LIMIT_MB << 20);
        }
    }

    /** The share of the chunks' contents that is live, in percent. */
    int chunksFillRate() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return store(c).getFileStore().getChunksFillRate();
        }
    }

    private static MVStore store(Connection c) throws SQLException {
        var session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
