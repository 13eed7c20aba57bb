package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Item 3 of issue 12: the dashboard filters, sorts and pages in the database, keeps filters in the URL and counts. */
class DashboardHttpTest extends AppTest {

    private void finished(String name, int choice) {
        String id = app.startAttempt("timed", name);
        app.post("/attempts/" + id + "/q/1", "revision", "0", "page", "tab-1", "choice", String.valueOf(choice), "action", "next");
        app.post("/attempts/" + id + "/submit");
    }

    private static List<String> names(String body) {
        var m = Pattern.compile("<th scope=\"row\" data-label=\"Name\"><a [^>]*>([^<]+)</a>|<th scope=\"row\" data-label=\"Name\">\\s*<span>([^<]+)</span>")
                .matcher(body);
        var names = new ArrayList<String>();
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    @Test
    void fifty_rows_a_page_with_counts_and_links_that_keep_the_filters() {
        for (int i = 0; i < 57; i++) {
            finished(String.format("Cand %02d", i), i % 2);
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        app.invite("quiz", "timed", "name", "Ina Invited", "expires", "7", "extra", "0");

        var first = app.get("/review").body();
        assertThat(names(first)).hasSize(50);
        assertThat(first).contains("Showing 1–50 of 58").contains("Page 1 of 2").contains("submitted (57)").contains("invited (1)");
        var second = app.get("/review?sort=name&dir=asc&page=2").body();
        assertThat(names(second)).containsExactly("Cand 50", "Cand 51", "Cand 52", "Cand 53", "Cand 54", "Cand 55", "Cand 56",
                "Ina Invited");
        assertThat(second).contains("Showing 51–58 of 58");

        var filtered = app.get("/review?q=cand+0&status=submitted&sort=name&dir=desc").body();
        assertThat(names(filtered)).containsExactly("Cand 09", "Cand 08", "Cand 07", "Cand 06", "Cand 05", "Cand 04", "Cand 03",
                "Cand 02", "Cand 01", "Cand 00");
        assertThat(filtered).contains("Showing 1–10 of 10")
                .contains("href=\"/review?q=cand+0&amp;status=submitted&amp;sort=score&amp;dir=asc\"") // sorting keeps the filters
                .contains("href=\"/review/export.csv?q=cand+0&amp;status=submitted&amp;sort=name&amp;dir=desc\"");
        assertThat(app.get("/review?page=99").body()).contains("Showing 51–58 of 58"); // past the end: the last page
    }

    @Test
    void sorting_by_score_orders_across_every_row_not_one_page() {
        finished("Low", 0);
        finished("High", 1);
        finished("Also low", 0);
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(names(app.get("/review?sort=score&dir=desc").body())).containsExactly("High", "Low", "Also low");
        assertThat(names(app.get("/review?sort=score&dir=asc").body())).containsExactly("Also low", "Low", "High");
    }

    @Test
    void the_name_search_takes_percent_and_underscore_literally() {
        finished("100% Sure", 1);
        finished("1000 Sure", 1);
        finished("a_b", 1);
        finished("axb", 1);
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(names(app.get("/review?q=100%25").body())).containsExactly("100% Sure");
        assertThat(names(app.get("/review?q=a_b").body())).containsExactly("a_b");
    }

    @Test
    void the_csv_holds_every_matching_row_not_only_one_page() {
        for (int i = 0; i < 53; i++) {
            finished("Row " + i, 1);
        }
        app.signInAs("ivy", Role.INTERVIEWER);
        var csv = app.get("/review/export.csv?q=row").body();
        assertThat(csv.lines().count()).isEqualTo(54);
    }

    @Test
    void date_filters_take_days_from_date_inputs() {
        finished("Today", 1);
        app.signInAs("ivy", Role.INTERVIEWER);
        String today = java.time.LocalDate.ofInstant(app.clock.instant(), java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        assertThat(names(app.get("/review?from=" + today + "&to=" + today).body())).containsExactly("Today");
        assertThat(names(app.get("/review?from=" + tomorrow).body())).isEmpty();
        assertThat(app.get("/review").body()).contains("type=\"date\" id=\"from\"");
    }
}
