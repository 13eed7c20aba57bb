package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate's flow over real HTTP against a real server and a real H2 file database. */
class CandidateHttpTest extends AppTest {

    /** Strings planted in the fixture bank's explanations, short-answer keys and rubric. */
    private static final List<String> MARKERS = List.of("EXPLANATION-MARKER", "KEYMARKER", "RUBRIC-MARKER");
    /** What the review markup uses to show correctness; it must not appear in a page while answering. */
    private static final List<String> REVIEW_MARKUP = List.of("is-correct", "(correct answer)", "Accepted answer", "mark-correct");


    @Test
    void a_candidate_takes_the_timed_quiz_with_plain_forms_and_sees_the_result() {
        var home = app.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Timed fixture quiz").contains("10 min").contains("Alpha skills");

        var start = app.get("/quizzes/timed");
        assertThat(start.body()).contains("Answer <strong>every</strong> question.").contains("Pass mark").contains("50%");

        String id = app.startAttempt("timed", "Ada");
        assertThat(id).matches("[A-Za-z0-9_-]{32}"); // 192 random bits
        assertThat(app.get("/attempts/" + id + "/q/1").body()).contains("Question 1 of 6").contains("10:00");

        assertThat(answer(id, 1, "next", "choice", "1").location()).isEqualTo("/attempts/" + id + "/q/2");
        answer(id, 2, "next", "choice", "0", "choice", "1");
        answer(id, 3, "flag", "response", "KEYMARKER");
        answer(id, 4, "next", "response", "3600");
        answer(id, 6, "review", "response", "A token bucket in Redis.");

        // the list of every question: what each button says, and which one is this page
        var nav = app.get("/attempts/" + id + "/q/3").body().replaceAll("\\s+", " ");
        assertThat(nav).contains("<button type=\"submit\" name=\"action\" value=\"goto-1\" class=\"answered\" aria-label=\"Question 1, answered\">1</button>")
                .contains("value=\"goto-3\" class=\"answered flagged current\" aria-label=\"Question 3, answered, flagged (this one)\" aria-current=\"step\">3</button>")
                .contains("value=\"goto-5\" class=\"unanswered\" aria-label=\"Question 5, unanswered\">5</button>");
        assertThat(nav.split("aria-current=\"step\"", -1)).hasSize(2);

        var confirm = app.get("/attempts/" + id + "/submit");
        assertThat(confirm.body()).contains("You answered 5 of 6 questions.").contains("Question 5").contains("Flagged for review");

        var submitted = app.post("/attempts/" + id + "/submit");
        assertThat(submitted.status()).isEqualTo(303);
        assertThat(submitted.location()).isEqualTo("/attempts/" + id + "/result");
        var result = app.get("/attempts/" + id + "/result");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("5 of 11 points").contains("45%").contains("Waiting for grading")
                .contains("<svg class=\"chart\"").contains("Alpha skills: 45%")
                .contains("EXPLANATION-MARKER-partial").contains("A token bucket in Redis.");
    }

