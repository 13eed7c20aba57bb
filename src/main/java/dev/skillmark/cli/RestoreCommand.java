package dev.skillmark.cli;

import dev.skillmark.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Unpack a zip written by the backup command into a new data folder and check that it opens;",
        "then start Skillmark with SKILLMARK_DATA_DIR set to that folder."})
final class RestoreCommand implements Callable<Integer> {

    /** The file the default database URL names in a data folder. */
    static final String DATABASE_FILE = "skillmark.mv.db";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BACKUP", description = "the zip the backup command wrote")
    Path backup;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the data folder to restore into, which must hold no database yet (default: $SKILLMARK_DATA_DIR, else ./data)")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var config = Cli.config(dataDir);
        Path dir = config.dataDir().toAbsolutePath().normalize();
        Path database = dir.resolve(DATABASE_FILE);
        if (Files.exists(database)) {
            out.println(dir + " already holds a database. Restore into a new folder, or stop Skillmark and move "
                    + DATABASE_FILE + " away first.");
            return 1;
        }
        if (!Files.isRegularFile(backup)) {
            out.println("There is no file " + backup.toAbsolutePath().normalize() + ".");
            return 1;
        }
        Files.createDirectories(dir);
        Path partial = dir.resolve(DATABASE_FILE + ".partial");
        try (var zip = new ZipFile(backup.toFile())) {
            var entries = zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".mv.db")).toList();
            if (entries.size() != 1) {
                out.println(backup + " is not a Skillmark backup: it holds " + entries.size() + " H2 database files, not one.");
                return 1;
            }
            try (var in = zip.getInputStream(entries.get(0))) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            Files.deleteIfExists(partial);
            out.println(backup + " is not a whole zip file (" + e.getMessage() + "): it is damaged, or not a backup.");
            return 1;
        }
        Files.move(partial, database); // refuses a database that appeared meanwhile
        var restored = Config.forFolder(dir, config.contentDir());
        try (var connection = DriverManager.getConnection(restored.databaseUrl() + ";IFEXISTS=TRUE",
                config.databaseUser(), config.databasePassword());
             var statement = connection.createStatement()) {
            long attempts = count(statement, "select count(*) from attempt");
            long answers = count(statement, "select count(*) from answer where saved_at is not null");
            long staff = count(statement, "select count(*) from app_user");
            out.printf("Restored %s into %s: %,d attempts, %,d saved answers, %,d staff accounts.%n",
                    backup.toAbsolutePath().normalize(), dir, attempts, answers, staff);
        } catch (SQLException e) {
            Files.deleteIfExists(database);
            out.println(backup + " does not open as a Skillmark database (" + Cli.rootMessage(e) + "); nothing was restored.");
            return 1;
        }
        out.println("Start Skillmark on it with SKILLMARK_DATA_DIR=" + dir
                + (System.getenv("SKILLMARK_DATABASE_URL") != null ? " and without SKILLMARK_DATABASE_URL (which names another database)" : "")
                + ".");
        return 0;
    }

    private static long count(java.sql.Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
