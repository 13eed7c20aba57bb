package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.HttpSession;
import dev.skillmark.AppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainers edit content/ while Skillmark runs: the watcher reloads, and nothing a file holds can hurt. */
class LiveContentTest extends AppTest {

    private final BlockingQueue<Catalog> reloads = new LinkedBlockingQueue<>();
    private Path bank;
    private String original;

    @BeforeEach
    void watchReloads() throws Exception {
        app.app.content().onReload(reloads::add);
        bank = app.dir.resolve("content/skills/alpha.md");
        original = Files.readString(bank);
    }

    @Test
    void an_edited_bank_is_in_service_within_a_second_without_a_restart() throws Exception {
        long before = System.nanoTime();
        Files.writeString(bank, original.replace("makes every property", "makes each property"));
        var catalog = awaitCatalog(c -> c.question("alpha-partial").orElseThrow().promptHtml().contains("each property"));
        long millis = (System.nanoTime() - before) / 1_000_000;
        assertThat(millis).as("reload took " + millis + " ms").isLessThan(5_000);
        assertThat(catalog.problems()).isEmpty();
    }

    @Test
    void a_file_that_now_has_problems_keeps_its_last_good_version_in_service() throws Exception {
        Files.writeString(bank, original.replace("{#alpha-partial difficulty=easy tags=types}", "{#alpha-partial difficulty=trivial}"));
        var catalog = awaitCatalog(c -> !c.problems().isEmpty());
        assertThat(catalog.problems()).extracting(Problem::toString)
                .containsExactly("skills/alpha.md:6: unknown difficulty 'trivial' (known: easy, medium, hard)");
        assertThat(catalog.bank("alpha")).isPresent();
        assertThat(catalog.quiz("timed")).isPresent();
        assertThat(catalog.files()).filteredOn(f -> f.file().equals("skills/alpha.md"))
                .singleElement().satisfies(f -> {
                    assertThat(f.inService()).isTrue();
                    assertThat(f.hasProblems()).isTrue();
                });
        assertThat(app.get("/quizzes/timed").status()).isEqualTo(200);

        Files.writeString(bank, original);
        assertThat(awaitCatalog(c -> c.problems().isEmpty()).files()).allSatisfy(f -> assertThat(f.hasProblems()).isFalse());
    }

    @Test
    void a_duplicated_question_id_keeps_the_last_good_bank_and_every_quiz_and_invitation_in_service() throws Exception {
        app.signInAs("ivy", dev.skillmark.web.Role.INTERVIEWER, dev.skillmark.web.Role.TRAINER);
        String link = link(app.postAndFollow("/invitations", "quiz", "timed", "name", "Dora", "expires", "7", "extra", "0").body());
        // the usual copy-paste mistake: a question block pasted with its id, and a second problem further down
        String pasted = original.substring(original.indexOf("## Which utility type"), original.indexOf("## Which HTTP methods"));
        Files.writeString(bank, original + "\n" + pasted + "\n## No id here\n\nAnswer: 1\n");
        var catalog = awaitCatalog(c -> !c.problems().isEmpty());

        assertThat(catalog.problems()).extracting(Problem::toString).anyMatch(p -> p.contains("duplicate question id 'alpha-partial'"))
                .anyMatch(p -> p.contains("the heading has no {#id ...}"));
        // the server reports exactly what lint reports, though it serves the last good version
        assertThat(catalog.problems()).isEqualTo(new ContentLoader(new Markdown()).load(app.dir.resolve("content")).problems());
        assertThat(catalog.bank("alpha").orElseThrow().questions()).hasSize(6);
        assertThat(catalog.quiz("timed")).isPresent();
        assertThat(catalog.outOfService()).isEmpty();
        assertThat(app.get("/content").body()).contains("duplicate question id").doesNotContain("out of service</h2>");
        try (var candidate = new HttpSession(app.app.port())) {
            assertThat(candidate.get(link).status()).isEqualTo(200);
            assertThat(candidate.post(link + "/start", "name", "Dora").status()).isEqualTo(303);
            assertThat(candidate.startAttempt("timed", "Walk-in")).isNotBlank();
        }
    }

