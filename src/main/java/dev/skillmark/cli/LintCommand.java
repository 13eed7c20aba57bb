package dev.skillmark.cli;

import dev.skillmark.content.Lint;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", mixinStandardHelpOptions = true, description = "Check a content folder: prints file:line: message, exits 1 on problems.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FOLDER", defaultValue = "content", description = "default: ${DEFAULT-VALUE}")
    Path folder;

    @Override
    public Integer call() {
        return Lint.run(folder, Printing.stream(spec));
    }
}
