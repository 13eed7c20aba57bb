package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that H2 and PostgreSQL would store differently gets the same answer from Skillmark on both. */
class PortabilityHttpTest {

    @TempDir
    Path dir;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void text_with_a_nul_character_is_refused_as_input_not_failed_as_a_write() {
        String id = app.startAttempt("timed", "Ada");
        var autosave = app.autosave(id, 6, "response", "a\u0000b");
        assertThat(autosave.status()).isEqualTo(400);
        assertThat(autosave.body()).contains("U+0000");
        assertThat(app.app.pages().question(id, 6).answer().response()).isEmpty();

        assertThat(app.post("/quizzes/timed/start", "name", "Gr\u0000ace").status()).isEqualTo(400);
        assertThat(app.get("/quizzes/timed?x=%00").status()).isEqualTo(400);
        assertThat(app.get("/attempts/a%00b/q/1").status()).isEqualTo(400); // Jetty's own answer
    }

    @Test
    void text_outside_the_basic_plane_and_accents_round_trip() {
        String id = app.startAttempt("timed", "Zoë 🙂");
        assertThat(app.autosave(id, 6, "response", "naïve 🙂 \t tabs\r\nand lines").status()).isEqualTo(200);
        assertThat(app.app.pages().question(id, 6).answer().response()).isEqualTo("naïve 🙂 \t tabs\r\nand lines");
        assertThat(app.app.attempts().attempt(id).candidateName()).isEqualTo("Zoë 🙂");
    }
}
