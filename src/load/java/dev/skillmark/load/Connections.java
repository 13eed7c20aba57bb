package dev.skillmark.load;

import java.util.Locale;

/**
 * One connection per virtual user, as browsers have, unless that would not fit: a Skillmark started in the same JVM
 * holds the other end of every connection, and this machine allows a process 20,000 open files. Past 4,000 users
 * they share one pool (as behind a proxy), unless {@code -Dconnections=per-user} or {@code shared} says otherwise.
 */
final class Connections {

    private Connections() {
    }

    static boolean shared(int users) {
        String chosen = System.getProperty("connections", "").toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "shared" -> true;
            case "per-user" -> false;
            case "" -> users > 4_000;
            default -> throw new IllegalArgumentException("-Dconnections is shared or per-user, not " + chosen);
        };
    }

    static String describe(boolean shared) {
        return shared ? "connections: one shared pool of at most " + Integer.getInteger("maxConnections", 1_000)
                : "connections: one per candidate";
    }
}
