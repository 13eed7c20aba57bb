package dev.skillmark.cli;

import dev.skillmark.content.SnippetCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check-snippets", mixinStandardHelpOptions = true, description = {"Type-check TypeScript blocks and run verify=output questions",
        "(needs node, and typescript in $SKILLMARK_NODE_TOOLS/node_modules)."})
final class CheckSnippetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FOLDER", defaultValue = "content", description = "default: ${DEFAULT-VALUE}")
    Path folder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String tools = System.getenv().getOrDefault("SKILLMARK_NODE_TOOLS", "node-tools");
        return SnippetCheck.run(folder, Path.of(tools).toAbsolutePath(), Printing.stream(spec));
    }
}
