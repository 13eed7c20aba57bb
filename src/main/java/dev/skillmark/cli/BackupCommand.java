package dev.skillmark.cli;

import dev.skillmark.Backups;
import dev.skillmark.Config;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of the H2 database to FILE (a zip), also while Skillmark serves.",
        "PostgreSQL: use pg_dump -Fc (README, Backups)."})
final class BackupCommand implements Callable<Integer> {

    /** H2's code for a database file another process has open. */
    private static final int IN_USE = 90020;
    /** H2's code for "no such database" under IFEXISTS=TRUE. */
    private static final int NOT_FOUND = 90146;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the zip to write")
    Path file;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the server's data folder (default: $SKILLMARK_DATA_DIR, else ./data)")
    Path dataDir;

    /** Why no backup was written, in the operator's words. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        var config = Cli.config(dataDir);
        if (!Backups.supports(config.databaseUrl())) {
            out.println((config.databaseUrl().startsWith("jdbc:postgresql:") ? "The database is PostgreSQL"
                    : "The database is not an H2 file database") + ": back it up with pg_dump -Fc (README, Backups).");
            return 2;
        }
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            out.println(target + " already exists: choose another name, or add --force to replace it.");
            return 1;
        }
        if (!Files.isDirectory(target.getParent())) {
            out.println("No backup written: there is no folder " + target.getParent() + ".");
            return 1;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            Backups.createPrivateFile(partial);
            String source = take(config, partial);
            checkZip(partial);
            if (force) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(partial, target); // refuses a file that appeared meanwhile
            }
            out.printf("Backed up %s to %s (%,d KB).%n", source, target, (Files.size(target) + 1023) / 1024);
            return 0;
        } catch (FileAlreadyExistsException e) {
            out.println(target + " appeared while the backup was taken: choose another name, or add --force to replace it.");
            return 1;
        } catch (Refused e) {
            out.println("No backup written: " + e.getMessage());
            return 1;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** From the running server when there is one (it holds the file), else from the file itself; says which. */
    private static String take(Config config, Path partial) throws Refused, IOException, InterruptedException {
        Path serving = config.dataDir().resolve(Backups.SERVING_FILE);
        String noServer = "no Skillmark server that serves backups runs on it";
        if (Files.isRegularFile(serving)) {
            var found = new Properties();
            try (Reader in = Files.newBufferedReader(serving, StandardCharsets.UTF_8)) {
                found.load(in);
            }
            String url = found.getProperty("url", "");
            var unreachable = fromServer(url, found.getProperty("token", ""), partial);
            if (unreachable.isEmpty()) {
                return "the running server's database (" + url + ")";
            }
            noServer = unreachable.get(); // e.g. a server killed before it could tidy up: the file itself may be free
        }
        try (var connection = DriverManager.getConnection(ifExists(config.databaseUrl()), config.databaseUser(),
                config.databasePassword())) {
            Backups.backupTo(connection, partial);
            return "the database file itself (no server was running)";
        } catch (SQLException e) {
            if (e.getErrorCode() == IN_USE) {
                throw new Refused("another process has the database open, and " + noServer
                        + ". Stop that process, or run this with the same SKILLMARK_DATA_DIR as the server.");
            }
            if (e.getErrorCode() == NOT_FOUND) {
                throw new Refused("there is no database in " + config.dataDir().toAbsolutePath().normalize()
                        + " (set SKILLMARK_DATA_DIR or --data-dir to the server's data folder).");
            }
            throw new Refused(e.getMessage());
        }
    }

    /**
     * Fetches a backup from the server into {@code partial}. Empty when it arrived; otherwise why the server was
     * not reached (nobody there, or not the server that wrote the file), in which case the file may be free.
     */
    private static Optional<String> fromServer(String url, String token, Path partial) throws Refused, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response;
        try {
            var request = HttpRequest.newBuilder(URI.create(url + Backups.PATH))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            // the zip goes into the private file made for it; an error's text is read as text
            response = http.send(request, info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(partial,
                            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), Path::toString)
                    : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            return Optional.of("no server answered at " + url);
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("the backup from " + url + " did not arrive whole (" + e + ").");
        }
        if (response.statusCode() == 200) {
            return Optional.empty();
        }
        if (response.statusCode() == 403 || response.statusCode() == 404) {
            return Optional.of("the server at " + url + " is not the one that wrote " + Backups.SERVING_FILE);
        }
        throw new Refused("the server at " + url + " answered " + response.statusCode() + errorOf(response.body()));
    }

    private static String errorOf(String json) {
        var m = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? ": " + m.group(1).replace("\\\"", "\"") : ".";
    }

    /** The command must never create an empty database where the operator mistyped the folder. */
    private static String ifExists(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
    }

    private static void checkZip(Path zip) throws Refused {
        try (var opened = new ZipFile(zip.toFile())) {
            if (opened.stream().noneMatch(e -> e.getName().endsWith(".mv.db"))) {
                throw new Refused("what arrived holds no H2 database file.");
            }
        } catch (IOException e) {
            throw new Refused("what arrived is not a whole zip file (" + e.getMessage() + ").");
        }
    }
}
