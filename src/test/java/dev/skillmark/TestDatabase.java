package dev.skillmark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database integration tests run on: {@code -Dskillmark.test.database=h2} (the default: a file database in
 * the test's folder) or {@code postgresql} (a fresh database in this JVM's {@link TestPostgres} cluster).
 * As with H2's file, the same data folder always gets the same database, so a restart finds its data.
 */
public final class TestDatabase {

    public static final String PROPERTY = "skillmark.test.database";
    private static final Map<Path, TestPostgres.Database> DATABASES = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    public static boolean postgresql() {
        String value = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "h2" -> false;
            case "postgresql", "postgres" -> true;
            default -> throw new IllegalArgumentException(PROPERTY + " must be h2 or postgresql, not '" + value + "'");
        };
    }

    /** {@link Config#forFolder} on the selected database. */
    public static Config config(Path dataDir, Path contentDir) {
        var config = Config.forFolder(dataDir, contentDir);
        if (!postgresql()) {
            return config;
        }
        var database = database(dataDir);
        return config.withDatabase(database.url(), database.user(), database.password());
    }

    /** What a child {@code serve} process needs besides SKILLMARK_DATA_DIR to use the same database. */
    public static Map<String, String> environment(Path dataDir) {
        if (!postgresql()) {
            return Map.of();
        }
        var database = database(dataDir);
        return Map.of("SKILLMARK_DATABASE_URL", database.url(), "SKILLMARK_DATABASE_USER", database.user(),
                "SKILLMARK_DATABASE_PASSWORD", database.password());
    }

    private static TestPostgres.Database database(Path dataDir) {
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> TestPostgres.newDatabase());
    }
}
