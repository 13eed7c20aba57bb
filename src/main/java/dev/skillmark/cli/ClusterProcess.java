package dev.skillmark.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process the {@code cluster} command runs (PostgreSQL, an instance, HAProxy): its output comes out on ours
 * behind a name, and it stops when told to, or by itself when the cluster command dies without cleaning up.
 * It runs in a session of its own, so Ctrl-C reaches only the cluster command, which stops everything in order.
 */
final class ClusterProcess {

    /** Runs the command, forwards TERM/INT to it, and stops it when the parent process is gone (kill -9). */
    private static final String WATCHDOG = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null' TERM INT
            while kill -0 "$child" 2>/dev/null; do
                [ -d "/proc/$parent" ] || kill -TERM "$child" 2>/dev/null
                sleep 1 & wait $!
            done
            wait "$child"
            """;

    private final String name;
    private final Process process;

    private ClusterProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ClusterProcess start(String name, List<String> command, Path workingDir, Map<String, String> environment,
                                PrintWriter out) {
        var full = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(List.of("/bin/sh", "-c", WATCHDOG, "watchdog", String.valueOf(ProcessHandle.current().pid())));
        full.addAll(command);
        var builder = new ProcessBuilder(full).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            var process = builder.start();
            var pump = new Thread(() -> copy(name, process, out), name + "-output");
            pump.setDaemon(true);
            pump.start();
            return new ClusterProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Asks it to stop (SIGTERM), waits up to {@code seconds}, then kills what is left. */
    void stop(int seconds) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy();   // not Process.destroy(), which also closes the pipe its last words come through
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code seconds} for it to end by itself. */
    boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copy(String name, Process process, PrintWriter out) {
        String prefix = String.format("%-9s| ", name);
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (out) {
                    out.println(prefix + line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
