package dev.skillmark.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content in service: one catalog, replaced whole on reload so no request ever sees half of one.
 * A reload keeps the last good version of any file that now has problems.
 */
public final class Content {

    private static final Logger log = LoggerFactory.getLogger(Content.class);
    private final Path folder;
    private final ContentLoader loader;
    private final Clock clock;
    private final AtomicReference<InService> inService = new AtomicReference<>(new InService(Catalog.EMPTY, ""));
    private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();

    public Content(Path folder, ContentLoader loader, Clock clock) {
        this.folder = folder;
        this.loader = loader;
        this.clock = clock;
        reload();
    }

    /** The catalog in service and its version, read together: a reload replaces both at once. */
    public record InService(Catalog catalog, String version) {
    }

    public Catalog current() {
        return inService.get().catalog();
    }

    /** What an attempt draws from and records, in one read, so it never pairs one catalog with another's version. */
    public InService inService() {
        return inService.get();
    }

    public Path folder() {
        return folder;
    }

    /** What attempts record: the catalog's hash and, when content/ is in git, the commit. */
    public String version() {
        return inService.get().version();
    }

    /** Called after every reload with the catalog now in service (tests wait on this, the watcher logs). */
    public void onReload(Consumer<Catalog> listener) {
        listeners.add(listener);
    }

    /** A quiz out of service, with the candidates whose pending invitations it affects. */
    public record Outage(String quizId, String file, List<String> pendingInvitations) {
    }

    /** Who holds an invitation to a quiz that is still open (not started, revoked or expired). */
    @FunctionalInterface
    public interface PendingInvitations {
        List<String> candidates(String quizId);
    }

    /** Every quiz whose file is in content/ but out of service, for the banners on staff pages. */
    public List<Outage> outages(PendingInvitations pending) {
        return current().outOfService().stream()
                .map(o -> new Outage(o.quizId(), o.file(), pending.candidates(o.quizId()))).toList();
    }

    public synchronized Catalog reload() {
        var catalog = loader.load(folder, current(), clock.millis());
        catalog.problems().forEach(p -> log.warn("content problem: {}", p));
        var n = dev.skillmark.web.Format.INSTANCE;
        log.info("content loaded from {}: {}, {}, {}", folder, n.count(catalog.banks().size(), "bank", "banks"),
                n.count(catalog.offers().size(), "quiz", "quizzes"), n.count(catalog.problems().size(), "problem", "problems"));
        inService.set(new InService(catalog, gitCommit().map(c -> catalog.version() + " git:" + c).orElse(catalog.version())));
        listeners.forEach(l -> l.accept(catalog));
        return catalog;
    }

    /** The commit checked out in content/'s git work tree, if it is in one and git is installed. */
    private Optional<String> gitCommit() {
        try {
            var process = new ProcessBuilder("git", "-C", folder.toAbsolutePath().toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                boolean dirty = isDirty();
                return Optional.of(out.substring(0, 12) + (dirty ? "+edits" : ""));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private boolean isDirty() throws IOException, InterruptedException {
        var process = new ProcessBuilder("git", "-C", folder.toAbsolutePath().toString(), "status", "--porcelain", "--", ".")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(5, TimeUnit.SECONDS) && !out.isBlank();
    }
}
