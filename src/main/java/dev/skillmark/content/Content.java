package dev.skillmark.content;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The content in service: one catalog, replaced whole on reload so no request sees half of one. */
public final class Content {

    private static final Logger log = LoggerFactory.getLogger(Content.class);
    private final Path folder;
    private final ContentLoader loader;
    private final AtomicReference<Catalog> current = new AtomicReference<>();

    public Content(Path folder, ContentLoader loader) {
        this.folder = folder;
        this.loader = loader;
        reload();
    }

    public Catalog current() {
        return current.get();
    }

    public Path folder() {
        return folder;
    }

    public Catalog reload() {
        var catalog = loader.load(folder);
        catalog.problems().forEach(p -> log.warn("content problem: {}", p));
        log.info("content loaded from {}: {} banks, {} quizzes, {} problems", folder, catalog.banks().size(),
                catalog.offers().size(), catalog.problems().size());
        current.set(catalog);
        return catalog;
    }
}