    @Test
    void quizzes_out_of_service_are_named_on_staff_pages_with_the_pending_invitations_they_affect() throws Exception {
        app.signInAs("ivy", dev.skillmark.web.Role.INTERVIEWER, dev.skillmark.web.Role.TRAINER);
        app.post("/invitations", "quiz", "shuffled", "name", "Pending Pat", "expires", "7", "extra", "0");
        for (String page : new String[]{"/review", "/invitations", "/content"}) {
            assertThat(app.get(page).body()).as(page).doesNotContain("out of service</h2>");
        }
        Files.delete(bank);
        awaitCatalog(c -> c.bank("alpha").isEmpty());
        // a quiz file added now that has never loaded cleanly is out of service too
        Files.writeString(app.dir.resolve("content/quizzes/broken-new.md"), "---\ntitle: [unclosed\n---\n");
        var catalog = awaitCatalog(c -> c.outOfService().stream().anyMatch(o -> o.quizId().equals("broken-new")));
        assertThat(catalog.outOfService()).extracting(Catalog.OutOfService::quizId)
                .containsExactlyInAnyOrder("broken-new", "score-only", "shuffled", "timed");
        for (String page : new String[]{"/review", "/invitations", "/content"}) {
            assertThat(app.get(page).body()).as(page).contains("4 quizzes are out of service")
                    .contains("<code>shuffled</code>").contains("1 pending invitation affected: Pending Pat")
                    .contains("<code>broken-new</code>");
        }
    }

    private static String link(String body) {
        var m = java.util.regex.Pattern.compile("(/i/[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void a_deleted_bank_leaves_new_quizzes_and_attempts_already_started_are_untouched() throws Exception {
        String attempt = app.startAttempt("timed", "Ada");
        Files.delete(bank);
        var catalog = awaitCatalog(c -> c.bank("alpha").isEmpty());
        assertThat(catalog.quiz("timed")).isEmpty();
        assertThat(app.get("/").body()).doesNotContain("href=\"/quizzes/timed\"");
        assertThat(app.get("/attempts/" + attempt + "/q/1").body()).contains("makes every property");
        assertThat(app.post("/attempts/" + attempt + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next").status()).isEqualTo(303);
    }

    @Test
    void under_a_stream_of_edits_the_server_keeps_serving_and_ends_with_the_last_good_version() throws Exception {
        try (var visitor = new HttpSession(app.app.port())) {
            for (int i = 0; i < 200; i++) {
                String text = i % 3 == 2 ? original.substring(0, original.length() / 2) // half-written by an editor
                        : original.replace("makes every property", "makes property v" + i);
                Files.writeString(bank, text);
                if (i % 20 == 0) {
                    assertThat(visitor.get("/quizzes/timed").status()).isEqualTo(200);
                }
            }
            Files.writeString(bank, original.replace("makes every property", "makes property final"));
            var catalog = awaitCatalog(c -> c.question("alpha-partial").map(q -> q.promptHtml().contains("final")).orElse(false));
            assertThat(catalog.problems()).isEmpty();
            assertThat(visitor.get("/quizzes/timed").status()).isEqualTo(200);
        }
    }

    @Test
    void an_unreadable_or_half_written_file_never_stops_the_watcher() throws Exception {
        Files.write(bank, new byte[]{'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        var broken = awaitCatalog(c -> !c.problems().isEmpty());
        assertThat(broken.problems()).extracting(Problem::toString).contains("skills/alpha.md:1: the file is not valid UTF-8");
        assertThat(broken.bank("alpha")).isPresent();

        Files.writeString(app.dir.resolve("content/skills/new.md"), "---\ntitle: New\n---\n\n## Q {#new-q}\n\nAnswer: 1\n");
        var later = awaitCatalog(c -> c.bank("new").isPresent());
        assertThat(later.bank("alpha")).isPresent();
        Files.writeString(bank, original);
        assertThat(awaitCatalog(c -> c.problems().isEmpty()).bank("new")).isPresent();
    }

    @Test
    void attempts_record_the_content_version_with_the_git_commit_when_content_is_in_git() throws Exception {
        Path folder = app.dir.resolve("content");
        git(folder, "init", "-q");
        git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A");
        git(folder, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "content");
        String head = git(folder, "rev-parse", "HEAD").strip();
        app.app.content().reload();
        String attempt = app.startAttempt("timed", "Ada");
        var version = app.app.attempts().attempt(attempt).contentVersion();
        assertThat(version).matches("[0-9a-f]{12} git:" + head.substring(0, 12));
        assertThat(app.app.pages().question(attempt, 1).question().contentHash()).hasSize(64);
    }

    private static String git(Path dir, String... args) throws Exception {
        var command = new java.util.ArrayList<String>(java.util.List.of("git", "-C", dir.toString()));
        command.addAll(java.util.List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    /** Waits for the watcher's reload that satisfies {@code test}; a bounded wait on a signal, not a sleep. */
    private Catalog awaitCatalog(Predicate<Catalog> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var catalog = reloads.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (catalog != null && test.test(catalog)) {
                return catalog;
            }
        }
        throw new AssertionError("no reload produced the expected content");
    }
}
