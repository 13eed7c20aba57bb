package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safe exposure by default: public practice off, invitation quizzes never offered without an invitation,
 * staff can always practise, and a public exam quiz has a per-browser retake limit and shows only the score.
 */
class PublicAccessTest {

    @TempDir
    Path dir;
    Skillmark app;

    @BeforeEach
    void start() throws IOException {
        var content = Fixtures.content("content", dir.resolve("content"));
        Files.writeString(content.resolve("quizzes/interview.md"), """
            ---
            title: Interview only quiz
            time_limit: 10m
            draw:
              - bank: alpha
                count: 2
            ---
            For invited candidates.
            """);
        Files.writeString(content.resolve("quizzes/open-exam.md"), """
            ---
            title: Open exam quiz
            access: public
            draw:
              - bank: alpha
            ---
            Anyone may try it, once.
            """);
        app = Skillmark.start(TestDatabase.config(dir.resolve("data"), content), new TestClock(), Fixtures.seeds(), List.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void by_default_an_anonymous_visitor_is_offered_nothing_and_can_start_nothing() {
        var visitor = new HttpSession(app.port());
        String home = visitor.get("/").body();
        assertThat(home).doesNotContain("Alpha skills").doesNotContain("Open exam quiz").doesNotContain("Interview only quiz");
        for (String quiz : List.of("practice-alpha", "open-exam", "interview", "timed")) {
            assertThat(visitor.get("/quizzes/" + quiz).status()).as(quiz).isEqualTo(404);
            assertThat(visitor.post("/quizzes/" + quiz + "/start", "name", "Eve").status()).as(quiz).isEqualTo(404);
        }
    }

    @Test
    void staff_can_always_practise_but_never_start_an_invitation_quiz_from_the_home_page() {
        var trainer = new HttpSession(app.port());
        trainer.signIn(app.accounts().create("tess", "Tess", Fixtures.PASSWORD, Set.of(Role.TRAINER), "test"));
        var interviewer = new HttpSession(app.port());
        interviewer.signIn(app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
        for (var staff : List.of(trainer, interviewer)) {
            String home = staff.get("/").body();
            assertThat(home).contains("Alpha skills").doesNotContain("Interview only quiz");
            assertThat(staff.post("/quizzes/practice-alpha/start", "name", "Practice").status()).isEqualTo(303);
            assertThat(staff.get("/quizzes/interview").status()).isEqualTo(404);
            assertThat(staff.post("/quizzes/interview/start", "name", "X").status()).isEqualTo(404);
        }
    }

    @Test
    void an_invitation_quiz_is_never_listed_or_startable_without_an_invitation_even_with_public_practice_on() {
        var admin = new HttpSession(app.port());
        admin.signIn(app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test"));
        assertThat(admin.post("/admin/settings", "publicPractice", "on").status()).isEqualTo(303);
        var visitor = new HttpSession(app.port());
        assertThat(visitor.get("/").body()).contains("Alpha skills").contains("Open exam quiz").doesNotContain("Interview only quiz");
        assertThat(visitor.get("/quizzes/interview").status()).isEqualTo(404);
        assertThat(visitor.post("/quizzes/interview/start", "name", "Eve").status()).isEqualTo(404);
        // with an invitation it works
        var m = Pattern.compile("(/i/[A-Za-z0-9_-]{43})").matcher(admin.postAndFollow("/invitations", "quiz", "interview", "name", "Cora",
                "expires", "7", "extra", "0").body());
        assertThat(m.find()).isTrue();
        var candidate = new HttpSession(app.port());
        assertThat(candidate.get(m.group(1)).status()).isEqualTo(200);
        assertThat(candidate.post(m.group(1) + "/start").status()).isEqualTo(303);
    }

    @Test
    void a_public_exam_quiz_has_a_per_browser_retake_limit_and_shows_only_the_score() {
        var admin = new HttpSession(app.port());
        admin.signIn(app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test"));
        admin.post("/admin/settings", "publicPractice", "on");
        var visitor = new HttpSession(app.port());
        String id = visitor.startAttempt("open-exam", "Eve");
        visitor.post("/attempts/" + id + "/submit");
        String result = visitor.get("/attempts/" + id + "/result").body();
        assertThat(result).contains("Your result").doesNotContain("EXPLANATION-MARKER");
        var again = visitor.post("/quizzes/open-exam/start", "name", "Eve again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already taken this quiz");
        // another browser has its own allowance; the admin can raise the limit
        assertThat(new HttpSession(app.port()).startAttempt("open-exam", "Fay")).isNotEmpty();
        admin.post("/admin/settings", "publicPractice", "on", "publicExamAttempts", "2");
        assertThat(visitor.post("/quizzes/open-exam/start", "name", "Eve again").status()).isEqualTo(303);
        assertThat(visitor.post("/quizzes/open-exam/start", "name", "Eve thrice").status()).isEqualTo(409);
        // practice has no limit
        assertThat(visitor.post("/quizzes/practice-alpha/start", "name", "Eve").status()).isEqualTo(303);
        assertThat(visitor.post("/quizzes/practice-alpha/start", "name", "Eve").status()).isEqualTo(303);
        assertThat(admin.get("/admin/audit").body()).contains("settings.public-exam-attempts");
    }

    @Test
    void the_admin_is_warned_which_invitation_quizzes_share_questions_with_public_practice() {
        var admin = new HttpSession(app.port());
        admin.signIn(app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test"));
        assertThat(admin.get("/admin/users").body()).contains("If you turn public practice on").contains("Interview only quiz: 6 questions");
        admin.post("/admin/settings", "publicPractice", "on");
        assertThat(admin.get("/admin/users").body()).contains("Public practice shows the keys").contains("Interview only quiz");
    }
}
