package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Grading with rubric ticks, the queue across attempts, one question across candidates, and blind grading. */
class GradingHttpTest extends AppTest {

    private static final int ESSAY = 6; // the timed quiz shows the alpha bank in order; the essay is last

    @Test
    void ticked_rubric_lines_propose_the_grade_and_are_kept_in_the_history() {
        String id = finishedAttempt("Ada", "A token bucket in Redis");
        app.signInAs("ivy", Role.INTERVIEWER);
        var page = app.get("/review/attempts/" + id).body();
        assertThat(page).contains("name=\"tick-0\"").contains("name=\"tick-1\"").contains("max=\"3\"")
                .contains("3 points if 2 of 3 are covered").contains("Red flag: keeps the counters");

        // line 1 ticked (2 points), line 2 covers 2 of 3 (earns its 3), no red flag: 5 points, points left empty
        var saved = app.post("/review/attempts/" + id + "/grade/" + ESSAY, "rubric", "1", "tick-0", "1", "tick-1", "2",
                "points", "", "comment", "");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(essayPoints(id)).isEqualTo(5.0);
        assertThat(app.get("/review/attempts/" + id).body()).contains("ticked line 1, line 2 (2 of 3, earned)");

        // 1 of 3 on line 2 earns nothing: the ticks give 2 points
        assertThat(app.post("/review/attempts/" + id + "/grade/" + ESSAY, "rubric", "1", "tick-0", "1", "tick-1", "1",
                "points", "").status()).isEqualTo(303);
        assertThat(essayPoints(id)).isEqualTo(2.0);

        // other points than the ticks give need a reason; with one they stand
        var noReason = app.post("/review/attempts/" + id + "/grade/" + ESSAY, "rubric", "1", "tick-0", "1", "points", "3");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("The ticked lines give 2 points");
        assertThat(app.post("/review/attempts/" + id + "/grade/" + ESSAY, "rubric", "1", "tick-0", "1", "tick-2", "1",
                "points", "3", "comment", "Names Redis without saying why").status()).isEqualTo(303);
        assertThat(essayPoints(id)).isEqualTo(3.0);
        assertThat(app.get("/review/attempts/" + id).body()).contains("ticked line 1, line 2 (0 of 3), red flag 3")
                .contains("Names Redis without saying why");

        // a count beyond M is refused, nothing changes
        assertThat(app.post("/review/attempts/" + id + "/grade/" + ESSAY, "rubric", "1", "tick-1", "4", "points", "")
                .status()).isEqualTo(400);
        assertThat(essayPoints(id)).isEqualTo(3.0);
    }

    @Test
    void the_queue_goes_from_the_oldest_finished_attempt_on_and_the_dashboard_counts_what_waits() {
        String first = finishedAttempt("Ada", "Redis");
        app.clock.advance(Duration.ofMinutes(1));
        String second = finishedAttempt("Grace", "In memory");
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").body()).contains("2 answers to grade");
        var queue = app.get("/review/grading").body();
        assertThat(queue).contains("2 answers wait for a grade").contains("Ada").contains("Grace");

        var next = app.get("/review/grading/next");
        assertThat(next.location()).isEqualTo("/review/grading/" + first + "/" + ESSAY);
        var one = app.get(next.location()).body();
        assertThat(one).contains("Ada, question 6").contains("Redis").contains("2 answers wait");
        var saved = app.post("/review/grading/" + first + "/" + ESSAY, "then", "next", "rubric", "1", "tick-0", "1");
        assertThat(saved.location()).isEqualTo("/review/grading/next");
        assertThat(app.get("/review/grading/next").location()).isEqualTo("/review/grading/" + second + "/" + ESSAY);
        assertThat(app.get("/review").body()).contains("1 answer to grade");

        app.post("/review/grading/" + second + "/" + ESSAY, "then", "next", "points", "0", "comment", "");
        assertThat(app.get("/review/grading/next").location()).isEqualTo("/review/grading?done=1");
        assertThat(app.get("/review/grading?done=1").body()).contains("Every answer is graded").contains("0 answers wait");
        assertThat(app.get("/review").body()).contains("0 answers to grade");
    }

