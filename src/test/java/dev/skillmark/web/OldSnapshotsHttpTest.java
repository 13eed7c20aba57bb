package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import org.junit.jupiter.api.Test;

/** Snapshots stored before code blocks took keyboard focus are shown with it, and stay as they were stored. */
class OldSnapshotsHttpTest extends AppTest {

    private static final String OLD_BODY = "<p>What does this print?</p>\n<pre><code class=\"language-ts\">console.log(1);\n</code></pre>\n"
            + "<pre class=\"wide\"><code>x</code></pre>";

    @Test
    void a_code_block_of_an_old_snapshot_takes_focus_when_shown_to_the_candidate_and_to_staff() {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", "Ada");
            app.app.jdbi().useHandle(h -> h.createUpdate("update question_snapshot set body_html = :b where snapshot_hash ="
                    + " (select snapshot_hash from attempt_question where attempt_id = :a and slot = 1)")
                    .bind("b", OLD_BODY).bind("a", id).execute());

            assertThat(candidate.get("/attempts/" + id + "/q/1").body())
                    .contains("<pre tabindex=\"0\"><code class=\"language-ts\">console.log(1);")
                    .contains("<pre tabindex=\"0\" class=\"wide\"><code>x</code></pre>")
                    .doesNotContain("<pre><code");
            app.signInAs("ivy", Role.INTERVIEWER);
            assertThat(app.get("/review/attempts/" + id).body()).contains("<pre tabindex=\"0\"><code class=\"language-ts\">")
                    .doesNotContain("<pre><code");

            String stored = app.app.jdbi().withHandle(h -> h.createQuery(
                    "select s.body_html from attempt_question q join question_snapshot s on s.snapshot_hash = q.snapshot_hash"
                    + " where q.attempt_id = :a and q.slot = 1").bind("a", id).mapTo(String.class).one());
            assertThat(stored).as("the snapshot itself never changes").isEqualTo(OLD_BODY);
        }
    }

    @Test
    void code_blocks_in_old_options_rubric_lines_and_model_answers_take_focus_too() {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", "Ada");
            String old = "<pre><code>OLD-OPTION</code></pre>";
            app.app.jdbi().useHandle(h -> {
                h.createUpdate("update question_snapshot_option set html = :h where snapshot_hash in"
                        + " (select snapshot_hash from attempt_question where attempt_id = :a)").bind("h", old).bind("a", id).execute();
                h.createUpdate("update attempt_rubric_line set html = :h where attempt_id = :a")
                        .bind("h", "<pre><code>OLD-RUBRIC</code></pre>").bind("a", id).execute();
                h.createUpdate("update attempt_model_answer set html = :h where attempt_id = :a")
                        .bind("h", "<pre><code>OLD-MODEL</code></pre>").bind("a", id).execute();
            });
            int slots = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from attempt_question where attempt_id = :a")
                    .bind("a", id).mapTo(Integer.class).one());
            var pages = new StringBuilder();
            for (int slot = 1; slot <= slots; slot++) {
                pages.append(candidate.get("/attempts/" + id + "/q/" + slot).body());
            }
            assertThat(pages.toString()).contains("<pre tabindex=\"0\"><code>OLD-OPTION</code></pre>").doesNotContain("<pre><code");
            assertThat(candidate.post("/attempts/" + id + "/submit").status()).isEqualTo(303);
            app.signInAs("ivy", Role.INTERVIEWER);
            assertThat(app.get("/review/attempts/" + id).body())
                    .contains("<pre tabindex=\"0\"><code>OLD-OPTION</code></pre>")
                    .contains("<pre tabindex=\"0\"><code>OLD-RUBRIC</code></pre>")
                    .contains("<pre tabindex=\"0\"><code>OLD-MODEL</code></pre>")
                    .doesNotContain("<pre><code");
        }
    }
}
