package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home page is rendered once per catalog and setting for visitors, and never serves one visitor's page to another. */
class HomeCacheTest {

    @TempDir
    Path dir;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_reload_of_the_content_or_a_changed_setting_shows_at_once_and_personal_pages_are_not_shared() throws Exception {
        app = TestApp.start(dir);
        try (var visitor = new HttpSession(app.app.port()); var other = new HttpSession(app.app.port())) {
            assertThat(visitor.get("/").body()).contains("Timed fixture quiz");
            assertThat(other.get("/").body()).contains("Timed fixture quiz");

            Path quiz = dir.resolve("content/quizzes/timed.md");
            Files.writeString(quiz, Files.readString(quiz).replace("title: Timed fixture quiz", "title: Renamed timed quiz"));
            app.app.content().reload();
            assertThat(visitor.get("/").body()).contains("Renamed timed quiz").doesNotContain("Timed fixture quiz");

            app.app.jdbi().useHandle(h -> h.execute("update setting set setting_value = 'false' where name = 'public_practice'"));
            assertThat(visitor.get("/").body()).doesNotContain("Renamed timed quiz").contains("No quizzes are on offer yet");
            app.app.jdbi().useHandle(h -> h.execute("update setting set setting_value = 'true' where name = 'public_practice'"));

            // a candidate with an attempt in progress gets their own page, and nobody else gets it
            String id = visitor.startAttempt("timed", "Ada");
            assertThat(visitor.get("/").body()).contains("You have a quiz in progress").contains(id);
            assertThat(other.get("/").body()).doesNotContain("You have a quiz in progress").doesNotContain(id);

            // staff get the page with their own navigation, and visitors never do
            app.signInAs("trainer-a", Role.TRAINER);
            assertThat(app.get("/").body()).contains("Sign out trainer-a");
            assertThat(other.get("/").body()).doesNotContain("Sign out").contains("Renamed timed quiz");
        }
    }
}
