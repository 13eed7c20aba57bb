package dev.skillmark.cli;

import dev.skillmark.content.gift.GiftCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-gift", mixinStandardHelpOptions = true, description = "Print a bank as GIFT for Moodle.")
final class ExportGiftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BANK")
    String bank;

    @Override
    public Integer call() {
        return GiftCommands.exportGift(bank, Cli.contentDir(), Printing.stream(spec));
    }
}
