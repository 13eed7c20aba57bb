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

    private static Target startHere() {
        try {
            Path dir = Files.createTempDirectory("skillmark-load");
            Path content = dir.resolve("content");
            copy(Fixtures.projectDir().resolve("content"), content);
            Files.writeString(quizFile(dir), loadQuiz(content, Optional.empty()));
            var app = Skillmark.start(Config.forFolder(dir.resolve("data"), content), Clock.systemUTC(),
                    new SecureRandom()::nextLong, java.util.List.of());
            app.jdbi().useHandle(h -> h.execute("insert into setting (name, setting_value) values ('public_practice', 'true')"));
            String url = "http://127.0.0.1:" + app.port();
            System.out.printf("Load target: Skillmark started here at %s (H2 file in %s), quiz %s%n", url, dir, QUIZ);
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
