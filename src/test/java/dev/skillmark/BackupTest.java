package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of the H2 database: taken by another process while candidates autosave, restored into a new data
 * folder, and Skillmark started from it with every answer it had acknowledged before the backup began.
 */
class BackupTest {

    private static final int WRITERS = 4;
    /** Attempts per writer: each attempt takes 120 saves a minute, and the test clock never moves on. */
    private static final int ATTEMPTS_EACH = 4;
    private static final int MAX_SAVES_EACH = 100 * ATTEMPTS_EACH;
    private static final int ESSAY_SLOT = 6;
    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    /** One save the server acknowledged with 200: this answer is stored as this revision. */
    record Ack(String attempt, int revision, String text) {
    }

    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_backup_taken_while_candidates_autosave_holds_every_answer_acknowledged_before_it_began() throws Exception {
        Path zip = dir.resolve("backups").resolve("skillmark.zip");
        Files.createDirectories(zip.getParent());
        var acknowledged = new ConcurrentLinkedQueue<Ack>();
        var refusals = new ConcurrentLinkedQueue<String>();
        List<Ack> before;
        int during;
        try (var app = TestApp.start(dir, onH2(dir), List.of())) {
            var warmedUp = new CountDownLatch(WRITERS);
            var done = new AtomicBoolean();
            var writers = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                var browser = new HttpSession(app.app.port());
                var attempts = new ArrayList<String>();
                for (int a = 0; a < ATTEMPTS_EACH; a++) {
                    attempts.add(browser.startAttempt("timed", "Writer " + w + "." + a));
                }
                int writer = w;
                var counted = new AtomicBoolean();
                Runnable ready = () -> {
                    if (counted.compareAndSet(false, true)) {
                        warmedUp.countDown();
                    }
                };
                writers.add(pool.submit(() -> {
                    try {
                        write(browser, attempts, writer, acknowledged, refusals, ready, done);
                    } finally {
                        ready.run(); // a writer that stopped early must not hold the backup up
                    }
                    return null;
                }));
            }
            assertThat(warmedUp.await(120, TimeUnit.SECONDS)).isTrue();

            before = List.copyOf(acknowledged); // each of these had its 200 before the backup command started
            String printed = backupInAnotherProcess(dir.resolve("data"), zip);
            during = acknowledged.size() - before.size();
            done.set(true);
            for (var writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            assertThat(printed).contains("Backed up the running server's database");
        }
        assertThat(refusals).as("saves refused during the backup").isEmpty();
        assertThat(during).as("saves acknowledged while the backup command ran").isPositive();
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .as("the server leaves no partial backup behind").noneMatch(name -> name.endsWith(".partial"));

        Path restoredDir = dir.resolve("restored-data");
        assertThat(cli("restore", zip.toString(), "--data-dir", restoredDir.toString()))
                .contains("Restored", WRITERS * ATTEMPTS_EACH + " attempts");
        try (var restored = Skillmark.start(Config.forFolder(restoredDir, dir.resolve("content")), new TestClock(),
                Fixtures.seeds(), List.of())) {
            var stored = restored.jdbi().withHandle(h -> h.createQuery(
                            "select attempt_id, revision, response from answer where slot = :slot")
                    .bind("slot", ESSAY_SLOT)
                    .map((rs, ctx) -> new Ack(rs.getString(1), rs.getInt(2), rs.getString(3))).list())
                    .stream().collect(java.util.stream.Collectors.toMap(Ack::attempt, a -> a));
            for (var ack : before) {
                var answer = stored.get(ack.attempt());
                assertThat(answer).as("answer of " + ack).isNotNull();
                assertThat(answer.revision()).as("revision kept for " + ack).isGreaterThanOrEqualTo(ack.revision());
                if (answer.revision() == ack.revision()) {
                    assertThat(answer.text()).isEqualTo(ack.text());
                }
            }
            // and the restored server shows the newest of them on the candidate's page
            var latest = new java.util.HashMap<String, Ack>();
            before.forEach(a -> latest.merge(a.attempt(), a, (x, y) -> x.revision() >= y.revision() ? x : y));
            var page = new HttpSession(restored.port());
            for (var ack : latest.values()) {
                if (stored.get(ack.attempt()).revision() == ack.revision()) {
                    assertThat(page.get("/attempts/" + ack.attempt() + "/q/" + ESSAY_SLOT).body()).contains(ack.text());
                }
            }
        }
        System.out.printf("backup during autosaves: %d saves acknowledged before it began, all restored; %d while it ran%n",
                before.size(), during);
    }

