package dev.skillmark.cli;

import dev.skillmark.Config;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code serve} by default, and one small class per other command. */
@Command(name = "skillmark", mixinStandardHelpOptions = true, version = "Skillmark 0.1",
        description = "Timed interview and training quizzes from markdown question banks.",
        subcommands = {ServeCommand.class, LintCommand.class, CheckSnippetsCommand.class, ImportGiftCommand.class,
                ExportGiftCommand.class, CreateAdminCommand.class, BackupCommand.class, RestoreCommand.class,
                ClusterCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nSettings (environment variables):%n", footer = "%s")
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With no command, Skillmark serves. */
    @Override
    public void run() {
        new ServeCommand().call();
    }

    /** Runs {@code args} and returns the exit code: 0 done, 1 a problem found or a failure, 2 a usage error. */
    public static int run(String[] args, PrintStream out) {
        var writer = new PrintWriter(out, true);
        var commandLine = new CommandLine(new Cli())
                .setUsageHelpWidth(160)
                .setOut(writer)
                .setErr(writer)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getCommandName() + " failed: " + rootMessage(e));
                    return 1;
                });
        commandLine.getCommandSpec().usageMessage().footer(settings());
        return commandLine.execute(args);
    }

    /** The settings from the environment; {@code dataDir}, when given, stands for SKILLMARK_DATA_DIR. */
    static Config config(Path dataDir) {
        var env = new java.util.HashMap<>(System.getenv());
        if (dataDir != null) {
            env.put("SKILLMARK_DATA_DIR", dataDir.toString());
        }
        return Config.fromEnvironment(env);
    }

    static Path contentDir() {
        return Path.of(System.getenv().getOrDefault("SKILLMARK_CONTENT_DIR", "content"));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static String settings() {
        var text = new StringBuilder();
        Config.SETTINGS.forEach((name, v) -> text.append(String.format("  %s%n      %s%n      default: %s%n", name, v[1], v[0])));
        return text.toString();
    }
}
