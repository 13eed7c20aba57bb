package dev.skillmark;

import dev.skillmark.content.ContentLoader;
import dev.skillmark.content.Markdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Measures and prints; never fails. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.skillmark.Benchmark}.
 * Uses the shipped content, a fresh H2 file database in a temp folder and a real server on a free port.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** {@code dashboard} as the only argument measures the dashboard alone (seeding what it needs). */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("dashboard")) {
            Path dir = Files.createTempDirectory("skillmark-bench");
            try (var app = Skillmark.start(Config.forFolder(dir.resolve("data"), Fixtures.projectDir().resolve("content")),
                    Clock.systemUTC()); var http = new HttpSession(app.port())) {
                String id = http.startAttempt("senior-backend-screening", "Bench");
                http.post("/attempts/" + id + "/submit");
                dashboard(app, http, 10_000);
            }
            return;
        }
        Path content = Fixtures.projectDir().resolve("content");
        var loader = new ContentLoader(new Markdown());
        var loads = new ArrayList<Long>();
        int questions = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            questions = loader.load(content).banks().stream().mapToInt(b -> b.questions().size()).sum();
            loads.add(System.nanoTime() - t);
        }
        report("load content/ (" + questions + " questions)", loads);

        Path dir = Files.createTempDirectory("skillmark-bench");
        var config = Config.forFolder(dir.resolve("data"), content);
        try (var app = Skillmark.start(config, Clock.systemUTC()); var http = new HttpSession(app.port())) {
            String quiz = "senior-backend-screening";
            var ids = new ArrayList<String>();
            report("start an attempt (draw + snapshot of 30)", time(50, i -> ids.add(http.startAttempt(quiz, "Bench " + i))));
            String id = ids.get(0);
            report("GET a question page", time(1000, i -> http.get("/attempts/" + id + "/q/" + (1 + i % 30))));
            report("autosave an answer", time(1000, i -> http.autosave(id, 1 + i % 30, "response", "x", "choice", "0")));
            concurrent(http, id);
            report("submit + result page", time(49, i -> {
                http.post("/attempts/" + ids.get(i + 1) + "/submit");
                http.get("/attempts/" + ids.get(i + 1) + "/result");
            }));
            statistics(app, 3000);
            dashboard(app, http, 10_000);
        }
    }

    /** Tops the database up to {@code attempts} attempts (with events and 500 invitations), then times dashboard pages. */
    private static void dashboard(Skillmark app, HttpSession http, int attempts) {
        String template = app.jdbi().withHandle(h -> h.createQuery(
                "select id from attempt where status <> 'IN_PROGRESS' and trial = false fetch first 1 row only")
                .mapTo(String.class).one());
        int have = app.jdbi().withHandle(h -> h.createQuery("select count(*) from attempt").mapTo(Integer.class).one());
        long t = System.nanoTime();
        app.jdbi().useTransaction(h -> {
            var random = new java.util.Random(11);
            for (int i = have; i < attempts; i++) {
                String id = String.format(Locale.ROOT, "dash%028d", i);
                h.execute("insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name, seed, started_at,"
                        + " deadline_at, status, finished_at, score, max_score, pending, content_version, extra_time_percent,"
                        + " client_address, client_agent, trial) select ?, quiz_id, quiz_title, mode, review, pass_mark, ?,"
                        + " seed, started_at - ?, deadline_at, status, finished_at, ?, max_score, ?, content_version, 0, '', '', false"
                        + " from attempt where id = ?", id, "Candidate " + i, (long) random.nextInt(90) * 86_400_000L,
                        (double) random.nextInt(30), random.nextInt(3), template);
                for (int e = 0; e < 6; e++) {
                    h.execute("insert into attempt_event (attempt_id, at, type, slot, detail) values (?, ?, ?, ?, '')", id,
                            1_000_000L + e * 1000L, e % 3 == 0 ? "FOCUS_LOST" : "SAVED", e + 1);
                }
            }
            for (int i = 0; i < 500; i++) {
                h.execute("insert into invitation (id, token_hash, quiz_id, candidate_name, email, extra_time_percent, created_by,"
                        + " created_at, expires_at) values (?, ?, 'senior-backend-screening', ?, '', 0, 'bench', ?, ?)",
                        "inv" + i, "hash" + i, "Invited " + i, 1_000_000L + i, Long.MAX_VALUE / 2);
            }
        });
        System.out.printf(Locale.ROOT, "seeded the dashboard up to %d attempts and 500 invitations in %.1f s%n", attempts,
                (System.nanoTime() - t) / 1e9);
        var user = app.accounts().create("bench-ivy", "Bench", Fixtures.PASSWORD, java.util.Set.of(dev.skillmark.web.Role.INTERVIEWER), "bench");
        http.signIn(user);
        time(100, i -> http.get(i % 2 == 0 ? "/review" : "/review?sort=score&page=" + i)); // warm-up: the JIT, H2's caches
        report("dashboard page, newest first (" + attempts + " attempts)", time(50, i -> http.get("/review")));
        report("dashboard page 100, sorted by score", time(50, i -> http.get("/review?sort=score&dir=desc&page=100")));
        report("dashboard, sorted by signals", time(20, i -> http.get("/review?sort=signals&dir=desc")));
        report("dashboard, name search + status + dates", time(50, i -> http.get("/review?q=candidate+12&status=submitted&from=2020-01-01&to=2030-01-01")));
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
                h.execute("insert into attempt_question select ?, slot, question_id, bank_id, area, kind, source, prompt_html,"
                        + " body_html, explanation_html, rubric_html, answer_keys, numeric_min, numeric_max, answer_display, points,"
                        + " content_hash from attempt_question where attempt_id = ?", id, template);
                h.execute("insert into attempt_option select ?, slot, position, html, correct from attempt_option"
                        + " where attempt_id = ?", id, template);
                h.execute("insert into answer (attempt_id, slot, response, seq, flagged, checked, outcome, fraction, points,"
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

    private static void concurrent(HttpSession http, String id) throws Exception {
        int threads = 8;
        int each = 250;
        var pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        var futures = new ArrayList<Future<List<Long>>>();
        for (int k = 0; k < threads; k++) {
            futures.add(pool.submit(() -> time(each, i -> http.get("/attempts/" + id + "/q/" + (1 + i % 30)))));
        }
        var all = new ArrayList<Long>();
        for (var f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        report("GET a question page, " + threads + " clients", all);
        System.out.printf(Locale.ROOT, "  throughput: %.0f pages/s%n", all.size() / seconds);
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
        System.out.printf(Locale.ROOT, "%-45s n=%4d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what,
                sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1e6;
    }
}