    @Test
    void an_autosave_reports_the_deadline_its_save_saw_extra_time_included() {
        String id = app.startAttempt("timed", "Ada");
        var first = app.autosave(id, 4, "response", "3600");
        long deadline = app.app.attempts().attempt(id).deadlineAt();
        assertThat(first.body()).contains("\"deadlineAt\":" + deadline).contains("\"remainingMs\":600000");

        var ivy = app.app.accounts().create("ivy", "Ivy", dev.skillmark.Fixtures.PASSWORD, java.util.Set.of(Role.INTERVIEWER), "test");
        app.app.extensions().add(id, "5", false, "a fire alarm interrupted the candidate", ivy);
        app.clock.advance(Duration.ofMinutes(1));
        var second = app.autosave(id, 4, "response", "3601");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).as("the extension, read under the save's lock")
                .contains("\"deadlineAt\":" + (deadline + Duration.ofMinutes(5).toMillis())).contains("\"remainingMs\":840000");
    }

    @Test
    void reloading_resumes_with_every_saved_answer_and_the_right_time_left() {
        String id = app.startAttempt("timed", "Ada");
        answer(id, 1, "next", "choice", "1");
        assertThat(app.autosave(id, 4, "response", "3600").status()).isEqualTo(200);
        app.clock.advance(Duration.ofMinutes(3).plusSeconds(30));

        assertThat(app.get("/attempts/" + id + "/q/1").body()).containsPattern("value=\"1\"\\s+id=\"option-1\" checked");
        var page4 = app.get("/attempts/" + id + "/q/4").body();
        assertThat(page4).contains("value=\"3600\"").contains("06:30").contains("data-remaining-ms=\"390000\"");
        assertThat(app.get("/").body()).contains("You have a quiz in progress");
    }

    @Test
    void nothing_that_reveals_the_answers_reaches_the_browser_before_the_attempt_is_finalised() {
        String id = app.startAttempt("timed", "Ada");
        var pages = new ArrayList<String>();
        var assets = new ArrayList<String>();
        for (int slot = 1; slot <= 6; slot++) {
            pages.add(app.get("/attempts/" + id + "/q/" + slot).body());
        }
        answer(id, 3, "next", "response", "wrong");
        pages.add(app.get("/attempts/" + id + "/q/3").body());
        pages.add(app.get("/attempts/" + id + "/submit").body());
        pages.add(app.get("/attempts/" + id + "/result").body());
        pages.add(app.get("/").body());
        pages.add(app.get("/quizzes/timed").body());
        pages.add(app.autosave(id, 3, "response", "x").body());
        for (String asset : assets(String.join("\n", pages))) {
            assets.add(app.get(asset).body());
        }
        for (String page : pages) {
            for (String marker : MARKERS) {
                assertThat(page).as("a page of an attempt in progress").doesNotContain(marker);
            }
            for (String markup : REVIEW_MARKUP) {
                assertThat(page).as("a page of an attempt in progress").doesNotContain(markup);
            }
        }
        for (String asset : assets) {
            for (String marker : MARKERS) {
                assertThat(asset).as("an asset of an attempt in progress").doesNotContain(marker);
            }
        }

        app.post("/attempts/" + id + "/submit");
        assertThat(app.get("/attempts/" + id + "/result").body()).contains("EXPLANATION-MARKER").contains("KEYMARKER");
    }

    @Test
    void a_score_only_quiz_never_publishes_the_answers() {
        String id = app.startAttempt("score-only", "Ada");
        app.post("/attempts/" + id + "/submit");
        var result = app.get("/attempts/" + id + "/result").body();
        assertThat(result).contains("This quiz shows the score only");
        MARKERS.forEach(m -> assertThat(result).doesNotContain(m));
        REVIEW_MARKUP.forEach(m -> assertThat(result).doesNotContain(m));
    }

    @Test
    void everything_a_candidate_typed_is_escaped() {
        String evil = "<script>alert('x')</script>";
        String id = app.startAttempt("timed", evil);
        answer(id, 3, "next", "response", evil);
        answer(id, 6, "next", "response", evil);
        assertThat(app.get("/attempts/" + id + "/q/3").body()).doesNotContain(evil).contains("&lt;script&gt;");
        app.post("/attempts/" + id + "/submit");
        var result = app.get("/attempts/" + id + "/result").body();
        assertThat(result).doesNotContain(evil).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void every_post_checks_a_csrf_token() {
        String id = app.startAttempt("timed", "Ada");
        assertThat(app.postRaw("/quizzes/timed/start", "name", "Ada").status()).isEqualTo(403);
        assertThat(app.postRaw("/quizzes/timed/start", "csrf", "forged", "name", "Ada").status()).isEqualTo(403);
        assertThat(app.postRaw("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "0").status()).isEqualTo(403);
        assertThat(app.postRaw("/attempts/" + id + "/submit").status()).isEqualTo(403);
        var noToken = app.send(HttpRequest.newBuilder(URI.create(app.url("/attempts/" + id + "/q/1/autosave")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("revision=0&page=tab-1&choice=0")).build());
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(app.attemptStatus(id)).isEqualTo(dev.skillmark.attempt.Attempt.Status.IN_PROGRESS);
    }

    @Test
    void every_response_carries_the_security_headers_and_attempt_pages_are_not_cached() {
        String id = app.startAttempt("timed", "Ada");
        for (String path : List.of("/", "/quizzes/timed", "/attempts/" + id + "/q/1", "/attempts/" + id + "/submit",
                "/no/such/page", "/static/css/skillmark.css")) {
            var reply = app.get(path);
            assertThat(reply.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        assertThat(app.get("/attempts/" + id + "/q/1").header("Cache-Control")).isEqualTo("no-store");
        app.post("/attempts/" + id + "/submit");
        assertThat(app.get("/attempts/" + id + "/result").header("Cache-Control")).isEqualTo("no-store");
        assertThat(app.get("/attempts/" + id + "/q/1").body()).doesNotContain("<script>").doesNotContain("onclick");
    }

    @Test
    void another_attempts_id_gives_404_not_its_data() {
        String mine = app.startAttempt("timed", "Ada");
        char last = mine.charAt(31);
        String guessed = mine.substring(0, 31) + (last == 'A' ? 'B' : 'A');
        for (String path : List.of("/attempts/" + guessed + "/q/1", "/attempts/" + guessed + "/result",
                "/attempts/" + guessed + "/submit", "/attempts/nonsense/q/1", "/attempts/" + mine + "/q/99")) {
            var reply = app.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Ada").contains("Not found");
        }
        assertThat(app.post("/attempts/" + guessed + "/q/1", "revision", "0", "page", "tab-1", "choice", "0").status()).isEqualTo(404);
    }

    @Test
    void a_stale_save_from_a_second_tab_is_refused_and_the_newer_answer_kept() {
        String id = app.startAttempt("timed", "Ada");
        // tab A and tab B both opened the question at revision 0
        assertThat(app.autosaveFrom("tab-a", 0, id, 4, "response", "3600").status()).isEqualTo(200);
        var staleJson = app.autosaveFrom("tab-b", 0, id, 4, "response", "1");
        assertThat(staleJson.status()).isEqualTo(409);
        assertThat(staleJson.body()).contains("changed in another tab");
        assertThat(app.autosaveFrom("tab-b", 0, id, 4, "response", "12").status()).as("every later save from the stale page")
                .isEqualTo(409);
        var staleForm = app.post("/attempts/" + id + "/q/4", "revision", "0", "page", "tab-b", "response", "2", "action", "flag");
        assertThat(staleForm.status()).isEqualTo(409);
        assertThat(staleForm.body()).contains("changed in another tab").contains("3600").contains("2");
        var page = app.get("/attempts/" + id + "/q/4").body();
        assertThat(page).contains("value=\"3600\"").doesNotContain("Flagged for review</span>");
        assertThat(app.autosaveFrom("tab-a", 1, id, 4, "response", "3601").status()).as("tab A goes on").isEqualTo(200);
    }

    @Test
    void saves_after_the_deadline_and_grace_get_a_clear_page_and_the_attempt_is_finalised() {
        String id = app.startAttempt("timed", "Ada");
        answer(id, 1, "next", "choice", "1");
        app.clock.advance(Duration.ofMinutes(10).plusSeconds(16));

        var late = app.post("/attempts/" + id + "/q/2", "revision", "0", "page", "tab-1", "choice", "0", "action", "next");
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("Time is up").contains("/attempts/" + id + "/result");
        assertThat(app.autosave(id, 2, "choice", "0").status()).isEqualTo(410);
        assertThat(app.get("/attempts/" + id + "/q/2").location()).isEqualTo("/attempts/" + id + "/result");
        var result = app.get("/attempts/" + id + "/result").body();
        assertThat(result).contains("Time ran out").contains("1 of 11 points");
    }

    @Test
    void submitting_again_shows_the_same_result() {
        String id = app.startAttempt("timed", "Ada");
        answer(id, 1, "next", "choice", "1");
        app.post("/attempts/" + id + "/submit");
        String first = app.get("/attempts/" + id + "/result").body();
        app.clock.advance(Duration.ofMinutes(1));
        assertThat(app.post("/attempts/" + id + "/submit").location()).isEqualTo("/attempts/" + id + "/result");
        assertThat(app.get("/attempts/" + id + "/result").body()).isEqualTo(first);
    }

    @Test
    void oversized_and_malformed_requests_get_a_readable_4xx_page() {
        String id = app.startAttempt("timed", "Ada");
        var huge = app.post("/attempts/" + id + "/q/3", "revision", "0", "page", "tab-1", "response", "x".repeat(300_000));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("too large").doesNotContain("Exception").doesNotContain("at io.javalin");

        var longAnswer = app.post("/attempts/" + id + "/q/3", "revision", "0", "page", "tab-1", "response", "x".repeat(20_001));
        assertThat(longAnswer.status()).isEqualTo(400);
        assertThat(longAnswer.body()).contains("at most 20000 characters");

        assertThat(app.post("/attempts/" + id + "/q/1", "revision", "not-a-number", "page", "tab-1", "choice", "0").status()).isEqualTo(400);
        assertThat(app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "99").status()).isEqualTo(400);
        assertThat(app.get("/attempts/" + id + "/q/abc").status()).isEqualTo(404);
        var badEncoding = app.send(HttpRequest.newBuilder(URI.create(app.url("/attempts/" + id + "/q/3")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + app.csrf() + "&revision=0&page=tab-1&response=%zz%")).build());
        assertThat(badEncoding.status()).isLessThan(500);
        assertThat(badEncoding.body()).doesNotContain("Exception");
        var blankName = app.post("/quizzes/timed/start", "name", "   ");
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.body()).contains("id=\"name-error\"").contains("Enter your name");
    }

    @Test
    void practice_mode_is_untimed_and_explains_each_answer_once_it_is_checked() {
        var home = app.get("/").body();
        assertThat(home).contains("Practice by skill area").contains("href=\"/quizzes/practice-alpha\"");
        app.get("/quizzes/practice-alpha");
        var started = app.post("/quizzes/practice-alpha/start", "name", "Ada");
        String id = started.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        var page = app.get("/attempts/" + id + "/q/1").body();
        assertThat(page).contains("Check answer").doesNotContain("id=\"timer\"");
        MARKERS.forEach(m -> assertThat(page).doesNotContain(m));

        assertThat(page).as("the pinned seed draws a numeric question first").contains("inputmode=\"decimal\"");
        var checked = app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "response", "42", "action", "check");
        assertThat(checked.status()).isEqualTo(303);
        assertThat(checked.location()).endsWith("/q/1#feedback");
        var feedback = app.get("/attempts/" + id + "/q/1").body();
        assertThat(feedback).contains("id=\"feedback\"").contains("EXPLANATION-MARKER").contains("disabled");
        assertThat(app.get("/attempts/" + id + "/q/2").body()).doesNotContain("EXPLANATION-MARKER");
    }

    @Test
    void a_checked_practice_choice_question_marks_the_correct_options_and_no_option_before_it_is_checked() {
        var started = app.post("/quizzes/practice-alpha/start", "name", "Ada");
        String id = started.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        List<Integer> choiceSlots = app.app.jdbi().withHandle(h -> h.createQuery(
                "select slot from attempt_question where attempt_id = :id and kind in ('single', 'multiple') order by slot")
                .bind("id", id).mapTo(Integer.class).list());
        assertThat(choiceSlots).isNotEmpty();
        int slot = choiceSlots.get(0);
        // a slot shows its stored question's options in its own order: "2 0 1" shows option 2 first
        List<String> order = app.app.jdbi().withHandle(h -> h.createQuery(
                "select option_order from attempt_question where attempt_id = :id and slot = :slot")
                .bind("id", id).bind("slot", slot).mapTo(String.class).map(o -> List.of(o.split(" "))).one());
        List<Integer> correct = app.app.jdbi().withHandle(h -> h.createQuery("""
                select o.option_index from attempt_question q join question_snapshot_option o on o.snapshot_hash = q.snapshot_hash
                where q.attempt_id = :id and q.slot = :slot and o.correct""")
                .bind("id", id).bind("slot", slot).mapTo(Integer.class).list())
                .stream().map(index -> order.indexOf(String.valueOf(index))).sorted().toList();
        assertThat(correct).isNotEmpty();

        var before = app.get("/attempts/" + id + "/q/" + slot).body();
        REVIEW_MARKUP.forEach(m -> assertThat(before).doesNotContain(m));
        String revision = before.replaceAll("(?s).*id=\"revision\" name=\"revision\" value=\"(\\d+)\".*", "$1");
        assertThat(app.post("/attempts/" + id + "/q/" + slot, "revision", revision, "page", "tab-1",
                "choice", String.valueOf(correct.get(0)), "action", "check").status()).isEqualTo(303);

        var after = app.get("/attempts/" + id + "/q/" + slot).body();
        var marked = new ArrayList<Integer>();
        var option = Pattern.compile("<li class=\"option is-correct\">\\s*<input [^>]*value=\"(\\d+)\"").matcher(after);
        while (option.find()) {
            marked.add(Integer.parseInt(option.group(1)));
        }
        assertThat(marked).as("the options marked correct once checked").isEqualTo(correct);
        assertThat(after.split("\\(correct answer\\)", -1)).hasSize(correct.size() + 1);
        var ticked = Pattern.compile("<input [^>]*id=\"option-" + correct.get(0) + "\"[^>]*>").matcher(after);
        assertThat(ticked.find()).isTrue();
        assertThat(ticked.group()).contains("checked=\"checked\"").contains("disabled=\"disabled\"");
    }

    @Test
    void the_content_status_page_lists_what_loaded() {
        assertThat(app.get("/content").location()).isEqualTo("/sign-in?next=%2Fcontent");
        app.signInAs("tess", dev.skillmark.web.Role.TRAINER);
        var status = app.get("/content");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("No problems").contains("Alpha skills").contains("skills/alpha.md");
    }

    @Test
    void starting_from_the_home_page_is_no_signal_and_opening_the_attempt_in_another_browser_is_one() {
        String id = app.startAttempt("timed", "Ada");
        app.get("/attempts/" + id + "/q/1");
        answer(id, 1, "next", "choice", "1");
        assertThat(clientChanges(id)).isZero();

        var elsewhere = app.send(HttpRequest.newBuilder(URI.create(app.url("/attempts/" + id + "/q/2")))
                .header("User-Agent", "Another browser/1.0").GET().build());
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(clientChanges(id)).isEqualTo(1);
    }

    private int clientChanges(String attemptId) {
        return app.app.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from attempt_event where attempt_id = :id and type = 'CLIENT_CHANGED'")
                .bind("id", attemptId).mapTo(Integer.class).one());
    }

    private dev.skillmark.HttpSession.Reply answer(String id, int slot, String action, String... fields) {
        String page = app.get("/attempts/" + id + "/q/" + slot).body();
        var form = new ArrayList<>(List.of("revision", field(page, "revision"), "page", field(page, "page"), "action", action));
        form.addAll(List.of(fields));
        var reply = app.post("/attempts/" + id + "/q/" + slot, form.toArray(String[]::new));
        assertThat(reply.status()).as("answer to " + slot + ": " + reply.body()).isEqualTo(303);
        return reply;
    }

    private static String field(String page, String name) {
        var m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    private static List<String> assets(String html) {
        var m = Pattern.compile("(?:href|src)=\"(/static/[^\"]+)\"").matcher(html);
        var found = new java.util.TreeSet<String>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).contains("/static/js/attempt.js", "/static/css/skillmark.css");
        return List.copyOf(found);
    }
}
