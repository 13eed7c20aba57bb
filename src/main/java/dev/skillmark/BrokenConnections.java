package dev.skillmark;

import com.zaxxer.hikari.SQLExceptionOverride;
import dev.skillmark.web.DatabaseFailure;
import java.sql.SQLException;

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

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        if (DatabaseFailure.unavailable(e)) {
            evictAll.run();
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
