package dev.skillmark.ops;

import dev.skillmark.attempt.Backlog;
import dev.skillmark.content.Content;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance should be sent requests: the database answers, it has every migration this build ships,
 * and content is in service. Also what content this instance serves, beside what the newest open attempt (started
 * by whichever instance) was drawn from, so an instance out of step with the others shows it.
 */
public final class Readiness implements AutoCloseable {

    /** One check: its name, whether it passed, a few words on it (never a stack trace or a host name). */
    public record Check(String name, boolean ok, String detail) {
    }

    /** The checks in order, and facts about this instance's content. */
    public record Report(List<Check> checks, Map<String, String> content) {
        public boolean ready() {
            return checks.stream().allMatch(Check::ok);
        }

        public Optional<Check> failed() {
            return checks.stream().filter(c -> !c.ok()).findFirst();
        }
    }

    /** What the database said: whether the newest migration is applied, failed migrations, the newest open attempt's content. */
    private record Stored(boolean migrated, int failedMigrations, Optional<String> newestAttemptContent) {
    }

    private static final Logger log = LoggerFactory.getLogger(Readiness.class);
    private final String latestMigration;
    private final Content content;
    private final SingleFlight<Stored> database;
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");
    private final AtomicReference<String> lastComparison = new AtomicReference<>("");

    public Readiness(Jdbi jdbi, String latestMigration, Content content, Backlog backlog, Duration timeout) {
        this.latestMigration = latestMigration;
        this.content = content;
        this.database = new SingleFlight<>("readiness-probe", timeout, () -> read(jdbi, backlog));
    }

    private Stored read(Jdbi jdbi, Backlog backlog) {
        // Flyway's own table; quoted, as Flyway creates it (lower case) on H2 and on PostgreSQL
        return jdbi.withHandle(h -> {
            int applied = h.createQuery("""
                    select count(*) from "flyway_schema_history" where "version" = :version and "success" = true""")
                    .bind("version", latestMigration).mapTo(Integer.class).one();
            int failed = h.createQuery("select count(*) from \"flyway_schema_history\" where \"success\" = false")
                    .mapTo(Integer.class).one();
            return new Stored(applied > 0, failed, backlog.newestContentVersion());
        });
    }

    public Report report() {
        var checks = new java.util.ArrayList<Check>();
        var outcome = database.call();
        Optional<Stored> stored = Optional.empty();
        if (outcome instanceof SingleFlight.Done<Stored> done) {
            stored = Optional.of(done.value());
            checks.add(new Check("database", true, "ok"));
        } else if (outcome instanceof SingleFlight.TooSlow<Stored> slow) {
            checks.add(new Check("database", false, "no answer within " + slow.waited().toMillis() + " ms"));
        } else if (outcome instanceof SingleFlight.Failed<Stored> failed) {
            checks.add(new Check("database", false, "cannot be read (" + failed.cause().getClass().getSimpleName() + ")"));
            log.debug("readiness: the database cannot be read", failed.cause());
        }
        checks.add(stored.map(this::migrations).orElse(new Check("migrations", false, "not checked: no database")));
        var catalog = content.current();
        var n = dev.skillmark.web.Format.INSTANCE;
        String loaded = n.count(catalog.banks().size(), "bank", "banks") + ", " + n.count(catalog.offers().size(), "quiz", "quizzes")
                + ", " + n.count(catalog.problems().size(), "problem", "problems");
        checks.add(catalog.offers().isEmpty() ? new Check("content", false, "no quiz in service (" + loaded + ")")
                : new Check("content", true, loaded));
        var report = new Report(List.copyOf(checks), about(stored));
        logChange(report);
        return report;
    }

    private Check migrations(Stored stored) {
        if (stored.failedMigrations() > 0) {
            return new Check("migrations", false, dev.skillmark.web.Format.INSTANCE.count(stored.failedMigrations(), "failed migration", "failed migrations") + " in the database");
        }
        return stored.migrated() ? new Check("migrations", true, "V" + latestMigration + " applied")
                : new Check("migrations", false, "V" + latestMigration + " is not applied");
    }

    /** This instance's catalog hash and commit, and how they compare with what the newest open attempt was drawn from. */
    private Map<String, String> about(Optional<Stored> stored) {
        var version = ContentVersion.of(content.version());
        var about = new LinkedHashMap<String, String>();
        about.put("contentHash", version.hash());
        about.put("contentCommit", version.commit().orElse("none (content is not in a git work tree)"));
        about.put("comparedWithOtherInstances", stored.map(s -> s.newestAttemptContent().map(ContentVersion::of)
                .map(newest -> newest.hash().equals(version.hash()) ? "same as the newest open attempt"
                        : "differs: the newest open attempt was drawn from " + newest.hash()
                        + newest.commit().map(c -> " (git " + c + ")").orElse(""))
                .orElse("no open attempt to compare with")).orElse("not checked: no database"));
        return about;
    }

    /** Logs when readiness or the content comparison changes, not on every probe. */
    private void logChange(Report report) {
        String failure = report.failed().map(c -> c.name() + ": " + c.detail()).orElse("");
        String before = lastFailure.getAndSet(failure);
        if (!failure.equals(before)) {
            if (failure.isEmpty()) {
                log.info("ready again");
            } else {
                log.warn("not ready: {}", failure);
            }
        }
        String comparison = report.content().get("comparedWithOtherInstances");
        if (!comparison.equals(lastComparison.getAndSet(comparison)) && comparison.startsWith("differs")) {
            log.warn("this instance serves content {}; it {}", report.content().get("contentHash"), comparison);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
