package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A burst of new connections (a shared deadline, a class starting together) waits in the kernel, not dropped at 50. */
class AcceptQueueTest extends AppTest {

    @Test
    void the_listening_socket_queues_as_many_connections_as_the_server_asks_for() throws Exception {
        // ss (iproute2, on every Debian machine this runs on) reads the listening socket's backlog
        var ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + app.app.port()).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // "LISTEN 0 2048 0.0.0.0:PORT ...": for a listening socket the third column is its backlog
        String[] columns = out.strip().split("\\s+");
        assertThat(columns).as(out).hasSizeGreaterThan(3);
        int kernelCap;
        try (var somaxconn = Files.newBufferedReader(Path.of("/proc/sys/net/core/somaxconn"))) {
            kernelCap = Integer.parseInt(somaxconn.readLine().strip());
        }
        assertThat(Integer.parseInt(columns[2])).isEqualTo(Math.min(Web.ACCEPT_QUEUE, kernelCap));
    }
}
