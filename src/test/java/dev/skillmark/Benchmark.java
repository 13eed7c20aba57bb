package dev.skillmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Measures and prints; never fails. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.skillmark.Benchmark}
 * (add {@code -Dquick} for a run of about 40 s with a tenth of the autosaves, {@code -Dclients=N} for N
 * concurrent clients, default 32). In one run it measures two ceilings of the same stack (a bare Javalin
 * handler and a durable H2 upsert behind HikariCP, one row per request) and Skillmark's hot requests against
 * them, then the H2 file after many autosaves, then the heap, then the dashboard and the audit log with 10,000
 * rows each ({@code -Donly=lists} runs only that step, on a fresh database; {@code -Donly=pages} only the bare ceiling,
 * the starts, the question page and the home page; {@code -Donly=saves} only the upsert ceiling, the starts and the
 * autosave; {@code -Donly=content} only the loads of content/ and of 14 copies of it).
 */
public final class Benchmark {

    private static final String QUIZ = "senior-backend-screening";

    private Benchmark() {
    }

    /** The system clock, moved forward by hand so each probe starts a fresh save-rate window. */
    static final class JumpClock extends Clock {
        private final AtomicLong offset = new AtomicLong();

        void jump(Duration d) {
            offset.addAndGet(d.toMillis());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offset.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public static void main(String[] args) throws Exception {
        if ("lists".equals(System.getProperty("only"))) {
            Path dir = Files.createTempDirectory("skillmark-bench");
            try (var app = Skillmark.start(Config.forFolder(dir.resolve("data"), Fixtures.projectDir().resolve("content")),
                    Clock.systemUTC(), new java.security.SecureRandom()::nextLong, List.of())) {
                lists(app, 10_000);
            }
            return;
        }
        if ("render".equals(System.getProperty("only"))) {
            render();
            return;
        }
        if ("statistics".equals(System.getProperty("only"))) {
            // the figure: item statistics over 5,000 finished attempts of 30 questions, the first call cold
            Path dir = Files.createTempDirectory("skillmark-bench");
            try (var app = Skillmark.start(Config.forFolder(dir.resolve("data"), Fixtures.projectDir().resolve("content")),
                    Clock.systemUTC(), new java.security.SecureRandom()::nextLong, List.of())) {
                app.attempts().submit(app.attempts().start(QUIZ, "Template", dev.skillmark.attempt.Client.UNKNOWN));
                statistics(app, Integer.getInteger("attempts", 5000));
            }
            return;
        }
        boolean quick = System.getProperty("quick") != null;
        int clients = Integer.getInteger("clients", 32);
        // at least 20 s, then on until the throughput settles (Load.run): on two cores busy with the load, the JIT
        // takes a minute or more to compile the template engine, JDBI and H2 for the question page
        Duration warm = Duration.ofSeconds(Integer.getInteger("warm", quick ? 1 : 20));
        Duration measure = Duration.ofSeconds(quick ? 3 : 8);
        int attemptCount = quick ? 200 : 1000;
        int savesPerAttempt = 100;
        System.out.printf(Locale.ROOT, "Skillmark benchmark: %d cores, %d clients, %s s measured per probe%s%n",
                Runtime.getRuntime().availableProcessors(), clients, measure.toSeconds(), quick ? " (quick)" : "");
        Path content = Fixtures.projectDir().resolve("content");
        var loader = new ContentLoader(new Markdown());
        var loads = new ArrayList<Long>();
        int questions = 0;
        for (int i = 0; i < (quick ? 2 : 5); i++) {
            long t = System.nanoTime();
            questions = loader.load(content).banks().stream().mapToInt(b -> b.questions().size()).sum();
            loads.add(System.nanoTime() - t);
        }
        report("load content/ (" + questions + " questions)", loads);
        if (System.getProperty("only") == null || "content".equals(System.getProperty("only"))) {
            loadMany(loader, content, 14);
        }
        if ("content".equals(System.getProperty("only"))) {
            return;
        }

        Path dir = Files.createTempDirectory("skillmark-bench");
        // -Donly=pages: the bare ceiling, the question page and the home page, for profiling the read path;
        // -Donly=saves: the upsert ceiling and the autosave, for profiling the write path
        boolean pagesOnly = "pages".equals(System.getProperty("only"));
        boolean savesOnly = "saves".equals(System.getProperty("only"));
        var bare = savesOnly ? null : bareCeiling(clients, warm, measure);
        var upsert = pagesOnly ? null : upsertCeiling(dir.resolve("ceiling"), clients, warm, measure);

        var clock = new JumpClock();
        var config = Config.forFolder(dir.resolve("data"), content);
        Path file = dir.resolve("data").resolve("skillmark.mv.db");
        try (var app = Skillmark.start(config, clock, new java.security.SecureRandom()::nextLong, List.of());
             var http = new HttpSession(app.port())) {
            int port = app.port();
            String csrf = http.csrf();
            String cookies = http.cookieHeader(); // the token is bound to this browser's id cookie
            long before = Files.size(file);
            var ids = Collections.synchronizedList(new ArrayList<String>());
            var starts = Collections.synchronizedList(new ArrayList<Long>());
            var pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < attemptCount; i++) {
                int n = i;
                pool.submit(() -> {
                    long t = System.nanoTime();
                    ids.add(app.attempts().start(QUIZ, "Bench " + n, dev.skillmark.attempt.Client.UNKNOWN));
                    starts.add(System.nanoTime() - t);
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            report("start an attempt (draw + snapshot of 30), 4 threads", starts);
            long afterStarts = Files.size(file);
            var textSlots = textSlots(app.jdbi(), ids);

            // each attempt's first page from this client records the change of browser from the start's (a durable
            // write, once per attempt); a candidate who starts in the browser has no such write, so it is done first
            Load.count(clients, ids.size(), n -> Load.request(port, "/attempts/" + ids.get((int) n) + "/q/1").GET().build(),
                    new TreeMap<>());
            // each candidate's browser sends its id cookie, as a browser does after its first page
            var page = savesOnly ? null : Load.run("question page (" + ids.size() + " live attempts)", clients, warm, measure,
                    n -> Load.request(port, "/attempts/" + ids.get((int) (n % ids.size())) + "/q/" + (1 + (n / ids.size()) % 30))
                            .header("Cookie", browserCookie(n % ids.size())).GET().build());
            var home = savesOnly ? null : Load.run("home page", clients, warm, measure, n -> Load.request(port, "/").GET().build());
            Load.Result save = null;
            var counter = new AtomicLong();
            if (!pagesOnly) {
                clock.jump(Duration.ofMinutes(2));
                save = Load.run("autosave (" + ids.size() + " attempts)", clients, warm, measure,
                        n -> autosave(port, csrf, cookies, textSlots, n, counter.incrementAndGet()));
            }
            System.out.println();
            if (!savesOnly) {
                System.out.println(bare.line(null));
                System.out.println(page.line(bare));
                System.out.println(home.line(bare));
            }
            if (!pagesOnly) {
                System.out.println(upsert.line(null));
                System.out.println(save.line(upsert));
            }
            if (pagesOnly || savesOnly) {
                return;
            }
            System.out.println();

            clock.jump(Duration.ofMinutes(2));
            long saves = (long) attemptCount * savesPerAttempt;
            long startBytes = Files.size(file);
            var statuses = new TreeMap<Integer, Long>();
            double seconds = Load.count(clients, saves, n -> autosave(port, csrf, cookies, textSlots, n, counter.incrementAndGet()), statuses);
            long afterSaves = Files.size(file);
            System.out.printf(Locale.ROOT, "%d autosaves on %d attempts in %.1f s (%.0f/s), statuses %s%n", saves, attemptCount,
                    seconds, saves / seconds, statuses);
            System.out.printf(Locale.ROOT, "H2 file: %.1f MB before the attempts, %.1f MB after %d starts, %.1f MB before the autosaves,"
                    + " %.1f MB after them: %.2f KB per autosave%n", mb(before), mb(afterStarts), attemptCount, mb(startBytes),
                    mb(afterSaves), (afterSaves - startBytes) / 1024.0 / saves);
            heap();

            report("submit + result page", time(Math.min(49, ids.size() - 1), i -> {
                http.post("/attempts/" + ids.get(i + 1) + "/submit");
                http.get("/attempts/" + ids.get(i + 1) + "/result");
            }));
            if (!quick) {
                statistics(app, 3000);
            }
            lists(app, 10_000);
        }
    }

    /** Copies one finished attempt's rows many times over, then times the statistics pages' work. */
    private static void statistics(Skillmark app, int attempts) {
        String template = app.jdbi().withHandle(h -> h.createQuery(
                "select id from attempt where status <> 'IN_PROGRESS' and trial = false fetch first 1 row only")
                .mapTo(String.class).one());
        long t = System.nanoTime();
        app.jdbi().useTransaction(h -> {
            var random = new java.util.Random(7);
            for (int i = 0; i < attempts; i++) {
                String id = String.format(Locale.ROOT, "bench%027d", i);
                h.execute("insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name, seed, started_at,"
                        + " deadline_at, status, finished_at, score, max_score, pending, content_version, extra_time_percent,"
                        + " client_address, client_agent, trial) select ?, quiz_id, quiz_title, mode, review, pass_mark, 'bench',"
                        + " seed, started_at, deadline_at, status, finished_at, ?, max_score, 0, content_version, 0, '', '', false"
                        + " from attempt where id = ?", id, (double) random.nextInt(40), template);
                h.execute("insert into attempt_question (attempt_id, slot, question_id, bank_id, area, kind, source, answer_keys,"
                        + " numeric_min, numeric_max, answer_display, points, content_hash, snapshot_hash, option_order)"
                        + " select ?, slot, question_id, bank_id, area, kind, source, answer_keys, numeric_min, numeric_max,"
                        + " answer_display, points, content_hash, snapshot_hash, option_order from attempt_question"
                        + " where attempt_id = ?", id, template);
                h.execute("insert into answer (attempt_id, slot, response, revision, flagged, checked, outcome, fraction, points,"
                        + " time_spent_ms) select ?, slot, '0', 1, false, false, 'WRONG', 0, case when mod(slot + ?, 3) = 0 then 1 else 0 end,"
                        + " 1000 * slot from answer where attempt_id = ?", id, random.nextInt(3), template);
            }
        });
        System.out.printf(Locale.ROOT, "seeded %d finished attempts in %.1f s%n", attempts, (System.nanoTime() - t) / 1e9);
        var statistics = new dev.skillmark.review.Statistics(app.jdbi(), app.content(),
                new dev.skillmark.account.Settings(app.jdbi(), new dev.skillmark.account.Audit(app.jdbi(), java.time.Clock.systemUTC())));
        report("statistics, all banks (" + attempts + " attempts)", time(5, i -> statistics.banks(statistics.items(java.util.Optional.empty(), dev.skillmark.review.Statistics.Filter.ALL))));
        report("statistics, one bank with distractors", time(5, i -> statistics.items(java.util.Optional.of("typescript"), dev.skillmark.review.Statistics.Filter.ALL)));
    }


    /**
     * Seeds {@code count} attempts (with a timeline of 11 to 13 events each) and as many audit entries straight into
     * the database, then times the pages an interviewer and an admin page through: the first request cold, then
     * a few dozen of each.
     */
    private static void lists(Skillmark app, int count) {
        long now = System.currentTimeMillis();
        long t = System.nanoTime();
        String[] quizzes = {QUIZ, "typescript-and-node", "aws-and-infrastructure"};
        Seeds.attempts(app.jdbi(), count, new Seeds.Shape() {
            public String quiz(int n) {
                return quizzes[n % quizzes.length];
            }

            public String quizTitle(int n) {
                return "Bench quiz " + quizzes[n % quizzes.length];
            }

            public String status(int n) {
                return n % 10 == 0 ? "IN_PROGRESS" : "SUBMITTED";
            }

            public long startedAt(int n) {
                return now - 600_000L * (count - n); // one every 10 minutes, up to now
            }

            public int focusLost(int n) {
                return n % 7 == 0 ? 3 : 0;
            }
        });
        Seeds.auditEntries(app.jdbi(), count, now - 60_000L * count);
        System.out.printf(Locale.ROOT, "seeded %,d attempts and %,d audit entries in %.1f s%n", count, count, (System.nanoTime() - t) / 1e9);
        var user = app.accounts().create("bench-lists", "Bench", Fixtures.PASSWORD,
                java.util.Set.of(dev.skillmark.web.Role.INTERVIEWER, dev.skillmark.web.Role.ADMIN), "bench");
        try (var http = new HttpSession(app.port())) {
            http.signIn(user);
            pageTimes(http, "dashboard, page 1 (" + count + " attempts)", "/review");
            pageTimes(http, "dashboard, page 100", "/review?page=100");
            pageTimes(http, "dashboard, search 'cand 12' + status", "/review?q=cand+12&status=submitted");
            pageTimes(http, "dashboard, sorted by signals (counts every timeline)", "/review?sort=signals", 5);
            pageTimes(http, "dashboard, a day in Europe/Berlin", "/review?from=" + java.time.LocalDate.now(ZoneOffset.UTC).minusDays(3)
                    + "&to=" + java.time.LocalDate.now(ZoneOffset.UTC).minusDays(3) + "&tz=Europe/Berlin");
            report("dashboard CSV, every row", time(2, i -> http.get("/review/export.csv")));
            pageTimes(http, "audit log, page 1 (" + count + " entries)", "/admin/audit");
            pageTimes(http, "audit log, page 150", "/admin/audit?page=150");
            pageTimes(http, "audit log, actor + search", "/admin/audit?actor=ivy&q=entry+12");
        }
    }

    private static void pageTimes(HttpSession http, String what, String path) {
        pageTimes(http, what, path, 40);
    }

    /**
     * {@code -Donly=render}: one question page of a live attempt rendered by the template engine alone, on one
     * thread, without HTTP or the database, beside the same engine rendering a page of one element: how much of a
     * question page is Thymeleaf's, for trying template changes in seconds rather than a load run's minutes.
     */
    private static void render() throws Exception {
        Path dir = Files.createTempDirectory("skillmark-bench");
        try (var app = Skillmark.start(Config.forFolder(dir.resolve("data"), Fixtures.projectDir().resolve("content")),
                Clock.systemUTC(), new java.security.SecureRandom()::nextLong, List.of())) {
            String id = app.attempts().start(QUIZ, "Render", dev.skillmark.attempt.Client.UNKNOWN);
            // -Dtemplates=DIR renders a copy of templates/ being tried instead
            var templates = new dev.skillmark.web.Templates(java.util.Optional.ofNullable(System.getProperty("templates")).map(Path::of));
            var pages = new ArrayList<java.util.Map<String, Object>>();
            for (int slot = 1; slot <= 30; slot++) {
                pages.add(java.util.Map.of("page", app.pages().question(id, slot), "base", "/attempts/" + id,
                        "csrf", "x".repeat(43), "grace", 0L));
            }
            int rounds = Integer.getInteger("rounds", 10);
            int each = 20_000;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                long chars = 0;
                for (int i = 0; i < each; i++) {
                    chars += templates.html("attempt/question", pages.get(i % pages.size())).length();
                }
                double page = (System.nanoTime() - t) / 1e3 / each;
                t = System.nanoTime();
                for (int i = 0; i < each; i++) {
                    templates.html("error", java.util.Map.of("status", 404, "heading", "Not found",
                            "message", "There is no page " + i + ".", "back", "/", "backLabel", "Back to the quizzes"));
                }
                double error = (System.nanoTime() - t) / 1e3 / each;
                System.out.printf(Locale.ROOT, "round %2d: question page %6.1f us (%,d chars), error page %5.1f us: %.1f x%n",
                        r + 1, page, chars / each, error, page / error);
            }
        }
    }

    /** The first request, then {@code n} more: prints the cold time and the spread of the warm ones. */
    private static void pageTimes(HttpSession http, String what, String path, int n) {
        long t = System.nanoTime();
        var first = http.get(path);
        long cold = System.nanoTime() - t;
        if (first.status() != 200) {
            System.out.println(what + ": status " + first.status());
        }
        System.out.printf(Locale.ROOT, "%-50s cold %7.2f ms, %,d bytes%n", what, cold / 1e6, first.body().length());
        report(what, time(n, i -> http.get(path)));
    }

    private static HttpRequest autosave(int port, String csrf, String cookies, List<String[]> textSlots, long n, long unique) {
        var target = textSlots.get((int) (n % textSlots.size()));
        String answer = target[2].equals("numeric") ? String.valueOf(unique) : "answer " + unique + " " + "x".repeat(120);
        String body = "revision=0&page=bench-tab&response=" + HttpSession.enc(answer);
        return Load.request(port, "/attempts/" + target[0] + "/q/" + target[1] + "/autosave")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Cookie", cookies)
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** One typed-answer slot per attempt (short answer or essay, else numeric), so every autosave stores a new answer. */
    private static List<String[]> textSlots(Jdbi jdbi, List<String> ids) {
        var slots = new ArrayList<String[]>();
        for (String id : ids) {
            slots.add(jdbi.withHandle(h -> h.createQuery("select slot, kind from attempt_question where attempt_id = :id"
                    + " and kind not in ('single', 'multiple') order by case when kind = 'numeric' then 1 else 0 end, slot")
                    .bind("id", id).map((rs, ctx) -> new String[]{id, rs.getString("slot"), rs.getString("kind")}).first()));
        }
        return slots;
    }

    /** The first ceiling: the same Javalin, one handler that answers "ok", nothing else. */
    /**
     * Loads {@code copies} copies of content/ at once, about 10,000 questions with the shipped ones' markdown: each
     * bank file holds its questions {@code copies} times under fresh ids, so the copies are in the same bank and are
     * not near-duplicates of each other by the loader's rule (only banks apart are compared), and the quizzes are
     * the shipped ones.
     */
    private static void loadMany(ContentLoader loader, Path content, int copies) throws java.io.IOException {
        Path dir = Files.createTempDirectory("skillmark-content");
        Files.createDirectories(dir.resolve("skills"));
        var heading = java.util.regex.Pattern.compile("(?m)^(## .*\\{#)([a-z0-9-]+)");
        try (var files = Files.list(content.resolve("skills"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                int body = text.indexOf("\n## ");
                var out = new StringBuilder(text);
                for (int c = 1; c < copies; c++) {
                    int copy = c;
                    out.append('\n').append(heading.matcher(text.substring(body + 1)).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + "-copy" + copy)));
                }
                Files.writeString(dir.resolve("skills").resolve(file.getFileName()), out);
            }
        }
        try (var files = Files.walk(content.resolve("quizzes"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(content.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        var loads = new ArrayList<Long>();
        int questions = 0;
        long problems = 0;
        // the first loads are mostly the JIT compiling flexmark: they are reported apart from the loads after them
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            var catalog = loader.load(dir);
            loads.add(System.nanoTime() - t);
            questions = catalog.banks().stream().mapToInt(b -> b.questions().size()).sum();
            problems = catalog.problems().size();
        }
        String what = String.format(Locale.ROOT, "load %,d questions (%d copies), %d problems", questions, copies, problems);
        report(what + ", first 4", loads.subList(0, 4));
        report(what + ", next 6", loads.subList(4, loads.size()));
    }

    /** The id cookie of candidate {@code n}'s browser: 43 characters, as Skillmark gives one. */
    static String browserCookie(long n) {
        return "skillmark_browser=" + String.format(Locale.ROOT, "bench%038d", n);
    }

    private static Load.Result bareCeiling(int clients, Duration warm, Duration measure) throws InterruptedException {
        var app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.port = 0;
            c.routes.get("/", ctx -> ctx.result("ok"));
        }).start();
        try {
            return Load.run("bare Javalin GET", clients, warm, measure, n -> Load.request(app.port(), "/").GET().build());
        } finally {
            app.stop();
        }
    }

    /** The second ceiling: one durable upsert per request (H2 file, WRITE_DELAY=0, the same Hikari pool size). */
    private static Load.Result upsertCeiling(Path dir, int clients, Duration warm, Duration measure) throws InterruptedException {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(Config.h2Url(dir));
        hikari.setUsername("sa");
        hikari.setMaximumPoolSize(Database.POOL_SIZE);
        try (var pool = new HikariDataSource(hikari)) {
            var jdbi = Jdbi.create(pool);
            jdbi.useHandle(h -> h.execute("create table ceiling (id int primary key, v varchar(20000), n bigint)"));
            var app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.jetty.port = 0;
                c.routes.post("/upsert", ctx -> {
                    long n = Long.parseLong(ctx.formParam("n"));
                    jdbi.useHandle(h -> h.execute("merge into ceiling key (id) values (?, ?, ?)", (int) (n % 1000), ctx.formParam("v"), n));
                    ctx.result("{\"saved\":true}");
                });
            }).start();
            try {
                return Load.run("durable H2 upsert", clients, warm, measure, n -> Load.request(app.port(), "/upsert")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("n=" + n + "&v=answer+" + n + "+" + "x".repeat(120))).build());
            } finally {
                app.stop();
            }
        }
    }

    private static void heap() {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        long upMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf(Locale.ROOT, "heap after GC: %.0f MB used of %.0f MB committed (max %.0f MB); GC %.1f%% of %d s uptime%n",
                mb(memory.getUsed()), mb(memory.getCommitted()), mb(memory.getMax()), 100.0 * gcMillis / upMillis, upMillis / 1000);
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static List<Long> time(int n, IntConsumer action) {
        var samples = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            action.accept(i);
            samples.add(System.nanoTime() - t);
        }
        return samples;
    }

    private static void report(String what, List<Long> nanos) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-50s n=%4d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what,
                sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1e6;
    }
}
