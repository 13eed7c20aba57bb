package dev.skillmark.cli;

import dev.skillmark.content.gift.GiftCommands;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-gift", mixinStandardHelpOptions = true, description = {"Write content/skills/NAME.md from a Moodle GIFT file;",
        "reports what it cannot map, with GIFT lines."})
final class ImportGiftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--bank", required = true, paramLabel = "NAME", description = "the new bank's name")
    String bank;

    @Override
    public Integer call() {
        return GiftCommands.importGift(file, bank, Cli.contentDir(), Printing.stream(spec));
    }
}
