package dev.skillmark.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches content/ and reloads when a file changes. Bursts of events (an editor's save, a git
 * checkout) are gathered until the folder is quiet for {@link #QUIET_MS}, then loaded once.
 * Nothing a file contains can stop this thread: every failure is logged and watching goes on.
 */
public final class ContentWatcher implements AutoCloseable {

    static final long QUIET_MS = 150;
    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);
    private final Content content;
    private final WatchService watcher;
    private final Thread thread;
    private final Runnable onFailure;

    public ContentWatcher(Content content) throws IOException {
        this(content, () -> { });
    }

    /** {@code onFailure}: told of every reload that failed (the metrics count them). */
    public ContentWatcher(Content content, Runnable onFailure) throws IOException {
        this.content = content;
        this.onFailure = onFailure;
        this.watcher = content.folder().getFileSystem().newWatchService();
        register();
        this.thread = new Thread(this::run, "content-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches content/, skills/ and quizzes/ where they exist, and the folder above content/ while content/
     * itself is missing, so folders created after start are followed (registering twice is harmless).
     */
    private void register() throws IOException {
        Path folder = content.folder().toAbsolutePath();
        if (!Files.isDirectory(folder) && folder.getParent() != null && Files.isDirectory(folder.getParent())) {
            folder.getParent().register(watcher, ENTRY_CREATE, ENTRY_DELETE, OVERFLOW);
        }
        for (Path dir : new Path[]{folder, folder.resolve("skills"), folder.resolve("quizzes")}) {
            if (Files.isDirectory(dir)) {
                dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE, OVERFLOW);
            }
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var key = watcher.take();
                drain(key);
                // gather the rest of the burst
                java.nio.file.WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                register(); // content/, skills/ or quizzes/ may have been created since
                content.reload();
                register(); // and created while reloading: the next event reloads what they hold
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException | IOException e) {
                log.warn("reloading content failed; still watching", e);
                onFailure.run();
            }
        }
    }

    private static void drain(java.nio.file.WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("closing the watcher", e);
        }
    }
}
