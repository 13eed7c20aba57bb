package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.skillmark.AppTest;
import dev.skillmark.HttpSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live view of attempts in progress: time left by the server's deadline and the last activity, as a page and as JSON. */
class LiveHttpTest extends AppTest {

    @Test
    void attempts_in_progress_show_time_left_and_last_activity_and_leave_when_submitted() {
        try (var candidate = new HttpSession(app.app.port())) {
            String id = candidate.startAttempt("timed", "Ada <b>Lovelace</b>");
            app.clock.advance(Duration.ofMinutes(2));
            candidate.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
            app.clock.advance(Duration.ofSeconds(30));
            app.signInAs("ivy", Role.INTERVIEWER);

            var page = app.get("/review/live");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;").contains("07:30").contains("30 s ago")
                    .contains("1 of 6").contains("/static/js/live.js");

            var json = app.get("/review/live.json");
            assertThat(json.header("Content-Type")).startsWith("application/json");
            assertThat(json.header("Cache-Control")).contains("no-store");
            var attempts = JsonParser.parseString(json.body()).getAsJsonObject().getAsJsonArray("attempts");
            assertThat(attempts).hasSize(1);
            var a = attempts.get(0).getAsJsonObject();
            assertThat(a.get("id").getAsString()).isEqualTo(id);
            assertThat(a.get("name").getAsString()).isEqualTo("Ada <b>Lovelace</b>");
            assertThat(a.get("timeLeft").getAsString()).isEqualTo("07:30");
            assertThat(a.get("lastActivity").getAsString()).isEqualTo("30 s ago");
            assertThat(a.get("answered").getAsString()).isEqualTo("1 of 6");
            assertThat(json.body()).doesNotContain("<b>"); // Json escapes '<'

            app.clock.advance(Duration.ofMinutes(8));
            var overdue = JsonParser.parseString(app.get("/review/live.json").body()).getAsJsonObject().getAsJsonArray("attempts");
            assertThat(overdue.get(0).getAsJsonObject().get("timeLeft").getAsString()).isEqualTo("past the deadline");

            candidate.post("/attempts/" + id + "/submit");
            assertThat(JsonParser.parseString(app.get("/review/live.json").body()).getAsJsonObject().getAsJsonArray("attempts")).isEmpty();
            assertThat(app.get("/review/live").body()).contains("No attempt is in progress.");
        }
    }

    @Test
    void the_live_view_is_for_interviewers() {
        assertThat(app.get("/review/live.json").location()).startsWith("/sign-in");
        app.signInAs("tess", Role.TRAINER);
        assertThat(app.get("/review/live").status()).isEqualTo(403);
        assertThat(app.get("/review/live.json").status()).isEqualTo(403);
    }
}
