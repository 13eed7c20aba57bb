package dev.skillmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies fixture content folders from test resources into a temporary folder a test may edit. */
public final class Fixtures {

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

    /** The repository's own folder (content/, templates/, static/). */
    public static Path projectDir() {
        return Path.of(System.getProperty("skillmark.projectDir", ".")).toAbsolutePath().normalize();
    }
}
