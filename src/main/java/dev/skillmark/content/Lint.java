package dev.skillmark.content;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code lint [folder]}: prints every problem as file:line: message; exit code 1 when there is one.
 * Exposure warnings (an invitation quiz sharing questions with a quiz that shows keys publicly) are
 * printed the same way, prefixed {@code warning:}, and do not change the exit code.
 * Near-duplicate warnings likewise; the running server reports the same, through the same loader.
 */
public final class Lint {

    private Lint() {
    }

    public static int run(Path folder, PrintStream out) {
        var catalog = new ContentLoader(new Markdown()).load(folder);
        for (Problem p : catalog.problems()) {
            out.println(p.file().equals(folder.toString()) ? p.toString() : folder.resolve(p.file()) + ":" + p.line() + ": " + p.message());
        }
        for (Problem p : catalog.warnings()) {
            out.println(folder.resolve(p.file()) + ":" + p.line() + ": " + p.message());
        }
        int questions = catalog.banks().stream().mapToInt(b -> b.questions().size()).sum();
        long quizzes = catalog.offers().stream().filter(o -> !o.practiceOfBank()).count();
        out.printf("%s: %d bank(s), %d question(s), %d quiz(zes) loaded cleanly; %d problem(s), %d warning(s)%n",
                folder, catalog.banks().size(), questions, quizzes, catalog.problems().size(), catalog.warnings().size());
        return catalog.problems().isEmpty() ? 0 : 1;
    }
}
