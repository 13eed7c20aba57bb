package dev.skillmark.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * The one place that tells a failure of the database itself (full disk, closed, unreachable) from a failure of
 * one request. The error page answers 503 for it, and the pool drops its connections so the next request opens
 * the database again instead of failing until a restart.
 */
public final class DatabaseFailure {

    /** H2: database is closed, closed at shutdown, and the I/O errors that close it. */
    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121, 90028, 90031, 90100);

    private DatabaseFailure() {
    }

    public static boolean unavailable(Throwable e) {
        boolean database = false;
        boolean io = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && (H2_CLOSED.contains(sql.getErrorCode())
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true; // closed, or the connection to the server is gone (SQL state class 08)
            }
            database |= t instanceof SQLException;
            io |= t instanceof IOException;
        }
        return database && io; // the database could not write its file
    }
}
