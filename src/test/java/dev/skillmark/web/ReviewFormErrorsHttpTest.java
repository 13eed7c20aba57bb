package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import org.junit.jupiter.api.Test;

/**
 * The review side's forms name every problem at once: the summary at the top links each to its field, each field
 * says its own beside it, and what was typed comes back.
 */
class ReviewFormErrorsHttpTest extends AppTest {

    private static final int CHOICE = 1;
    private static final int ESSAY = 6;

    @Test
    void an_override_with_bad_points_and_no_reason_names_both_fields_and_keeps_the_points() {
        String id = finishedAttempt("Ada");
        app.signInAs("ivy", Role.INTERVIEWER);
        var refused = app.post("/review/attempts/" + id + "/grade/" + CHOICE, "points", "seven", "comment", "");
        assertThat(refused.status()).isEqualTo(400);
        String page = refused.body();
        assertThat(page).contains("There are 2 problems")
                .contains("<a href=\"#points-1\">Enter the points as a number from 0 to")
                .contains("<a href=\"#comment-1\">Say why you override the automatic grade.</a>")
                .contains("id=\"points-1-error\"").contains("id=\"comment-1-error\"")
                .containsPattern("id=\"points-1\"[^>]*value=\"seven\"")
                .containsPattern("id=\"points-1\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"points-1-error\"")
                .containsPattern("id=\"comment-1\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"comment-1-error\"");
        assertThat(page.indexOf("error-summary")).as("the summary is at the top").isLessThan(page.indexOf("id=\"q1\""));
    }

    @Test
    void notes_too_long_and_a_rating_out_of_range_are_both_named_and_the_notes_come_back() {
        String id = finishedAttempt("Ada");
        app.signInAs("ivy", Role.INTERVIEWER);
        String notes = "NOTE-START " + "x".repeat(8000);
        var refused = app.post("/review/attempts/" + id + "/note", "note", notes, "rating", "9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There are 2 problems")
                .contains("<a href=\"#note\">Notes can be at most 8000 characters.</a>")
                .contains("<a href=\"#rating\">Rate from 1 to 5, or leave it empty.</a>")
                .contains("id=\"note-error\"").contains("id=\"rating-error\"").contains("NOTE-START")
                .containsPattern("id=\"rating\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"rating-error\"");
    }

    @Test
    void more_time_without_a_valid_amount_or_a_reason_names_both_and_keeps_the_unit() {
        String id;
        try (var candidate = new HttpSession(app.app.port())) {
            id = candidate.startAttempt("timed", "Ada");
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        var refused = app.post("/review/attempts/" + id + "/time", "amount", "0", "unit", "percent", "reason", " ");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There are 2 problems")
                .contains("<a href=\"#time-amount\">Enter a whole percentage from 1 to 300.</a>")
                .contains("<a href=\"#time-reason\">Say why the candidate gets more time")
                .contains("id=\"time-amount-error\"").contains("id=\"time-reason-error\"")
                .containsPattern("id=\"time-amount\"[^>]*value=\"0\"")
                .containsPattern("<option value=\"percent\" selected");
    }

    @Test
    void the_grading_queue_and_the_page_across_candidates_list_every_problem_at_the_top() {
        String id = finishedAttempt("Ada");
        app.signInAs("ivy", Role.INTERVIEWER);
        String tooLong = "c".repeat(4001);

        var one = app.post("/review/grading/" + id + "/" + ESSAY, "then", "next", "points", "99", "comment", tooLong);
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.body()).contains("There are 2 problems")
                .contains("<a href=\"#points-6\">Enter the points as a number from 0 to 5.</a>")
                .contains("<a href=\"#comment-6\">Comments can be at most 4000 characters.</a>")
                .containsPattern("id=\"points-6\"[^>]*value=\"99\"");

        var across = app.post("/review/grading/" + id + "/" + ESSAY, "then", "question", "quiz", "timed",
                "question", "alpha-essay", "points", "99", "comment", tooLong);
        assertThat(across.status()).isEqualTo(400);
        // many forms on one page: each field's id names its attempt too, so the links find the right one
        assertThat(across.body()).contains("There are 2 problems")
                .contains("<a href=\"#points-6-" + id + "\">Enter the points")
                .contains("<a href=\"#comment-6-" + id + "\">Comments can be at most")
                .contains("id=\"points-6-" + id + "\"").contains("aria-describedby=\"comment-6-" + id + "-error\"");
    }

    /** A candidate takes the timed quiz, answers the first question and the essay, and submits. */
    private String finishedAttempt(String name) {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", name);
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            candidate.post("/attempts/" + id + "/q/" + ESSAY, "revision", "0", "page", "tab-1", "response", "An essay", "action", "review");
            assertThat(candidate.post("/attempts/" + id + "/submit").status()).isEqualTo(303);
            return id;
        }
    }
}
