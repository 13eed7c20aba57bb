package dev.skillmark;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the pool which failures leave a connection useless. Embedded H2 closes the whole database
 * after a failed write (a full disk): its connections then only answer "database is closed", and the
 * pool must drop them, so the next request opens the database again instead of failing until a restart.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    private final Runnable evictAll;

    /** {@code evictAll}: drops every pooled connection, since one closed database breaks all of them at once. */
    public BrokenConnections(Runnable evictAll) {
        this.evictAll = evictAll;
    }

    /** H2: database is closed, closed at shutdown, and the I/O errors that close it. */
    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121, 90028, 90031, 90100);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (H2_CLOSED.contains(sql.getErrorCode())
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                evictAll.run();
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
