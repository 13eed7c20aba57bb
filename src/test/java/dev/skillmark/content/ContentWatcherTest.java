package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher follows content/, skills/ and quizzes/ folders that are created after start. */
class ContentWatcherTest {

    private static final String BANK = "---\ntitle: Late\n---\n\n## Two? {#late-two}\n\nAnswer: 2\n\n> Two.\n";
    private static final String QUIZ = "---\ntitle: Late quiz\ndraw:\n  - bank: late\n---\n\nGo.\n";
    private final BlockingQueue<Catalog> reloads = new LinkedBlockingQueue<>();

    @Test
    void a_content_folder_created_after_start_is_watched_with_its_skills_and_quizzes(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("content");
        var content = new Content(folder, new ContentLoader(new Markdown()), new TestClock());
        assertThat(content.current().problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
        content.onReload(reloads::add);
        try (var watcher = new ContentWatcher(content)) {
            Files.createDirectories(folder);
            awaitCatalog(c -> c.problems().isEmpty());
            Files.createDirectories(folder.resolve("skills"));
            Files.writeString(folder.resolve("skills/late.md"), BANK);
            awaitCatalog(c -> c.bank("late").isPresent());
            Files.createDirectories(folder.resolve("quizzes"));
            awaitCatalog(c -> true);
            Files.writeString(folder.resolve("quizzes/late-quiz.md"), QUIZ);
            var catalog = awaitCatalog(c -> c.quiz("late-quiz").isPresent());
            assertThat(catalog.problems()).isEmpty();
            // an edit inside a folder created after start reloads too
            Files.writeString(folder.resolve("skills/late.md"), BANK.replace("Two?", "Deux?"));
            awaitCatalog(c -> c.question("late-two").map(q -> q.promptHtml().equals("Deux?")).orElse(false));
        }
    }

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
