package dev.skillmark.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cluster's PostgreSQL: Debian's binaries, a cluster of its own in {@code <dir>/pg} on 127.0.0.1, password
 * authentication, a database and a user for Skillmark. Made on the first run, reused by later ones. PostgreSQL
 * refuses to run as root, so as root it runs as the {@code postgres} user (through runuser).
 */
final class ClusterPostgres {

    /** Where Skillmark's database is: the three settings the instances get. */
    record Database(String url, String user, String password) {
    }

    private static final String OS_USER = "postgres";
    private final Path dir;
    private final Path bin;
    private final int port;
    private final PrintWriter out;
    private final List<String> asUser;
    private ClusterProcess server;

    ClusterPostgres(Path dir, Optional<Path> configuredBin, int port, PrintWriter out) {
        this.dir = dir;
        this.bin = configuredBin.orElseGet(ClusterPostgres::debianBinaries);
        this.port = port;
        this.out = out;
        this.asUser = isRoot() ? List.of("/usr/sbin/runuser", "-u", OS_USER, "--") : List.of();
        if (!Files.isExecutable(bin.resolve("postgres")) || !Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException("no PostgreSQL in " + bin + ": apt-get install postgresql, or pass --postgres-bin");
        }
    }

    Path data() {
        return dir.resolve("pg");
    }

    /** initdb, once: the superuser's password is made here and kept in {@code <dir>/postgres-password}. */
    void initIfNeeded() throws IOException {
        if (Files.exists(data().resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(data());
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rwx------"));
        Path pwfile = secret("postgres-password");
        if (!asUser.isEmpty()) {
            var owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            Files.setOwner(data(), owner);
            Files.setOwner(pwfile, owner);
        }
        out.println("cluster  | initdb " + data());
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "-A", "scram-sha-256",
                "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C"));
    }

    void start() throws IOException {
        server = ClusterProcess.start("postgres", command(List.of(bin.resolve("postgres").toString(), "-D", data().toString(),
                "-k", data().toString(), "-h", "127.0.0.1", "-p", String.valueOf(port))), dir, env(), out);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (var c = connect("postgres", "postgres", read("postgres-password"))) {
                return;
            } catch (SQLException e) {
                if (!server.alive() || System.nanoTime() > until) {
                    throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage());
                }
                pause();
            }
        }
    }

    /** Skillmark's user and database, made on the first run; its password is kept in {@code <dir>/skillmark-password}. */
    Database database() throws IOException {
        secret("skillmark-password");
        String password = read("skillmark-password");   // url-safe base64: nothing to escape in SQL
        try (var c = connect("postgres", "postgres", read("postgres-password")); var s = c.createStatement()) {
            boolean exists;
            try (var r = s.executeQuery("select 1 from pg_roles where rolname = 'skillmark'")) {
                exists = r.next();
            }
            if (exists) {
                s.execute("alter role skillmark password '" + password + "'");
            } else {
                s.execute("create role skillmark login password '" + password + "'");
                s.execute("create database skillmark owner skillmark");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make Skillmark's database: " + e.getMessage(), e);
        }
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/skillmark", "skillmark", password);
    }

    ClusterProcess process() {
        return server;
    }

    /** A fast shutdown: open connections are ended, the data is kept. */
    void stop() {
        if (server == null || !server.alive()) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException | IOException e) {
            out.println("cluster  | pg_ctl stop failed (" + e.getMessage() + "); stopping PostgreSQL with SIGTERM");
        }
        if (!server.awaitExit(30)) {
            server.stop(10);
        }
    }

    /** A random password in a file only its owner reads, made if missing. */
    private Path secret(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            var bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).strip();
    }

    private java.sql.Connection connect(String database, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private void run(List<String> args) throws IOException {
        var builder = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env());
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(Path.of(args.get(0)).getFileName() + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> command(List<String> args) {
        var command = new ArrayList<>(asUser);
        command.addAll(args);
        return command;
    }

    private static Map<String, String> env() {
        return Map.of("LC_ALL", "C", "LANG", "C");
    }

    /** The newest {@code /usr/lib/postgresql/N/bin}. */
    private static Path debianBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/N: apt-get install postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no /usr/lib/postgresql: apt-get install postgresql, or pass --postgres-bin", e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
