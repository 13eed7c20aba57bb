package dev.skillmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One throwaway PostgreSQL cluster per test JVM, started on first use; each caller gets a fresh database in it.
 *
 * <p>The cluster lives in a temp folder (data, unix socket, log), listens on 127.0.0.1 on a free port and trusts
 * local connections. PostgreSQL refuses to run as root, so when this JVM is root the cluster runs as the
 * unprivileged {@code postgres} user (through {@code runuser}); otherwise as the current user. A shutdown hook
 * stops it and removes the folder; if this JVM dies without running hooks (kill -9), a watchdog beside the
 * server notices within half a second and does the same.
 *
 * <p>Binaries: {@value #BIN_VARIABLE} if set, else the newest {@code /usr/lib/postgresql/N/bin} (Debian's
 * {@code postgresql} package), else {@code initdb} on the PATH. Where none can be started, every caller fails
 * with one line that says why and what to install: never a silent skip.
 */
public final class TestPostgres {

    public static final String BIN_VARIABLE = "SKILLMARK_TEST_POSTGRES_BIN";
    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final int MIN_MAJOR = 15;
    private static final String INSTALL = "install it (apt-get install postgresql), set " + BIN_VARIABLE
            + " to a folder with initdb and postgres, or run on H2 only (-Dskillmark.postgres.skip=true)";

    /** Where a test's database is, for a JDBC pool or a child process. */
    public record Database(String url, String user, String password) {
    }

