package dev.skillmark;

import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded H2 database. The running server holds the database file, so it takes the
 * backup itself with {@code BACKUP TO} (a transactionally consistent copy while saves go on) and hands the zip
 * to the {@code backup} command over its own HTTP port. The command finds the server through a file in the
 * data folder, readable by the server's user only, that holds the server's address and a random token:
 * whoever can read that folder can read the database anyway, so the token grants nothing new, and the route
 * refuses every caller without it and every caller from another machine.
 */
public final class Backups implements Routes, AutoCloseable {

    /** Where the running server serves a fresh backup to the {@code backup} command. */
    public static final String PATH = "/backup";
    /** The file in the data folder that tells the {@code backup} command where the running server is. */
    public static final String SERVING_FILE = "serving.properties";
    /** H2 writes the backup here (in the data folder, on the database's disk) before it is sent. */
    private static final String PARTIAL = ".backup.partial";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final Jdbi jdbi;
    private final Path dataDir;
    private final String token;
    /** One backup at a time: each one reads the whole database. */
    private final Semaphore running = new Semaphore(1);

    Backups(Jdbi jdbi, Path dataDir) {
        this.jdbi = jdbi;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        removeLeftovers();
    }

    /** Whether {@code BACKUP TO} can back up this database: an embedded H2 file database, not memory or a remote server. */
    public static boolean supports(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
    }

    /** Writes a consistent backup of the database this connection reaches to {@code zip} (H2's own zip of its .mv.db). */
    public static void backupTo(java.sql.Connection connection, Path zip) throws java.sql.SQLException {
        try (var statement = connection.prepareStatement("BACKUP TO ?")) {
            statement.setString(1, zip.toAbsolutePath().toString());
            statement.execute();
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::send);
    }

    /** Called once the server listens: from now on the {@code backup} command can find it at {@code url}. */
    void serving(String url) {
        var text = "# Written by the running Skillmark server for the backup command; removed when it stops.\n"
                + "url=" + url + "\ntoken=" + token + "\n";
        try {
            Files.createDirectories(dataDir);
            Path written = Files.createTempFile(dataDir, "serving-", ".tmp", ownerOnly());
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, dataDir.resolve(SERVING_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot write {}: the backup command will not find this server ({})", dataDir.resolve(SERVING_FILE), e.toString());
        }
    }

    /** The server stops serving backups: the command no longer looks for it, and opens the file itself. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dataDir.resolve(SERVING_FILE));
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", dataDir.resolve(SERVING_FILE), e.toString());
        }
    }

    private void send(Context ctx) throws IOException, java.sql.SQLException {
        String sent = String.valueOf(ctx.header("Authorization")).replaceFirst("^Bearer ", "");
        if (!local(ctx.req().getRemoteAddr())
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new SkillmarkException.Forbidden("Backups are taken with the backup command on the server's own machine.");
        }
        if (!running.tryAcquire()) {
            throw new SkillmarkException.Conflict("Another backup is being taken right now. Try again when it is done.");
        }
        Path zip = Files.createTempFile(dataDir, "backup-", PARTIAL, ownerOnly());
        try {
            jdbi.useHandle(h -> backupTo(h.getConnection(), zip));
            long size = Files.size(zip);
            ctx.header("Content-Length", String.valueOf(size));
            ctx.contentType("application/zip");
            // the file goes away once it has been sent, or the client went away (at once on POSIX: it stays readable while open)
            ctx.result(Files.newInputStream(zip, StandardOpenOption.DELETE_ON_CLOSE));
            log.info("backup of {} KB taken for the backup command", (size + 1023) / 1024);
        } catch (RuntimeException | IOException | java.sql.SQLException e) {
            Files.deleteIfExists(zip);
            throw e;
        } finally {
            running.release();
        }
    }

    /** A caller on this machine: the loopback address, or one of this machine's own addresses. */
    private static boolean local(String remoteAddress) {
        try {
            var address = InetAddress.getByName(remoteAddress); // an address literal: no name lookup
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Backups that a stopped or killed server was still writing. */
    private void removeLeftovers() {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (var files = Files.list(dataDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the data folder " + dataDir, e);
        }
    }

    /** Creates an empty file only its owner can read: a backup holds everything, password hashes included. */
    public static void createPrivateFile(Path file) throws IOException {
        Files.createFile(file, ownerOnly());
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
