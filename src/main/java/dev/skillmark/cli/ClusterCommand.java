package dev.skillmark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A cluster to try on one machine: PostgreSQL, two Skillmark instances on it, and HAProxy in front with health
 * checks. Everything runs in the foreground, with each process's output behind its name; Ctrl-C stops HAProxy,
 * then the instances (which drain their requests), then PostgreSQL.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Try several instances: PostgreSQL, two Skillmark instances and HAProxy in front (Ctrl-C stops all).")
final class ClusterCommand implements Callable<Integer> {

    /** What HAProxy asks each instance for: ready means database reachable, migrations applied, content loaded. */
    static final String HEALTH_CHECK = "/readyz";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "folder for the cluster's database, passwords and HAProxy file (default: ${DEFAULT-VALUE}); delete it to start afresh")
    Path dir = Path.of("data", "cluster");

    @Option(names = "--port", description = "HAProxy's port, the address people use (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--instance-ports", split = ",", description = "the instances' own ports, one instance per port (default: ${DEFAULT-VALUE})")
    List<Integer> instancePorts = List.of(8081, 8082);

    @Option(names = "--postgres-port", description = "PostgreSQL's port (default: ${DEFAULT-VALUE})")
    int postgresPort = 5433;

    @Option(names = "--postgres-bin", description = "folder with initdb, postgres and pg_ctl (default: the newest /usr/lib/postgresql/N/bin)")
    Optional<Path> postgresBin = Optional.empty();

    @Option(names = "--haproxy", description = "the haproxy program (default: ${DEFAULT-VALUE})")
    Path haproxy = Path.of("/usr/sbin/haproxy");

    private final List<ClusterProcess> instances = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private ClusterPostgres postgres;
    private ClusterProcess balancer;
    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        var classPath = ownClassPath();
        if (classPath.isEmpty()) {
            out.println("Run the cluster from the jar: mvn -q package -DskipTests && java -jar target/skillmark.jar cluster");
            return 2;
        }
        var ports = new ArrayList<>(instancePorts);
        ports.add(port);
        ports.add(postgresPort);
        for (int p : ports) {
            if (!free(p)) {
                out.println("Port " + p + " is in use (another cluster, or something else?). Choose others: --port, "
                        + "--instance-ports, --postgres-port.");
                return 1;
            }
        }
        if (!Files.isExecutable(haproxy)) {
            out.println("No HAProxy at " + haproxy + ": apt-get install haproxy, or pass --haproxy.");
            return 1;
        }
        dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "cluster-stop"));
        try {
            postgres = new ClusterPostgres(dir, postgresBin, postgresPort, out);
            postgres.initIfNeeded();
            postgres.start();
            var database = postgres.database();
            for (int i = 0; i < instancePorts.size(); i++) {
                instances.add(startInstance(name(i), instancePorts.get(i), database, classPath.get()));
            }
            for (int i = 0; i < instances.size(); i++) {
                awaitOk("http://127.0.0.1:" + instancePorts.get(i) + HEALTH_CHECK, instances.get(i));
            }
            balancer = ClusterProcess.start("haproxy", List.of(haproxy.toString(), "-db", "-f", writeHaproxyConfig().toString()),
                    dir, java.util.Map.of(), out);
            awaitOk("http://127.0.0.1:" + port + HEALTH_CHECK, balancer);
        } catch (RuntimeException | IOException e) {
            out.println("cluster  | could not start: " + Cli.rootMessage(e));
            stopAll();
            return 1;
        }
        banner();
        watch(postgres.process());
        watch(balancer);
        instances.forEach(this::watch);
        Thread.currentThread().join();
        return 0;
    }

    private ClusterProcess startInstance(String name, int instancePort, ClusterPostgres.Database database, String classPath)
            throws IOException {
        var env = new HashMap<String, String>();
        env.put("SKILLMARK_HOST", "127.0.0.1");
        env.put("SKILLMARK_PORT", String.valueOf(instancePort));
        env.put("SKILLMARK_DATA_DIR", dir.resolve("instance-" + name).toString());
        env.put("SKILLMARK_DATABASE_URL", database.url());
        env.put("SKILLMARK_DATABASE_USER", database.user());
        env.put("SKILLMARK_DATABASE_PASSWORD", database.password());
        env.put("SKILLMARK_PUBLIC_URL", "http://localhost:" + port);
        env.put("SKILLMARK_TRUSTED_PROXIES", "127.0.0.1");
        Files.createDirectories(dir.resolve("instance-" + name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ClusterProcess.start(name, List.of(java, "-Xmx512m", "-cp", classPath, "dev.skillmark.Skillmark", "serve"),
                Path.of("").toAbsolutePath(), env, out);
    }

    private Path writeHaproxyConfig() throws IOException {
        var servers = new StringBuilder();
        for (int i = 0; i < instancePorts.size(); i++) {
            servers.append("    server ").append(name(i)).append(" 127.0.0.1:").append(instancePorts.get(i))
                    .append(" check inter 2s fall 2 rise 1\n");
        }
        String config = """
                # written by `skillmark cluster`; rewritten on every start
                global
                    log stdout format raw local0 info
                defaults
                    mode http
                    log global
                    option httplog
                    option forwardfor
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s
                frontend skillmark
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    option httpchk GET %s
                    http-check expect status 200
                    # which instance answered, for trying it out
                    http-response set-header X-Skillmark-Instance %%s
                %s""".formatted(port, HEALTH_CHECK, servers);
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private void banner() {
        var lines = new StringBuilder();
        lines.append("\nSkillmark cluster is up. Open http://localhost:").append(port).append("/\n");
        lines.append("  HAProxy       127.0.0.1:").append(port).append(", round robin, health check GET ").append(HEALTH_CHECK)
                .append(", header X-Skillmark-Instance names the instance that answered\n");
        for (int i = 0; i < instancePorts.size(); i++) {
            lines.append("  instance ").append(name(i)).append("    127.0.0.1:").append(instancePorts.get(i)).append('\n');
        }
        lines.append("  PostgreSQL    127.0.0.1:").append(postgresPort).append(", database skillmark, user skillmark, password in ")
                .append(dir.resolve("skillmark-password")).append(", data in ").append(postgres.data()).append('\n');
        lines.append("No admin yet? Use the setup link an instance printed above, or run create-admin with the same "
                + "SKILLMARK_DATABASE_* settings. Ctrl-C stops all of it.\n");
        synchronized (out) {
            out.println(lines);
        }
    }

    /** An instance that dies is left out by HAProxy's checks; PostgreSQL or HAProxy dying ends the cluster. */
    private void watch(ClusterProcess process) {
        process.process().onExit().thenRun(() -> {
            if (stopping.get()) {
                return;
            }
            out.println("cluster  | " + process.name() + " exited with " + process.process().exitValue());
            if (!instances.contains(process)) {
                System.exit(1);
            }
        });
    }

    /** In order: no new requests, then drain and stop the instances, then the database. */
    private void stopAll() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        out.println("cluster  | stopping: HAProxy, then the instances, then PostgreSQL");
        if (balancer != null) {
            balancer.stop(10);
        }
        instances.parallelStream().forEach(i -> i.stop(30));
        if (postgres != null) {
            postgres.stop();
        }
        out.println("cluster  | stopped");
        out.flush();
    }

    private void awaitOk(String url, ClusterProcess process) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited while starting (its output is above)");
            }
            try {
                var reply = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(url + " did not answer 200 within 90 s");
    }

    /** This program's class path, when it was started as a plain java program (the jar), so children can run it too. */
    private static Optional<String> ownClassPath() {
        try {
            var own = Path.of(ClusterCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            String classPath = System.getProperty("java.class.path", "");
            boolean listed = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                    .anyMatch(entry -> !entry.isBlank() && Path.of(entry).toAbsolutePath().equals(own));
            return listed ? Optional.of(classPath) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String name(int index) {
        return String.valueOf((char) ('a' + index));
    }

    private static boolean free(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
