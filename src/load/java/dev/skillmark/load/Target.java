package dev.skillmark.load;

import dev.skillmark.Config;
import dev.skillmark.Fixtures;
import dev.skillmark.Skillmark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The server a simulation drives: {@code -Dskillmark.url=http://127.0.0.1:PORT} (with {@code -Dskillmark.quiz=ID}, a
 * quiz that quiz's site lets anyone start), or by default a Skillmark started here the way the benchmark starts it:
 * an H2 file database in a temp folder, a real server on port 0, a copy of the shipped content.
 *
 * <p>The copy adds one quiz, {@value #QUIZ}: the shipped senior screening (30 questions, 45 minutes) with
 * {@code access: public}, since anonymous candidates can only start public quizzes, and for the deadline burst a
 * {@code closes:} time that is every attempt's shared deadline. Public practice is turned on, as an admin would.
 */
final class Target implements AutoCloseable {

    static final String QUIZ = "load-screening";
    private static final String SOURCE_QUIZ = "senior-backend-screening";
    /** {@code -Dwarmups}: candidates whose whole visits run before the load, four at a time. */
    private static final int WARM_UPS = Integer.getInteger("warmups", 200);

    final String url;
    final String quiz;
    private final Optional<Skillmark> app;
    private final Optional<Path> dir;
    private final MachineLoad machine = new MachineLoad();

    private Target(String url, String quiz, Optional<Skillmark> app, Optional<Path> dir) {
        this.url = url;
        this.quiz = quiz;
        this.app = app;
        this.dir = dir;
    }

    /** The target the system properties name, or a Skillmark started here. */
    static Target fromProperties() {
        String url = System.getProperty("skillmark.url", "");
        if (!url.isBlank()) {
            String quiz = System.getProperty("skillmark.quiz", QUIZ);
            System.out.printf("Load target: %s, quiz %s (started elsewhere: public practice must be on there)%n", url, quiz);
            return new Target(url.replaceAll("/+$", ""), quiz, Optional.empty(), Optional.empty());
        }
        return startHere();
    }

    static Target startHere() {
        try {
            Path dir = Files.createTempDirectory("skillmark-load");
            Path content = dir.resolve("content");
            copy(Fixtures.projectDir().resolve("content"), content);
            Files.writeString(quizFile(dir), loadQuiz(content, Optional.empty()));
            var app = Skillmark.start(Config.forFolder(dir.resolve("data"), content), Clock.systemUTC(),
                    new SecureRandom()::nextLong, java.util.List.of());
            app.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')"));
            String url = "http://127.0.0.1:" + app.port();
            warmUp(url, WARM_UPS);
            System.out.printf("Load target: Skillmark started here at %s (H2 file in %s), quiz %s, warmed up by %d candidates"
                    + " who started, saved and submitted%n", url, dir, QUIZ, WARM_UPS);
            return new Target(url, QUIZ, Optional.of(app), Optional.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code closes} the load quiz's closing time, so the deadline of every attempt started from now on, when the
     * server was started here (it reloads the edited file at once); a server elsewhere must have been given it already.
     */
    void closeQuizAt(Instant closes) {
        app.ifPresent(a -> {
            try {
                Files.writeString(quizFile(dir.orElseThrow()), loadQuiz(dir.orElseThrow().resolve("content"), Optional.of(closes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var quiz = a.content().reload().quiz(QUIZ);
            if (quiz.isEmpty() || !quiz.get().closes().equals(Optional.of(closes))) {
                throw new IllegalStateException("the load quiz did not take its closing time " + closes);
            }
        });
    }

    /** The shipped senior screening, open to anyone (only public quizzes can be started without an invitation). */
    private static String loadQuiz(Path content, Optional<Instant> closes) throws IOException {
        Path source = content.resolve("quizzes").resolve(SOURCE_QUIZ + ".md");
        return Files.readString(source).replaceFirst("^---\n", "---\naccess: public\n"
                        + closes.map(c -> "closes: " + c + "\n").orElse(""))
                .replaceFirst("(?m)^title: .*$", "title: Load test screening");
    }

    private static Path quizFile(Path dir) {
        return dir.resolve("content").resolve("quizzes").resolve(QUIZ + ".md");
    }

    /** The machine's load during the run; what the database holds after it, when the server was started here. */
    void printOutcome() {
        System.out.println(machine.summary());
        app.ifPresent(a -> {
            Map<String, Integer> statuses = new TreeMap<>();
            a.jdbi().useHandle(h -> h.createQuery("select status, count(*) as n from attempt group by status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                    .forEach(e -> statuses.put(e.getKey(), e.getValue())));
            long answers = a.jdbi().withHandle(h -> h.createQuery("select count(*) from answer where saved_at is not null")
                    .mapTo(Long.class).one());
            Path file = dir.orElseThrow().resolve("data").resolve("skillmark.mv.db");
            long bytes = file.toFile().length();
            System.out.printf(Locale.ROOT, "Database after the run: attempts by status %s, %,d answers saved, H2 file %.1f MB%n",
                    statuses, answers, bytes / 1024.0 / 1024.0);
        });
    }

    @Override
    public void close() {
        app.ifPresent(Skillmark::close);
        dir.ifPresent(Target::delete);
    }

    /**
     * Candidates' whole visits before the load, so every class on the hot path is loaded (a class first needed when the
     * process is out of file descriptors fails for good) and the JIT has compiled the requests, as on a server that
     * has been up for a while. With only 10 of them, a 500-start spike measured mostly the JIT: start p99 6.3 to 8 s,
     * against 0.5 to 1.5 s after 200, on the same build. {@code -Dwarmups=10} measures a server just started.
     */
    private static void warmUp(String url, int candidates) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var visits = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < candidates; i++) {
                int n = i;
                visits.add(pool.submit(() -> {
                    visit(url, n);
                    return null;
                }));
            }
            for (var visit : visits) {
                visit.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("warm-up failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void visit(String url, int i) throws IOException, InterruptedException {
        // a browser each: one browser may start a public exam quiz only as often as the retake limit allows
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String start = get(http, url + "/quizzes/" + QUIZ).body();
        var started = post(http, url + "/quizzes/" + QUIZ + "/start", "", "csrf=" + field(start, "name=\"csrf\" value=\"([^\"]+)\"")
                + "&name=Warm-up+" + i);
        String attempt = started.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("warm-up: the start answered " + started.statusCode()));
        String page = get(http, url + attempt).body();
        String csrf = field(page, "name=\"csrf\" value=\"([^\"]+)\"");
        post(http, url + attempt + "/autosave", csrf, "csrf=" + csrf + "&revision=" + field(page, "id=\"revision\"[^>]*value=\"(\\d+)\"")
                + "&page=" + field(page, "id=\"page\"[^>]*value=\"([^\"]+)\"") + "&response=1");
        String base = attempt.replaceAll("/q/1$", "");
        post(http, url + base + "/submit", "", "csrf=" + csrf);
        get(http, url + base + "/result");
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> post(java.net.http.HttpClient http, String url, String csrfHeader, String form)
            throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        if (!csrfHeader.isEmpty()) {
            request.header("X-CSRF-Token", csrfHeader).header("Accept", "application/json");
        }
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String html, String pattern) {
        var m = java.util.regex.Pattern.compile(pattern).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("warm-up: no " + pattern + " in the page");
        }
        return java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
