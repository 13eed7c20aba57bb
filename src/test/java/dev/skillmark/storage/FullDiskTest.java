package dev.skillmark.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: H2 closes its database after a failed write. Saves are refused while the disk is full
 * (the page keeps the answer and retries), and Skillmark serves again as soon as space is back, with
 * no restart and no acknowledged answer lost.
 */
class FullDiskTest {

    @TempDir
    Path dir;
    private TestApp app;

    @AfterEach
    void stop() {
        FullDisk.free();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void saves_are_refused_while_the_disk_is_full_and_taken_again_once_space_is_back() {
        String file = dir.resolve("data").resolve("skillmark").toAbsolutePath().toString();
        app = TestApp.start(dir, config -> config.withDatabase(FullDisk.url(file) + ";WRITE_DELAY=0;DEFAULT_LOCK_TIMEOUT=10000",
                "sa", ""), List.of());
        String id = app.startAttempt("timed", "Ada");
        assertThat(app.autosave(id, 4, "response", "3600").status()).isEqualTo(200);

        FullDisk.fill();
        for (int i = 0; i < 3; i++) {
            var refused = app.autosave(id, 5, "response", "3.14");
            assertThat(refused.status()).as("save %d while full", i).isEqualTo(503);
            assertThat(refused.body()).contains("Nothing saved before is lost");
        }

        FullDisk.free();
        int tries = 0;
        int status;
        do {
            status = app.autosave(id, 5, "response", "3.14").status();
            tries++;
        } while (status != 200 && tries < 3);
        assertThat(status).as("a save once space is back").isEqualTo(200);
        assertThat(tries).as("requests until it serves again").isLessThanOrEqualTo(2);
        assertThat(app.get("/attempts/" + id + "/q/4").body()).contains("value=\"3600\"");
        assertThat(app.get("/attempts/" + id + "/q/5").body()).contains("value=\"3.14\"");
        System.out.printf("full disk: Skillmark served again on request %d after space came back%n", tries);
    }
}
