package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import org.junit.jupiter.api.Test;

/** Item 12 of issue 12: the dashboard, attempt page, CSV and comparison agree on signals, titles and rounded figures. */
class ConsistencyHttpTest extends AppTest {

    @Test
    void every_view_counts_the_same_signals_bursts_included() {
        String id = app.startAttempt("timed", "Sam Signals");
        // a burst: answers to four different questions saved within the same 10 seconds
        assertThat(app.autosave(id, 1, "choice", "1").status()).isEqualTo(200);
        assertThat(app.autosave(id, 2, "choice", "0").status()).isEqualTo(200);
        assertThat(app.autosave(id, 3, "response", "6").status()).isEqualTo(200);
        assertThat(app.autosave(id, 4, "response", "3600").status()).isEqualTo(200);
        assertThat(app.post("/attempts/" + id + "/signals", "type", "FOCUS_LOST", "slot", "1", "amount", "4000").status()).isEqualTo(204);
        assertThat(app.post("/attempts/" + id + "/signals", "type", "PASTE", "slot", "3", "amount", "12").status()).isEqualTo(204);
        app.post("/attempts/" + id + "/submit");
        String other = app.startAttempt("timed", "Quinn Quiet");
        app.post("/attempts/" + other + "/submit");

        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").body()).contains("3 signal(s)");
        var attempt = app.get("/review/attempts/" + id).body();
        assertThat(attempt).contains("3 signal(s) in all").contains("Bursts (answers to 4 or more questions saved within the same 10 seconds): 1")
                .contains("Pastes into answers: 1").contains("Page hidden or lost focus: 1 time(s), 4 s in all");
        var csv = app.get("/review/export.csv").body();
        int column = java.util.Arrays.asList(csv.lines().findFirst().orElseThrow().split(",")).indexOf("signals");
        assertThat(csv.lines().filter(l -> l.startsWith("Sam Signals,")).findFirst().orElseThrow().split(",")[column]).isEqualTo("3");
        assertThat(app.get("/review/compare?a=" + id + "&a=" + other).body()).contains("3 signal(s)").contains("0 signal(s)");
    }

    @Test
    void invitation_rows_and_csvs_name_the_quiz_by_its_title() {
        app.signInAs("ivy", Role.INTERVIEWER);
        app.invite("quiz", "timed", "name", "Ina Invited", "expires", "7", "extra", "0");
        var dashboard = app.get("/review").body();
        assertThat(dashboard).contains("<td data-label=\"Quiz\">Timed fixture quiz</td>").doesNotContain("<td data-label=\"Quiz\">timed</td>");
        assertThat(app.get("/review/export.csv").body()).contains("Ina Invited,Timed fixture quiz,invited");
        var bulk = app.post("/invitations/bulk", "quiz", "timed", "expires", "7", "extra", "0", "lines", "Bo Bulk");
        assertThat(bulk.body()).contains("Bo Bulk,,Timed fixture quiz,");
    }

    @Test
    void scores_are_rounded_the_same_everywhere() {
        String id = app.startAttempt("timed", "Rae Rounding"); // 1 of 11 points: 9.09...%, shown as 9%
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", "1", "action", "next");
        app.post("/attempts/" + id + "/submit");
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").body()).contains("1/11 (9%)");
        assertThat(app.get("/review/attempts/" + id).body()).contains(">9%<");
        assertThat(app.get("/review/export.csv").body()).contains("Rae Rounding,Timed fixture quiz,submitted,1,11,9,");
        assertThat(app.get("/review/compare?a=" + id).body()).contains("<td>9%</td>");
    }
}