    /** PostgreSQL cannot be started here: one line, no stack trace, the same for every test that asks. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super("PostgreSQL for the tests: " + message, null, false, false);
        }
    }

    private static TestPostgres cluster;
    private static String failure;

    private final Path dir;
    private final int port;
    private final Process server;

    private TestPostgres(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** A new, empty database with a random name, in this JVM's cluster (started on the first call). */
    public static synchronized Database newDatabase() {
        if (failure != null) {
            throw new Unavailable(failure);
        }
        if (cluster == null) {
            try {
                cluster = start();
            } catch (Unavailable e) {
                failure = e.getMessage().substring("PostgreSQL for the tests: ".length());
                throw e;
            }
        }
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (var connection = cluster.connect("postgres"); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return new Database(cluster.url(name), SUPERUSER, "");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private Connection connect(String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(url(database), properties);
    }

    private static TestPostgres start() {
        Path bin = binaries();
        List<String> asUser = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("skillmark-pg-");
            if (isRoot()) {
                asUser.addAll(List.of(runuser(), "-u", OS_USER, "--"));
                try {
                    var owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                    Files.setOwner(dir, owner);
                } catch (UserPrincipalNotFoundException e) {
                    deleteQuietly(dir);
                    throw new Unavailable("this JVM runs as root, which PostgreSQL refuses, and there is no '" + OS_USER
                            + "' user to run it as; " + INSTALL);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the test cluster", e);
        }
        try {
            String major = run(asUser, dir, List.of(bin.resolve("postgres").toString(), "--version"));
            var matcher = java.util.regex.Pattern.compile("(\\d+)(\\.\\d+)?").matcher(major);
            if (matcher.find() && Integer.parseInt(matcher.group(1)) < MIN_MAJOR) {
                throw new Unavailable(bin + " is " + major.strip() + "; Skillmark needs " + MIN_MAJOR + " or newer: " + INSTALL);
            }
            run(asUser, dir, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            Unavailable last = null;
            for (int tries = 0; tries < 3; tries++) {   // another process may take the free port before the server does
                try {
                    var started = serve(asUser, bin, dir, freePort());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-postgres-stop"));
                    return started;
                } catch (Unavailable e) {
                    last = e;
                    if (!e.getMessage().contains("already in use")) {
                        break;
                    }
                }
            }
            throw last;
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    /**
     * Starts the server with a watchdog that stops it (immediate shutdown) and removes the folder when this JVM is
     * gone without running its shutdown hooks. While the JVM lives, it stops the server and removes the folder.
     */
    private static TestPostgres serve(List<String> asUser, Path bin, Path dir, int port) {
        String script = """
                "$1/postgres" -D "$2/data" -k "$2" -h 127.0.0.1 -p "$3" \\
                    -c fsync=off -c full_page_writes=off -c max_connections=300 &
                pg=$!
                watchdog=
                if [ -d "/proc/$4" ]; then
                    ( while [ -d "/proc/$4" ]; do sleep 0.5; done; kill -QUIT "$pg" 2>/dev/null ) &
                    watchdog=$!
                fi
                wait "$pg"
                [ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null
                [ -d "/proc/$4" ] || rm -rf "$2"
                """;
        var command = new ArrayList<>(asUser);
        command.addAll(List.of("/bin/sh", "-c", script, "test-postgres", bin.toString(), dir.toString(),
                String.valueOf(port), String.valueOf(ProcessHandle.current().pid())));
        Path log = dir.resolve("server.log");
        Process process;
        try {
            process = builder(command, dir).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new Unavailable("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        var cluster = new TestPostgres(dir, port, process);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException lastError = null;
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                String why = lastLine(log);
                throw new Unavailable("the server did not start: " + (readQuietly(log).contains("already in use")
                        ? "port " + port + " already in use" : why));
            }
            try (var connection = cluster.connect("postgres"); var statement = connection.createStatement();
                 var result = statement.executeQuery("select version()")) {
                result.next();
                System.out.println("Test PostgreSQL in " + dir + " on port " + port + ": " + result.getString(1));
                return cluster;
            } catch (SQLException e) {
                lastError = e;
                sleep(100);
            }
        }
        cluster.stop();
        throw new Unavailable("the server did not accept connections within 60 s: "
                + (lastError == null ? "" : lastError.getMessage()) + " / " + lastLine(log));
    }

    /** Immediate shutdown (the data is thrown away), then the script removes the folder. */
    private void stop() {
        try {
            var pidFile = dir.resolve("data").resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                String pid = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip();
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                    try {
                        new ProcessBuilder("/bin/sh", "-c", "kill -QUIT " + p.pid()).start().waitFor(5, TimeUnit.SECONDS);
                    } catch (IOException e) {
                        p.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (IOException | RuntimeException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    /** Runs a short command (as the cluster's user) and returns its output; fails with its last line. */
    private static String run(List<String> asUser, Path dir, List<String> args) {
        var command = new ArrayList<>(asUser);
        command.addAll(args);
        try {
            var process = builder(command, dir).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                String last = output.strip().lines().reduce((a, b) -> b).orElse("no output");
                throw new Unavailable(Path.of(args.get(0)).getFileName() + " failed: " + last);
            }
            return output;
        } catch (IOException e) {
            throw new Unavailable("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder builder(List<String> command, Path dir) {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));  // PGDATA, PGPORT, PGHOST... of the machine do not apply
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        return builder;
    }

    private static Path binaries() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured.strip());
            if (!hasBinaries(bin)) {
                throw new Unavailable(BIN_VARIABLE + "=" + configured + " has no executable initdb and postgres; " + INSTALL);
            }
            return bin;
        }
        var candidates = new ArrayList<Path>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
                        .map(p -> p.resolve("bin")).forEach(candidates::add);
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder));
            }
        }
        return candidates.stream().filter(TestPostgres::hasBinaries).findFirst()
                .orElseThrow(() -> new Unavailable("no initdb in /usr/lib/postgresql/*/bin or on the PATH; " + INSTALL));
    }

    private static boolean hasBinaries(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"));
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String runuser() {
        for (String candidate : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new Unavailable("this JVM runs as root, which PostgreSQL refuses, and runuser (util-linux) is missing "
                + "to run it as '" + OS_USER + "'; apt-get install util-linux, or run the tests as another user");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLine(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }
}
