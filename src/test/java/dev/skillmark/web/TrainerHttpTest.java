package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.TestApp;
import dev.skillmark.web.Role;
import dev.skillmark.review.Statistics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trainers: content status, previews and try-it runs that never count (statistics: review.StatisticsTest). */
class TrainerHttpTest extends AppTest {


    @Test
    void the_content_status_counts_every_bank_by_type_difficulty_and_tag() {
        app.signInAs("tess", Role.TRAINER);
        var status = app.get("/content").body();
        assertThat(status).contains("No problems").contains("Alpha skills").contains("skills/alpha.md")
                .contains("essay 1").contains("multiple 1").contains("numeric 2").contains("easy 2").contains("hard 2")
                .contains("types 2").contains("Timed fixture quiz").contains("in service");
    }

    @Test
    void previews_show_questions_as_candidates_see_them_and_with_keys_on_request() {
        app.signInAs("tess", Role.TRAINER);
        var plain = app.get("/trainer/banks/alpha").body();
        assertThat(plain).contains("Which utility type").doesNotContain("EXPLANATION-MARKER").doesNotContain("KEYMARKER")
                .doesNotContain("RUBRIC-MARKER");
        var keyed = app.get("/trainer/banks/alpha?keys=1").body();
        assertThat(keyed).contains("EXPLANATION-MARKER").contains("KEYMARKER").contains("RUBRIC-MARKER").contains("3.14 ± 0.005");
        assertThat(app.get("/trainer/quizzes/score-only").body()).contains("sample draw 1").contains("alpha-essay");
    }

    @Test
    void a_sample_draw_offers_another_draw_with_a_seed_in_the_query_string() {
        app.signInAs("tess", Role.TRAINER);
        var first = app.get("/trainer/quizzes/score-only").body();
        assertThat(first).contains("sample draw 1").contains("href=\"/trainer/quizzes/score-only?seed=2\"").contains("Draw another");
        var drawn = new java.util.HashSet<String>();
        for (int seed = 1; seed <= 12; seed++) {
            var page = app.get("/trainer/quizzes/score-only?seed=" + seed).body();
            assertThat(page).contains("sample draw " + seed).contains("?seed=" + (seed + 1));
            // the ids in the order drawn: different seeds draw different questions or orders
            var ids = java.util.regex.Pattern.compile("<code>(alpha-[a-z-]+)</code>").matcher(page).results()
                    .map(m -> m.group(1)).toList();
            assertThat(ids).hasSize(4);
            drawn.add(String.join(",", ids));
        }
        assertThat(drawn).hasSizeGreaterThan(1);
        assertThat(app.get("/trainer/quizzes/score-only?seed=3").body())
                .isEqualTo(app.get("/trainer/quizzes/score-only?seed=3").body()); // the same seed, the same draw
        assertThat(app.get("/trainer/quizzes/score-only?seed=5&keys=1").body()).contains("?seed=6&amp;keys=1").contains("RUBRIC-MARKER");
        assertThat(app.get("/trainer/quizzes/score-only?seed=nonsense").status()).isEqualTo(200);
    }

    @Test
    void every_page_of_a_trial_run_says_it_is_a_trial_and_real_attempts_do_not() {
        app.signInAs("tess", Role.TRAINER);
        String id = app.post("/trainer/quizzes/timed/try").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        for (String page : new String[]{"/q/1", "/q/6", "/submit"}) {
            assertThat(app.get("/attempts/" + id + page).body()).as(page).contains("<strong>Trial run</strong>: not counted");
        }
        app.post("/attempts/" + id + "/submit");
        assertThat(app.get("/attempts/" + id + "/result").body()).contains("<strong>Trial run</strong>: not counted");
        try (var candidate = new dev.skillmark.HttpSession(app.app.port())) {
            String real = candidate.startAttempt("timed", "Ada");
            assertThat(candidate.get("/attempts/" + real + "/q/1").body()).doesNotContain("Trial run");
            assertThat(candidate.get("/attempts/" + real + "/submit").body()).doesNotContain("Trial run");
            candidate.post("/attempts/" + real + "/submit");
            assertThat(candidate.get("/attempts/" + real + "/result").body()).doesNotContain("Trial run");
        }
    }

    @Test
    void a_try_it_run_is_a_real_attempt_that_is_never_counted() {
        app.signInAs("tess", Role.TRAINER);
        var tried = app.post("/trainer/quizzes/timed/try");
        assertThat(tried.status()).isEqualTo(303);
        String id = tried.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
        app.post("/attempts/" + id + "/submit");
        assertThat(app.app.attempts().attempt(id).trial()).isTrue();
        assertThat(dev.skillmark.review.StatisticsTest.statistics(app).items(Optional.empty(), Statistics.Filter.ALL)).isEmpty();
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").body()).doesNotContain("Trial run by tess");
    }

    private org.jdbi.v3.core.Jdbi jdbi() {
        return app.app.jdbi();
    }
}
