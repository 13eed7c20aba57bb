package dev.skillmark.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Which Chromium the browser tests drive: the one {@code -Dskillmark.chromium} or {@code SKILLMARK_CHROMIUM}
 * names; else the system's ({@code apt-get install chromium}); else Playwright's own, which it downloads,
 * unless {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} forbids that. Anything else fails in one line that says
 * how to get one.
 */
record Chromium(Optional<Path> executable) {

    static final String PROPERTY = "skillmark.chromium";
    static final String VARIABLE = "SKILLMARK_CHROMIUM";
    static final String SKIP_DOWNLOAD = "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD";
    /** Where Debian's and Ubuntu's packages put it. */
    static final List<Path> SYSTEM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    static final String HOW = "install it (apt-get install chromium) or point -D" + PROPERTY + "=/path/to/chromium or "
            + VARIABLE + " at one";

    /** The machine's own settings and files. */
    static Chromium forThisMachine() {
        return choose(System::getProperty, System::getenv, p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    static Chromium choose(UnaryOperator<String> properties, UnaryOperator<String> environment, Predicate<Path> executable) {
        String configured = Optional.ofNullable(properties.apply(PROPERTY)).orElse(environment.apply(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (!executable.test(path)) {
                throw new IllegalStateException("No Chromium at " + path + " (from -D" + PROPERTY + " or " + VARIABLE
                        + "): " + HOW + ".");
            }
            return new Chromium(Optional.of(path));
        }
        var system = SYSTEM.stream().filter(executable).findFirst();
        if (system.isPresent()) {
            return new Chromium(system);
        }
        String skip = environment.apply(SKIP_DOWNLOAD);
        if (skip != null && !skip.isBlank() && !skip.equals("0") && !skip.equalsIgnoreCase("false")) {
            throw new IllegalStateException("No Chromium for the browser tests in " + SYSTEM.get(0) + ": " + HOW
                    + " (" + SKIP_DOWNLOAD + "=" + skip + " keeps Playwright from downloading its own).");
        }
        return new Chromium(Optional.empty());
    }

    /** Playwright downloads and drives its own browser. */
    boolean playwrightsOwn() {
        return executable.isEmpty();
    }

    /** The one line a failed download of Playwright's own browser ends with. */
    static String downloadFailed(Throwable e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
        return "No system Chromium, and Playwright could not download its own (" + why + "): " + HOW + ".";
    }
}
