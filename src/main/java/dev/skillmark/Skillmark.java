package dev.skillmark;

import dev.skillmark.account.AccountController;
import dev.skillmark.account.Accounts;
import dev.skillmark.account.Audit;
import dev.skillmark.account.InvitationController;
import dev.skillmark.account.Invitations;
import dev.skillmark.account.NoticeAddresses;
import dev.skillmark.account.Hashing;
import dev.skillmark.account.Settings;
import dev.skillmark.account.StaffAccess;
import dev.skillmark.account.Throttle;
import dev.skillmark.account.UserAdmin;
import dev.skillmark.attempt.AttemptController;
import dev.skillmark.attempt.AttemptNotices;
import dev.skillmark.attempt.AttemptPages;
import dev.skillmark.attempt.AttemptSignals;
import dev.skillmark.attempt.Backlog;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.attempt.Extensions;
import dev.skillmark.attempt.Grades;
import dev.skillmark.attempt.InvitationEntryController;
import dev.skillmark.attempt.StartController;
import dev.skillmark.attempt.TrialController;
import dev.skillmark.cli.Cli;
import dev.skillmark.content.Content;
import dev.skillmark.content.ContentController;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.ContentWatcher;
import dev.skillmark.content.Markdown;
import dev.skillmark.review.Comparisons;
import dev.skillmark.review.Exports;
import dev.skillmark.review.Regrades;
import dev.skillmark.review.GradingController;
import dev.skillmark.review.GradingPreferences;
import dev.skillmark.review.GradingQueue;
import dev.skillmark.review.Live;
import dev.skillmark.review.LiveController;
import dev.skillmark.review.ReportController;
import dev.skillmark.review.Reports;
import dev.skillmark.review.ReviewController;
import dev.skillmark.review.Reviews;
import dev.skillmark.review.Statistics;
import dev.skillmark.review.StatisticsController;
import dev.skillmark.ops.Metrics;
import dev.skillmark.ops.MetricsAccess;
import dev.skillmark.ops.OpsController;
import dev.skillmark.ops.Readiness;
import dev.skillmark.outbox.Outbox;
import dev.skillmark.outbox.OutboxController;
import dev.skillmark.web.ClientAddress;
import dev.skillmark.web.Routes;
import dev.skillmark.web.Templates;
import dev.skillmark.web.Web;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object graph by hand, starts the server, and stops everything in order. */
public final class Skillmark implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Skillmark.class);
    /** The longest /readyz and the database-backed gauges wait for the database before saying it does not answer. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Database database;
    private final Web.Server server;
    private final Attempts attempts;
    private final AttemptPages pages;
    private final Extensions extensions;
    private final Accounts accounts;
    private final Content content;
    private final ScheduledExecutorService sweeper;
    private final ContentWatcher watcher;
    private final AttemptSignals signals;
    private final Metrics metrics;
    private final Readiness readiness;
    private final Optional<Backups> backups;
    private final Outbox outbox;
    private final ScheduledExecutorService sender;

    private Skillmark(Database database, Web.Server server, Attempts attempts, AttemptPages pages, Extensions extensions,
                      Accounts accounts, Content content, ScheduledExecutorService sweeper, ContentWatcher watcher,
                      AttemptSignals signals, Metrics metrics, Readiness readiness, Optional<Backups> backups,
                      Outbox outbox, ScheduledExecutorService sender) {
        this.outbox = outbox;
        this.sender = sender;
        this.signals = signals;
        this.metrics = metrics;
        this.readiness = readiness;
        this.backups = backups;
        this.extensions = extensions;
        this.database = database;
        this.server = server;
        this.attempts = attempts;
        this.pages = pages;
        this.accounts = accounts;
        this.content = content;
        this.sweeper = sweeper;
        this.watcher = watcher;
    }

    public static Skillmark start(Config config, Clock clock) {
        var random = new SecureRandom();
        return start(config, clock, random::nextLong, List.of());
    }

    /**
     * {@code seeds} gives each attempt its draw seed (tests pin it); {@code extraRoutes} lets tests add
     * probes to the same server; production passes none.
     */
    public static Skillmark start(Config config, Clock clock, LongSupplier seeds, List<Routes> extraRoutes) {
        var metrics = new Metrics();
        Database database;
        try {
            database = new Database(config, Optional.of(metrics.registry()));
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        Readiness readiness = null;
        try {
            var jdbi = database.jdbi();
            var content = new Content(config.contentDir(), new ContentLoader(new Markdown()), clock);
            var audit = new Audit(jdbi, clock);
            var hashing = Hashing.forThisMachine();
            var accounts = new Accounts(jdbi, clock, audit, new Throttle(jdbi, clock), hashing, config.sessionIdle(), config.sessionMax());
            var settings = new Settings(jdbi, audit);
            var port = new AtomicReference<Integer>();
            var publicUrl = config.publicUrl();
            java.util.function.Supplier<String> linkBase = () -> publicUrl.orElse("http://localhost:" + port.get());
            var templates = new Templates(config.templatesDir());
            var outbox = new Outbox(jdbi, clock, config.outbound(), templates);
            var invitations = new Invitations(jdbi, clock, audit, content, Optional.of(outbox), linkBase);
            var noticeAddresses = new NoticeAddresses(jdbi);
            var grades = new Grades(jdbi, audit, clock, new AttemptNotices(outbox, invitations, noticeAddresses, linkBase));
            var attempts = new Attempts(jdbi, content, invitations, grades, clock, config.grace(), seeds, metrics);
            var pages = new AttemptPages(jdbi, attempts);
            var extensions = new Extensions(jdbi, attempts, content, audit, clock);
            var reviews = new Reviews(jdbi, attempts, pages, grades, audit, clock, content);
            var clientAddress = new ClientAddress(config.trustedProxies());
            var backlog = new Backlog(jdbi, clock, config.grace());
            metrics.watch(backlog, content, attempts, clock, PROBE_TIMEOUT);
            readiness = new Readiness(jdbi, database.latestMigration(), content, backlog, PROBE_TIMEOUT);
            var staffAccess = new StaffAccess(accounts, config.secureCookies());
            var features = new ArrayList<Routes>();
            features.add(new StartController(content, attempts, settings, clientAddress, config.secureCookies()));
            var signals = new AttemptSignals(jdbi, clock, attempts);
            features.add(new AttemptController(attempts, pages, signals, clientAddress));
            features.add(new InvitationEntryController(invitations, attempts, content, clientAddress));
            features.add(new TrialController(attempts));
            features.add(new ContentController(content, invitations::pendingCandidates));
            features.add(new StatisticsController(new Statistics(jdbi, content, settings), content, settings));
            features.add(new AccountController(accounts, staffAccess, clientAddress, audit, settings,
                    new UserAdmin(jdbi, audit, hashing), content));
            features.add(new InvitationController(invitations, content, linkBase, noticeAddresses));
            features.add(new OutboxController(outbox));
            features.add(new ReviewController(reviews, new Exports(reviews, audit), new Comparisons(reviews),
                    new Regrades(jdbi, pages, grades, content), extensions, content, invitations));
            features.add(new GradingController(new GradingQueue(jdbi, pages, grades), reviews, new GradingPreferences(jdbi, audit)));
            features.add(new ReportController(new Reports(jdbi, pages, grades)));
            features.add(new LiveController(new Live(jdbi, clock)));
            var monitoring = config.monitoring();
            features.add(new OpsController(readiness, metrics,
                    new MetricsAccess(monitoring.metricsFrom(), config.trustedProxies(), monitoring.metricsToken()), clientAddress));
            // the backup command reaches the H2 file through the server that holds it
            var backups = Backups.supports(config.databaseUrl()) ? Optional.of(new Backups(jdbi, config.dataDir()))
                    : Optional.<Backups>empty();
            backups.ifPresent(features::add);
            features.addAll(extraRoutes);
            var server = Web.create(new Web.Settings(config.host(), config.port(), config.staticDir(), config.secureCookies(),
                            ServerSecret.load(jdbi, "csrf", clock), publicUrl, OpsController.PATHS, metrics),
                    templates, staffAccess, features);
            server.javalin().start();
            database.compactWhileRunning();
            port.set(server.port());
            String base = publicUrl.orElse("http://" + (config.host().equals("0.0.0.0") ? "localhost" : config.host()) + ":" + server.port());
            accounts.setupTokenIfNoAdmin().ifPresent(token -> log.warn("No admin yet. Open {}/setup/{} to create "
                    + "the first one; the link works once. (Or run: java -jar skillmark.jar create-admin NAME)", base, token));
            var sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                var t = new Thread(r, "attempt-sweeper");
                t.setDaemon(true);
                return t;
            });
            long every = config.sweepEvery().toMillis();
            sweeper.scheduleWithFixedDelay(() -> sweep(attempts, accounts), every, every, TimeUnit.MILLISECONDS);
            var sender = Executors.newSingleThreadScheduledExecutor(r -> {
                var t = new Thread(r, "outbox-sender");
                t.setDaemon(true);
                return t;
            });
            long sendEvery = config.outbound().sendEvery().toMillis();
            sender.scheduleWithFixedDelay(() -> send(outbox), sendEvery, sendEvery, TimeUnit.MILLISECONDS);
            if (publicUrl.isEmpty() && (config.outbound().mailEnabled() || config.outbound().webhook().isPresent())) {
                log.warn("SKILLMARK_PUBLIC_URL is not set: links in e-mail and webhook calls point at {}, which only this "
                        + "machine can open", linkBase.get());
            }
            logContent(content);
            var skillmark = new Skillmark(database, server, attempts, pages, extensions, accounts, content, sweeper,
                    new ContentWatcher(content, metrics::contentReloadFailed), signals, metrics, readiness, backups,
                    outbox, sender);
            backups.ifPresent(b -> b.serving(localUrl(config.host(), server.port())));
            return skillmark;
        } catch (RuntimeException e) {
            closeAfterFailedStart(database, metrics, readiness);
            throw e;
        } catch (IOException e) {
            closeAfterFailedStart(database, metrics, readiness);
            throw new UncheckedIOException("cannot watch the content folder", e);
        }
    }

    private static void closeAfterFailedStart(Database database, Metrics metrics, Readiness readiness) {
        if (readiness != null) {
            readiness.close();
        }
        database.close();
        metrics.close();
    }

    /** Which content this instance serves, so one out of step with the others can be told in its log (and on /readyz). */
    private static void logContent(Content content) {
        String version = content.version();
        int git = version.indexOf(" git:");
        log.info("serving content catalog {}, {}", git < 0 ? version : version.substring(0, git),
                git < 0 ? "not from a git work tree" : "git commit " + version.substring(git + 5));
    }

    private static void sweep(Attempts attempts, Accounts accounts) {
        try {
            accounts.expireSessions();
            int expired = attempts.expireOverdue();
            if (expired > 0) {
                log.info("finalised {} overdue {}", expired, expired == 1 ? "attempt" : "attempts");
            }
        } catch (RuntimeException e) {
            log.warn("sweeping overdue attempts failed; will retry", e);
        }
    }

    private static void send(Outbox outbox) {
        try {
            outbox.deliverDue();
        } catch (RuntimeException e) {
            log.warn("delivering e-mail and webhook calls failed; will retry", e);
        }
    }

    /** The address the backup command on this machine reaches the server at. */
    private static String localUrl(String host, int port) {
        String local = switch (host) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return "http://" + local + ":" + port;
    }

    public int port() {
        return server.port();
    }

    /** The routes every feature declared, with their roles: what the access-control test walks. */
    public List<Web.Route> routes() {
        return server.routes();
    }

    public Attempts attempts() {
        return attempts;
    }

    public AttemptPages pages() {
        return pages;
    }

    /** The timeline's batching writer (tests flush it before reading events). */
    public AttemptSignals signals() {
        return signals;
    }

    public Extensions extensions() {
        return extensions;
    }

    /** The newest migration this build ships, which /readyz checks the database has. */
    public String latestMigration() {
        return database.latestMigration();
    }

    /** The database, for tests and tools built on the same graph. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Accounts accounts() {
        return accounts;
    }

    public Content content() {
        return content;
    }

    /** E-mail and webhook calls waiting to go out; tests run its sender by hand. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Stop offering backups, stop taking requests and drain those in flight, then stop the sweeper, then write
     * the waiting timeline events, then close the database.
     */
    @Override
    public void close() {
        backups.ifPresent(Backups::close);
        server.javalin().stop();
        attempts.close();
        watcher.close();
        sweeper.shutdown();
        sender.shutdown();
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signals.close();
        readiness.close();
        database.close();
        metrics.close();
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out));
    }
}
