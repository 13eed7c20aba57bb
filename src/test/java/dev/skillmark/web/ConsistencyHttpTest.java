package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the dashboard, its CSV and the attempt page say about the same attempt agrees. */
class ConsistencyHttpTest extends AppTest {

    @Test
    void the_signal_count_is_the_same_on_the_dashboard_in_its_csv_and_on_the_attempt_page() {
        String id = app.startAttempt("timed", "Ada");
        long stretch = app.clock.millis() / 10_000 * 10_000;
        app.app.jdbi().useHandle(h -> {
            event(h, id, stretch, "FOCUS_LOST", null, "3000 ms");
            event(h, id, stretch + 100, "FOCUS_LOST", null, "1000 ms");
            event(h, id, stretch + 200, "PASTE", 2, "12 characters");
            event(h, id, stretch + 4000, "BURST", 4, "4 different questions saved within 10 seconds");
        });
        app.post("/attempts/" + id + "/submit");
        app.signInAs("ivy", Role.INTERVIEWER);

        String attemptPage = app.get("/review/attempts/" + id).body();
        assertThat(attemptPage).contains("Signals in all: 4 ").contains("Bursts (4 or more different questions saved within one 10-second stretch): 1")
                .contains("Page hidden or lost focus: 2 times, 4 s in all").contains("Pastes into answers: 1");
        assertThat(app.get("/review").body()).contains("4 signals");
        var csv = app.get("/review/export.csv").body().lines().filter(l -> l.startsWith("Ada,")).findFirst().orElseThrow();
        assertThat(csv.split(",")[11]).isEqualTo("4");
    }

    @Test
    void invitation_rows_and_both_csvs_name_the_quiz_by_its_title() {
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/invitations", "quiz", "timed", "name", "Ina", "expires", "7", "extra", "0");
        String dashboard = app.get("/review?q=Ina").body();
        var row = Pattern.compile("(?s)<tr>\\s*<td>.*?Ina.*?</tr>").matcher(dashboard);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("<td>Timed fixture quiz</td>").doesNotContain("<td>timed</td>");
        assertThat(app.get("/review/export.csv").body()).contains("Ina,Timed fixture quiz,invited");
        var bulk = app.post("/invitations/bulk", "quiz", "timed", "expires", "7", "extra", "0", "lines", "Dan\nEve");
        assertThat(bulk.body()).contains("Dan,,Timed fixture quiz,").contains("Eve,,Timed fixture quiz,");
    }

    private static void event(org.jdbi.v3.core.Handle h, String attempt, long at, String type, Integer slot, String detail) {
        h.createUpdate("insert into attempt_event (attempt_id, at, type, slot, detail) values (:a, :at, :t, :s, :d)")
                .bind("a", attempt).bind("at", at).bind("t", type).bind("s", slot).bind("d", detail).execute();
    }
}
