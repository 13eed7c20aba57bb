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
        var n = dev.skillmark.web.Format.INSTANCE;
        out.printf("%s: %s, %s, %s loaded cleanly; %s, %s%n", folder, n.count(catalog.banks().size(), "bank", "banks"),
                n.count(questions, "question", "questions"), n.count(quizzes, "quiz", "quizzes"),
                n.count(catalog.problems().size(), "problem", "problems"), n.count(catalog.warnings().size(), "warning", "warnings"));
        return catalog.problems().isEmpty() ? 0 : 1;
    }
}