    @Test
    void one_question_across_candidates_shows_every_answer_and_blind_grading_hides_names_until_graded() {
        String first = finishedAttempt("Ada", "ANSWER-OF-ADA");
        app.clock.advance(Duration.ofMinutes(1));
        finishedAttempt("Grace", "ANSWER-OF-GRACE");
        app.signInAs("ivy", Role.INTERVIEWER);

        var across = app.get("/review/grading/question?quiz=timed&question=alpha-essay").body();
        assertThat(across).contains("ANSWER-OF-ADA").contains("ANSWER-OF-GRACE").contains("Ada").contains("Grace")
                .contains("2 candidates");
        assertThat(across.indexOf("ANSWER-OF-ADA")).isLessThan(across.indexOf("ANSWER-OF-GRACE"));

        assertThat(app.post("/review/grading/blind", "blind", "on", "back",
                "/review/grading/question?quiz=timed&question=alpha-essay").location())
                .isEqualTo("/review/grading/question?quiz=timed&question=alpha-essay");
        var blind = app.get("/review/grading/question?quiz=timed&question=alpha-essay").body();
        assertThat(blind).contains("Candidate 1").contains("Candidate 2").contains("ANSWER-OF-ADA")
                .contains("Blind grading is on").doesNotContain("Ada").doesNotContain("Grace");
        assertThat(app.get("/review/grading").body()).contains("Candidate 1").doesNotContain("Ada");
        assertThat(app.get("/review/grading/" + first + "/" + ESSAY).body()).contains("Candidate 1, question 6")
                .doesNotContain("Ada");

        var saved = app.post("/review/grading/" + first + "/" + ESSAY, "then", "question", "quiz", "timed",
                "question", "alpha-essay", "rubric", "1", "tick-0", "1", "tick-1", "3");
        assertThat(saved.location()).isEqualTo("/review/grading/question?quiz=timed&question=alpha-essay#answer-" + first);
        // Ada's grades are all in: her name is back; Grace's answer still waits
        assertThat(app.get("/review/grading/question?quiz=timed&question=alpha-essay").body())
                .contains("Ada").contains("Candidate 2").doesNotContain("Grace");

        var invalid = app.post("/review/grading/" + first + "/" + ESSAY, "then", "question", "quiz", "timed",
                "question", "alpha-essay", "points", "99");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Enter the points as a number from 0 to 5");
    }

    @Test
    void blind_grading_stays_on_for_the_grader_and_no_grading_page_or_link_from_one_shows_a_name() {
        String ada = finishedAttempt("Ada Lovelace", "Redis");
        app.clock.advance(Duration.ofMinutes(1));
        finishedAttempt("Grace Hopper", "In memory");
        var ivy = app.signInAs("ivy", Role.INTERVIEWER);
        var off = app.get("/review/grading").body();
        assertThat(off).contains("Ada Lovelace").contains("Grade blind (hide names)").contains("action=\"/review/grading/blind\"");

        var on = app.post("/review/grading/blind", "blind", "on", "back", "/review/grading");
        assertThat(on.status()).isEqualTo(303);
        assertThat(on.location()).isEqualTo("/review/grading");

        // every grading page reachable from the queue, by plain links with no switch in them, and the next answer
        var seen = new java.util.LinkedHashSet<String>();
        var toVisit = new java.util.ArrayDeque<String>(java.util.List.of("/review/grading", "/review/grading/next"));
        while (!toVisit.isEmpty() && seen.size() < 50) {
            String path = toVisit.poll();
            if (!seen.add(path)) {
                continue;
            }
            var response = app.get(path);
            if (response.status() == 303) {
                toVisit.add(response.location());
                continue;
            }
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("Ada").doesNotContain("Lovelace")
                    .doesNotContain("Grace").doesNotContain("Hopper").doesNotContain("blind=1");
            assertThat(response.body().split("action=\"/review/grading/blind\"", -1)).as("one switch on " + path).hasSize(2);
            var links = java.util.regex.Pattern.compile("href=\"([^\"#]+)").matcher(response.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                assertThat(link).as("a link from " + path).doesNotStartWith("/review/attempts/");
                if (link.startsWith("/review/grading")) {
                    toVisit.add(link);
                }
            }
        }
        assertThat(seen).contains("/review/grading/" + ada + "/" + ESSAY, "/review/grading/question?quiz=timed&question=alpha-essay");

        // a later sign-in finds it still on; turning it off shows the names again
        app.post("/sign-out");
        app.signIn(ivy);
        assertThat(app.get("/review/grading").body()).contains("Candidate 1").doesNotContain("Ada")
                .contains("Show candidate names");
        app.post("/review/grading/blind", "blind", "off", "back", "https://elsewhere.example/");
        assertThat(app.get("/review/grading").body()).contains("Ada Lovelace").contains("Grace Hopper");
        assertThat(app.post("/review/grading/blind", "blind", "on", "back", "https://elsewhere.example/").location())
                .isEqualTo("/review/grading");
    }

    @Test
    void grading_pages_need_an_interviewer() {
        String id = finishedAttempt("Ada", "Redis");
        assertThat(app.get("/review/grading").location()).startsWith("/sign-in");
        app.signInAs("tess", Role.TRAINER);
        assertThat(app.get("/review/grading").status()).isEqualTo(403);
        assertThat(app.get("/review/grading/" + id + "/" + ESSAY).status()).isEqualTo(403);
        assertThat(app.post("/review/grading/" + id + "/" + ESSAY, "points", "5").status()).isEqualTo(403);
        assertThat(app.post("/review/grading/blind", "blind", "on").status()).isEqualTo(403);
    }

    private double essayPoints(String attemptId) {
        return app.app.jdbi().withHandle(h -> h.createQuery("select points from answer where attempt_id = :id and slot = :slot")
                .bind("id", attemptId).bind("slot", ESSAY).mapTo(Double.class).one());
    }

    /** A candidate takes the timed quiz, answers the first question and the essay, and submits. */
    private String finishedAttempt(String name, String essay) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", name);
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            candidate.post("/attempts/" + id + "/q/" + ESSAY, "revision", "0", "page", "tab-1", "response", essay, "action", "review");
            assertThat(candidate.post("/attempts/" + id + "/submit").status()).isEqualTo(303);
            return id;
        }
    }
}
