package dev.skillmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.h2.tools.Server;

/**
 * The network between the application and its database, which a test can cut and mend: the database really goes
 * away (every connection drops, new ones are refused) and really comes back. PostgreSQL is reached over TCP
 * already; H2 is served over TCP for it from this JVM, on the same database file.
 */
public final class DatabaseLink implements AutoCloseable {

    private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:file:(.+?)(;.*)?");
    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/(.*)");

    private final Config config;
    private final Optional<Server> h2;
    private final int target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private DatabaseLink(Config config, Optional<Server> h2, int target) throws IOException {
        this.h2 = h2;
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.config = config.withDatabase(url(config), config.databaseUser(), config.databasePassword());
        var accepting = new Thread(this::accept, "database-link");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** A link to the database {@code config} names; {@link #config()} is the same configuration through the link. */
    public static DatabaseLink to(Config config) {
        try {
            var h2 = H2_FILE.matcher(config.databaseUrl());
            if (h2.matches()) {
                Path file = Path.of(h2.group(1));
                var server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists",
                        "-baseDir", file.getParent().toString()).start();
                return new DatabaseLink(config, Optional.of(server), server.getPort());
            }
            var postgres = POSTGRES.matcher(config.databaseUrl());
            if (postgres.matches()) {
                return new DatabaseLink(config, Optional.empty(), Integer.parseInt(postgres.group(1)));
            }
            throw new IllegalArgumentException("no link for " + config.databaseUrl());
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("cannot open a link to the database", e);
        }
    }

    private String url(Config original) {
        var h2 = H2_FILE.matcher(original.databaseUrl());
        if (h2.matches()) {
            return "jdbc:h2:tcp://127.0.0.1:" + listener.getLocalPort() + "/" + Path.of(h2.group(1)).getFileName()
                    + (h2.group(2) == null ? "" : h2.group(2));
        }
        var postgres = POSTGRES.matcher(original.databaseUrl());
        postgres.matches();
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + postgres.group(2);
    }

    public Config config() {
        return config;
    }

    /** Drops every connection through the link and refuses new ones until {@link #mend}. */
    public void cut() {
        cut = true;
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    public void mend() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                var server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        var thread = new Thread(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // the link was cut, or one side hung up
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
        h2.ifPresent(Server::stop);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
