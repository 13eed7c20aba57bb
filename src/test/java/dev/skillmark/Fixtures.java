package dev.skillmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** Fixture content folders copied into a temporary folder a test may edit, and the things tests are built from. */
public final class Fixtures {

    /** Every test user's password: long enough for the password rules, typed nowhere else. */
    public static final String PASSWORD = "correct horse battery";

    private Fixtures() {
    }

    public static Path content(String name, Path target) {
        try {
            Path source = Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Draw seeds for tests: 1, 2, 3, ... so every run draws the same questions in the same order. */
    public static LongSupplier seeds() {
        var next = new AtomicLong();
        return next::incrementAndGet;
    }

    /** The repository's own folder (content/, templates/, static/). */
    public static Path projectDir() {
        return Path.of(System.getProperty("skillmark.projectDir", ".")).toAbsolutePath().normalize();
    }
}
