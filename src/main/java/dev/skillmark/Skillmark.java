package dev.skillmark;

import dev.skillmark.account.AccountController;
import dev.skillmark.account.Accounts;
import dev.skillmark.account.Audit;
import dev.skillmark.account.InvitationController;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.Role;
import dev.skillmark.account.Settings;
import dev.skillmark.account.Throttle;
import dev.skillmark.attempt.AttemptController;
import dev.skillmark.attempt.AttemptSignals;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.attempt.StartController;
import dev.skillmark.content.Content;
import dev.skillmark.content.ContentController;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.ContentWatcher;
import dev.skillmark.content.Lint;
import dev.skillmark.content.Markdown;
import dev.skillmark.content.SnippetCheck;
import dev.skillmark.content.gift.GiftCommands;
import dev.skillmark.review.Regrades;
import dev.skillmark.review.Statistics;
import dev.skillmark.review.StatisticsController;
import dev.skillmark.review.ReviewController;
import dev.skillmark.review.Reviews;
import dev.skillmark.web.Access;
import dev.skillmark.web.Routes;
import dev.skillmark.web.Templates;
import dev.skillmark.web.Web;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object graph by hand, starts the server, and stops everything in order. */
public final class Skillmark implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Skillmark.class);

    private final Database database;
    private final Javalin server;
    private final Attempts attempts;
    private final Accounts accounts;
    private final Content content;
    private final ScheduledExecutorService sweeper;
    private final ContentWatcher watcher;

    private Skillmark(Database database, Javalin server, Attempts attempts, Accounts accounts, Content content,
                      ScheduledExecutorService sweeper, ContentWatcher watcher) {
        this.watcher = watcher;
        this.database = database;
        this.server = server;
        this.attempts = attempts;
        this.accounts = accounts;
        this.content = content;
        this.sweeper = sweeper;
    }

    public static Skillmark start(Config config, Clock clock) {
        return start(config, clock, List.of());
    }

    /** {@code extraRoutes} lets tests add probes to the same server; production passes none. */
    public static Skillmark start(Config config, Clock clock, List<Routes> extraRoutes) {
        var database = new Database(config);
        try {
            var jdbi = database.jdbi();
            var content = new Content(config.contentDir(), new ContentLoader(new Markdown()), clock);
            var attempts = new Attempts(jdbi, content, clock, config.grace());
            var audit = new Audit(jdbi, clock);
            var accounts = new Accounts(jdbi, clock, audit, new Throttle(jdbi, clock), config.sessionIdle(), config.sessionMax());
            var settings = new Settings(jdbi, audit);
            var access = new Access(accounts, config.secureCookies(), config.trustedProxies());
            var features = new ArrayList<Routes>();
            features.add(new StartController(content, attempts, settings));
            features.add(new AttemptController(attempts, new AttemptSignals(jdbi, clock, attempts), access));
            features.add(new ContentController(content, attempts::startTrial));
            features.add(new StatisticsController(new Statistics(jdbi, content)));
            features.add(new AccountController(accounts, access, audit, settings));
            features.add(new InvitationController(new Invitations(jdbi, clock, audit, content), attempts, content, access, clock));
            features.add(new ReviewController(new Reviews(jdbi, attempts, audit, clock),
                    new Regrades(jdbi, attempts, content, audit, clock), content, audit));
            features.addAll(extraRoutes);
            var server = Web.create(config, new Templates(config.templatesDir()), access, features).start();
            accounts.setupTokenIfNoAdmin().ifPresent(token -> log.warn("No admin yet. Open http://{}:{}/setup/{} to create "
                    + "the first one; the link works once. (Or run: java -jar skillmark.jar create-admin NAME)",
                    config.host().equals("0.0.0.0") ? "localhost" : config.host(), server.port(), token));
            var sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                var t = new Thread(r, "attempt-sweeper");
                t.setDaemon(true);
                return t;
            });
            long every = config.sweepEvery().toMillis();
            sweeper.scheduleWithFixedDelay(() -> sweep(attempts, accounts), every, every, TimeUnit.MILLISECONDS);
            var watcher = new ContentWatcher(content);
            return new Skillmark(database, server, attempts, accounts, content, sweeper, watcher);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        } catch (java.io.IOException e) {
            database.close();
            throw new java.io.UncheckedIOException("cannot watch the content folder", e);
        }
    }

    private static void sweep(Attempts attempts, Accounts accounts) {
        try {
            accounts.expireSessions();
            int expired = attempts.expireOverdue();
            if (expired > 0) {
                log.info("finalised {} overdue attempt(s)", expired);
            }
        } catch (RuntimeException e) {
            log.warn("sweeping overdue attempts failed; will retry", e);
        }
    }

    public int port() {
        return server.port();
    }

    public Attempts attempts() {
        return attempts;
    }

    /** The database, for tests and tools built on the same graph. */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return database.jdbi();
    }

    public Accounts accounts() {
        return accounts;
    }

    public Content content() {
        return content;
    }

    /** Stop taking requests and drain those in flight, then stop the sweeper, then close the database. */
    @Override
    public void close() {
        server.stop();
        watcher.close();
        sweeper.shutdown();
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> {
                serve();
                return 0;
            }
            case "lint" -> {
                return Lint.run(Path.of(args.length > 1 ? args[1] : "content"), out);
            }
            case "check-snippets" -> {
                try {
                    String tools = System.getenv().getOrDefault("SKILLMARK_NODE_TOOLS", "node-tools");
                    return SnippetCheck.run(Path.of(args.length > 1 ? args[1] : "content"), Path.of(tools).toAbsolutePath(), out);
                } catch (java.io.IOException e) {
                    out.println("check-snippets failed: " + e.getMessage());
                    return 1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
            case "import-gift" -> {
                if (args.length != 4 || !args[2].equals("--bank")) {
                    out.println("Usage: java -jar skillmark.jar import-gift FILE --bank NAME");
                    return 2;
                }
                return GiftCommands.importGift(Path.of(args[1]), args[3], contentDir(), out);
            }
            case "export-gift" -> {
                if (args.length != 2) {
                    out.println("Usage: java -jar skillmark.jar export-gift BANK > bank.gift");
                    return 2;
                }
                return GiftCommands.exportGift(args[1], contentDir(), out);
            }
            case "create-admin" -> {
                return createAdmin(args, out);
            }
            case "--help", "-h", "help" -> {
                help(out);
                return 0;
            }
            default -> {
                out.println("Unknown command '" + command + "'.");
                help(out);
                return 2;
            }
        }
    }

    private static Path contentDir() {
        return Path.of(System.getenv().getOrDefault("SKILLMARK_CONTENT_DIR", "content"));
    }

    /** {@code create-admin NAME}: the password comes from SKILLMARK_ADMIN_PASSWORD or is asked for on the console. */
    private static int createAdmin(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("Usage: java -jar skillmark.jar create-admin USERNAME");
            return 2;
        }
        String password = System.getenv("SKILLMARK_ADMIN_PASSWORD");
        if (password == null && System.console() != null) {
            char[] typed = System.console().readPassword("Password for %s (at least 8 characters): ", args[1]);
            password = typed == null ? null : new String(typed);
        }
        if (password == null) {
            out.println("Set SKILLMARK_ADMIN_PASSWORD or run this in a terminal to type the password.");
            return 2;
        }
        var config = Config.fromEnvironment(System.getenv());
        try (var database = new Database(config)) {
            var clock = Clock.systemUTC();
            var audit = new Audit(database.jdbi(), clock);
            var accounts = new Accounts(database.jdbi(), clock, audit, new Throttle(database.jdbi(), clock),
                    config.sessionIdle(), config.sessionMax());
            var user = accounts.create(args[1], args[1], password,
                    java.util.EnumSet.of(Role.ADMIN, Role.INTERVIEWER, Role.TRAINER), "command-line");
            out.println("Created admin '" + user.username() + "'.");
            return 0;
        } catch (SkillmarkException.InvalidInput e) {
            out.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            out.println("Cannot open the database " + config.databaseUrl() + ": " + rootMessage(e)
                    + ". If Skillmark is running on it, stop it first, or use the setup link it printed.");
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static void serve() {
        var config = Config.fromEnvironment(System.getenv());
        Skillmark app;
        try {
            app = start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            log.error("Skillmark could not start: {}", rootMessage(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        log.info("Skillmark is ready at http://{}:{}/", config.host().equals("0.0.0.0") ? "localhost" : config.host(), app.port());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void help(PrintStream out) {
        out.println("""
                Skillmark: timed interview and training quizzes from markdown question banks.

                Usage:
                  java -jar skillmark.jar [serve]        run the server (the default)
                  java -jar skillmark.jar lint [folder]  check a content folder (default: content);
                                                         prints file:line: message, exits 1 on problems
                  java -jar skillmark.jar check-snippets [folder]
                                                         type-check TypeScript blocks and run verify=output
                                                         questions (needs node, and typescript in
                                                         $SKILLMARK_NODE_TOOLS/node_modules)
                  java -jar skillmark.jar import-gift FILE --bank NAME
                                                         write content/skills/NAME.md from a Moodle GIFT
                                                         file; reports what it cannot map, with GIFT lines
                  java -jar skillmark.jar export-gift BANK
                                                         print a bank as GIFT for Moodle
                  java -jar skillmark.jar create-admin NAME
                                                         add an admin (password from
                                                         $SKILLMARK_ADMIN_PASSWORD or typed)
                  java -jar skillmark.jar --help         this text

                Settings (environment variables):""");
        Config.SETTINGS.forEach((name, v) -> out.printf("  %-28s %s%n  %-28s   default: %s%n", name, v[1], "", v[0]));
    }
}