    @Test
    void a_backup_never_replaces_a_file_unless_forced_and_works_with_the_server_stopped() throws Exception {
        Path zip = dir.resolve("kept.zip");
        Files.writeString(zip, "an earlier backup");
        try (var app = TestApp.start(dir, onH2(dir), List.of())) {
            assertThat(app.get(Backups.PATH).status()).as("without the token").isEqualTo(403);
            assertThat(cli("backup", "--data-dir", dir.resolve("data").toString(), zip.toString()))
                    .contains("already exists", "--force");
            assertThat(Files.readString(zip)).isEqualTo("an earlier backup");
            assertThat(cli("backup", "--force", "--data-dir", dir.resolve("data").toString(), zip.toString()))
                    .contains("running server");
        }
        assertThat(entries(zip)).containsExactly("skillmark.mv.db");
        assertThat(Files.exists(dir.resolve("data").resolve(Backups.SERVING_FILE))).as("removed on stop").isFalse();

        Path offline = dir.resolve("offline.zip");
        assertThat(cli("backup", "--data-dir", dir.resolve("data").toString(), offline.toString()))
                .contains("no server was running");
        assertThat(entries(offline)).containsExactly("skillmark.mv.db");
        assertThat(cli("restore", offline.toString(), "--data-dir", dir.resolve("data").toString()))
                .as("never over a database").contains("already holds a database");
    }

    /** One candidate's browser autosaving its attempts in turn, each save a new text, until told to stop. */
    private static void write(HttpSession browser, List<String> attempts, int writer, ConcurrentLinkedQueue<Ack> acknowledged,
                              ConcurrentLinkedQueue<String> refusals, Runnable ready, AtomicBoolean done) {
        for (int n = 0; n < MAX_SAVES_EACH && !done.get(); n++) {
            String attempt = attempts.get(n % attempts.size());
            String text = "writer " + writer + ", save " + n;
            var reply = browser.autosave(attempt, ESSAY_SLOT, "response", text);
            if (reply.status() == 200) {
                var revision = REVISION.matcher(reply.body());
                assertThat(revision.find()).as(reply.body()).isTrue();
                int stored = Integer.parseInt(revision.group(1));
                assertThat(stored).as("a new answer is a new revision").isPositive();
                acknowledged.add(new Ack(attempt, stored, text));
            } else if (reply.status() != 429) { // 429: this attempt's saves for the minute are used up
                refusals.add(reply.status() + " " + reply.body());
            }
            if (n == 2 * attempts.size()) {
                ready.run(); // every attempt of this writer has answers by now
            }
        }
    }

    /** The command line as an operator runs it: another JVM, next to the running server. */
    private static String backupInAnotherProcess(Path dataDir, Path zip) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.skillmark.Skillmark",
                "backup", zip.toString())
                .redirectErrorStream(true);
        process.environment().put("SKILLMARK_DATA_DIR", dataDir.toString());
        process.environment().remove("SKILLMARK_DATABASE_URL");
        var started = process.start();
        String printed = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(printed).isZero();
        return printed;
    }

    private static String cli(String... args) {
        var out = new ByteArrayOutputStream();
        Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> entries(Path zip) throws IOException {
        try (var opened = new ZipFile(zip.toFile())) {
            return opened.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    /** Backups are H2's: these tests stay on an H2 file whatever database the other integration tests use. */
    private static UnaryOperator<Config> onH2(Path dir) {
        return config -> config.withDatabase(Config.h2Url(dir.resolve("data")), "sa", "");
    }
}
