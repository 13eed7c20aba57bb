package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard and the audit log with more rows than a page: searched, filtered, counted and paged by the database. */
class ListsHttpTest extends AppTest {

    /** 250 attempts, one hour apart from 2026-10-01 00:30 UTC: every fifth in progress, every seventh with 2 signals. */
    private static final long START = Instant.parse("2026-10-01T00:30:00Z").toEpochMilli();

    private void seed250() {
        Seeds.attempts(app.app.jdbi(), 250, new Seeds.Shape() {
            public String quiz(int n) {
                return n % 2 == 0 ? "timed" : "score-only";
            }

            public String quizTitle(int n) {
                return n % 2 == 0 ? "Timed fixture quiz" : "Score-only fixture quiz";
            }

            public String status(int n) {
                return n % 5 == 0 ? "IN_PROGRESS" : "SUBMITTED";
            }

            public long startedAt(int n) {
                return START + 3_600_000L * n;
            }

            public int focusLost(int n) {
                return n % 7 == 0 ? 2 : 0;
            }
        });
    }

    @Test
    void the_dashboard_shows_fifty_rows_a_page_with_counts_and_page_two_shows_the_next_fifty() {
        seed250();
        app.signInAs("ivy", Role.INTERVIEWER);
        var first = app.get("/review");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Showing 1–50 of 250 invitations and attempts (page 1 of 5).")
                .contains("href=\"/review?page=2\"").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        var page1 = attempts(first.body());
        assertThat(page1).hasSize(50).first().isEqualTo(Seeds.attemptId(249)); // newest first

        var second = app.get("/review?page=2");
        assertThat(second.body()).contains("Showing 51–100 of 250").contains("rel=\"prev\"").contains("aria-current=\"page\">2<");
        var page2 = attempts(second.body());
        assertThat(page2).hasSize(50).doesNotContainAnyElementsOf(page1).first().isEqualTo(Seeds.attemptId(199));

        var last = app.get("/review?page=5");
        assertThat(last.body()).contains("Showing 201–250 of 250").doesNotContain("rel=\"next\"");
        var all = new LinkedHashSet<String>();
        for (int p = 1; p <= 5; p++) {
            all.addAll(attempts(app.get("/review?sort=name&dir=asc&page=" + p).body()));
        }
        assertThat(all).hasSize(250); // no row on two pages, none skipped
    }

    /**
     * Every sort, both ways, over attempts, invitations taken and invitations not yet used: read ten rows a page,
     * the pages hold the same rows in the same order as when read 200 a page, each row once. A dashboard page is
     * the merge of two sorted, limited SELECTs, and a page past the first once came back empty (an H2 bug with
     * bound limits), so every page of every order is compared.
     */
    @Test
    void every_sort_pages_through_attempts_and_invitations_without_losing_or_repeating_a_row() {
        seed250();
        Seeds.invitations(app.app.jdbi(), 40, START + 1_800_000L, 10); // 10 taken by attempts 0-9, 30 not yet used
        app.signInAs("ivy", Role.INTERVIEWER);
        assertThat(app.get("/review").body()).contains("of 280 invitations and attempts");
        for (String sort : dev.skillmark.review.Reviews.SORTS) {
            for (String dir : List.of("asc", "desc")) {
                var small = new ArrayList<String>();
                for (int p = 1; p <= 28; p++) {
                    small.addAll(rowNames(app.get("/review?sort=" + sort + "&dir=" + dir + "&size=10&page=" + p).body()));
                }
                var large = new ArrayList<String>();
                for (int p = 1; p <= 2; p++) {
                    large.addAll(rowNames(app.get("/review?sort=" + sort + "&dir=" + dir + "&size=200&page=" + p).body()));
                }
                assertThat(small).as(sort + " " + dir).hasSize(280).doesNotHaveDuplicates().isEqualTo(large);
                assertThat(small).as(sort + " " + dir).filteredOn(n -> n.startsWith("Invitee")).hasSize(30);
            }
        }
    }

    @Test
    void a_headings_first_click_lists_most_first_where_that_is_what_an_interviewer_wants_and_a_second_reverses() {
        app.signInAs("ivy", Role.INTERVIEWER);
        var byDate = app.get("/review").body(); // newest first by default
        assertThat(byDate).contains("href=\"/review?sort=name&amp;dir=asc\"").contains("href=\"/review?sort=signals&amp;dir=desc\"")
                .contains("href=\"/review?sort=score&amp;dir=desc\"").contains("href=\"/review?sort=date&amp;dir=asc\"");
        var bySignals = app.get("/review?sort=signals").body();
        assertThat(bySignals).contains("href=\"/review?sort=signals&amp;dir=asc\"").contains("aria-sort=\"descending\"");
        assertThat(app.get("/review?sort=signals&dir=asc").body()).contains("href=\"/review?sort=signals&amp;dir=desc\"");
    }

    @Test
    void search_covers_names_emails_and_quiz_titles_and_every_link_keeps_the_filters() {
        seed250();
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/invitations", "quiz", "timed", "name", "Edna Invited", "email", "edna@example.org", "expires", "7", "extra", "0");

        assertThat(app.get("/review?q=cand+001").body()).contains("Showing 1–10 of 10 invitations"); // Cand 0010 to 0019
        assertThat(app.get("/review?q=EXAMPLE.org").body()).contains("of 1 invitation or attempt").contains("Edna Invited");
        assertThat(app.get("/review?q=score-only+fixture").body()).contains("of 125 invitations");
        assertThat(app.get("/review?q=timed+fixture").body()).contains("of 126 invitations"); // the unused invitation too
        assertThat(app.get("/review?q=100%25").body()).contains("No invitations or attempts match."); // % is no wildcard

        var filtered = app.get("/review?q=cand&quiz=timed&status=submitted&sort=name&dir=asc");
        // 125 on timed, of which the 25 with n % 10 == 0 are in progress
        assertThat(filtered.body()).contains("Showing 1–50 of 100 invitations and attempts (page 1 of 2).");
        String next = href(filtered.body(), "rel=\"next\"");
        assertThat(next).contains("q=cand").contains("quiz=timed").contains("status=submitted").contains("sort=name")
                .contains("dir=asc").contains("page=2");
        assertThat(app.get(next.replace("&amp;", "&")).body()).contains("Showing 51–100 of 100");
        assertThat(filtered.body()).contains("href=\"/review/export.csv?q=cand&amp;quiz=timed&amp;status=submitted&amp;sort=name&amp;dir=asc\"");
        assertThat(filtered.body()).contains("name=\"q\" value=\"cand\"");
    }

    @Test
    void the_csv_holds_every_filtered_row_of_every_page_with_the_same_signals() {
        seed250();
        app.signInAs("ivy", Role.INTERVIEWER);
        var csv = app.get("/review/export.csv?status=submitted&page=3&size=10").body().strip().split("\r?\n");
        assertThat(csv).hasSize(1 + 200);
        assertThat(csv[0]).startsWith("candidate,quiz,status");
        assertThat(List.of(csv).subList(1, csv.length)).filteredOn(l -> l.contains("started")).isEmpty();
        assertThat(List.of(csv)).filteredOn(l -> l.startsWith("Cand 0007,")).singleElement().asString().endsWith(",2");

        var bySignals = app.get("/review?sort=signals&status=submitted").body();
        // 28 submitted attempts have signals (n a multiple of 7, not of 5); they come first, then the rest by name
        assertThat(bySignals).contains("Showing 1–50 of 200");
        assertThat(bySignals.split(">2 signals<", -1)).hasSize(1 + 28);
        assertThat(attempts(bySignals).get(0)).isEqualTo(Seeds.attemptId(238));
        assertThat(attempts(bySignals).get(28)).isEqualTo(Seeds.attemptId(249));
        var byDate = app.get("/review?q=cand+0007").body();
        assertThat(byDate).contains("2 signals");
    }

    @Test
    void days_are_the_viewers_days_when_the_page_sends_its_time_zone() {
        seed250();
        app.signInAs("ivy", Role.INTERVIEWER);
        // Cand 0000 started 2026-10-01 00:30 UTC, which is 09:30 on 1 October in Tokyo and 20:30 on 30 September in New York
        assertThat(app.get("/review?from=2026-10-01&to=2026-10-01").body()).contains("Showing 1–24 of 24")
                .contains("From and to are whole days in UTC");
        assertThat(app.get("/review?from=2026-10-01&to=2026-10-01&tz=Asia/Tokyo").body()).contains("of 15 invitations")
                .contains("From and to are whole days in Asia/Tokyo time.");
        // 20:30 to 23:30 on 30 September in New York: the first four
        var ny = app.get("/review?from=2026-09-30&to=2026-09-30&tz=America/New_York&page=1").body();
        assertThat(ny).contains("Showing 1–4 of 4 invitations and attempts.").contains(Seeds.name(3)).doesNotContain(Seeds.name(4));
        assertThat(app.get("/review?from=2026-10-01&to=2026-10-01&tz=Not/AZone").body()).contains("of 24 invitations");
    }

    @Test
    void bad_query_parameters_are_clamped_or_said_beside_their_box_and_never_fail() {
        seed250();
        app.signInAs("ivy", Role.INTERVIEWER);
        for (String q : List.of("page=-1", "page=abc", "page=", "page=1e9", "size=-5", "size=x", "dir=sideways", "sort=drop+table",
                "tz=Mars%2FOlympus", "tz=" + "x".repeat(100))) {
            var reply = app.get("/review?" + q);
            assertThat(reply.status()).as(q).isEqualTo(200);
            assertThat(reply.body()).as(q).contains("Showing 1–");
        }
        assertThat(app.get("/review?quiz=%27%3B--&q=%25_%21").body()).contains("Nothing matches.");
        assertThat(app.get("/review?page=999999").body()).contains("Showing 201–250 of 250").contains("(page 5 of 5)");
        assertThat(app.get("/review?size=100000").body()).contains("Showing 1–200 of 250 invitations and attempts (page 1 of 2).");
        assertThat(app.get("/review?size=1").body()).contains("Showing 1–10 of 250");

        var status = app.get("/review?status=bogus");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body()).contains("id=\"status-error\"").contains("Choose a status from the list.").contains("of 250 invitations");
        var dates = app.get("/review?from=2026-13-45&to=31.12.2026");
        assertThat(dates.status()).isEqualTo(400);
        assertThat(dates.body()).contains("id=\"from-error\"").contains("id=\"to-error\"").contains("value=\"2026-13-45\"");
        var backwards = app.get("/review?from=2026-10-05&to=2026-10-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("The last day is before the first day.");
        assertThat(app.get("/review?q=" + "x".repeat(300)).status()).isEqualTo(400);
        assertThat(app.get("/review/export.csv?page=-1&size=abc&status=bogus&from=nope").status()).isEqualTo(200);
        for (String q : List.of("page=-1", "page=abc", "page=999999", "size=100000", "from=2026-02-30", "actor=nobody", "action=%00")) {
            assertThat(app.get("/admin/audit?" + q).status()).as(q).isIn(403, 400, 200); // an interviewer may not look
        }
    }

    @Test
    void the_audit_log_filters_by_who_what_text_and_days_and_pages_with_counts() {
        app.signInAs("root", Role.ADMIN);
        int own = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Integer.class).one());
        // 300 entries a minute apart from 2026-10-01 00:00 UTC: ivy, root, tom in turn; four actions in turn;
        // root's own entries (created, signed in) are newer, on the test clock's day
        Seeds.auditEntries(app.app.jdbi(), 300, Instant.parse("2026-10-01T00:00:00Z").toEpochMilli());
        int total = 300 + own;
        var first = app.get("/admin/audit");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Showing 1–50 of " + total + " events (page 1 of 7). Newest first.")
                .contains("href=\"/admin/audit?page=2\"");
        assertThat(app.get("/admin/audit?page=2").body()).contains("Showing 51–100 of " + total)
                .contains("entry " + (249 + own) + "<").doesNotContain("entry " + (250 + own) + "<");

        var ivy = app.get("/admin/audit?actor=ivy&action=sign-in");
        assertThat(ivy.body()).contains("of 25 events") // n % 12 == 0
                .contains("<option value=\"ivy\" selected=\"selected\">ivy</option>");
        assertThat(app.get("/admin/audit?actor=tom&size=25").body()).contains("Showing 1–25 of 100 events (page 1 of 4)")
                .contains("href=\"/admin/audit?actor=tom&amp;size=25&amp;page=2\"");
        assertThat(app.get("/admin/audit?q=ENTRY+29").body()).contains("of 11 events"); // 29 and 290 to 299
        assertThat(app.get("/admin/audit?q=" + Seeds.attemptId(7)).body()).contains("of 1 event.");
        // 2026-10-01 00:00 to 04:59 UTC is 09:00 to 13:59 on 1 October in Tokyo and 20:00 to 00:59 in New York
        assertThat(app.get("/admin/audit?from=2026-10-01&to=2026-10-01&tz=Asia/Tokyo").body()).contains("of 300 events");
        assertThat(app.get("/admin/audit?from=2026-09-30&to=2026-09-30&tz=America/New_York").body()).contains("of 240 events");
        assertThat(app.get("/admin/audit?from=2026-10-01&to=2026-10-01").body()).contains("of 300 events");
        assertThat(app.get("/admin/audit?from=2026-10-02").body()).contains("of " + own + " events.");
        var bad = app.get("/admin/audit?from=soon&page=abc&size=100000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"from-error\"").contains("Showing 1–200 of " + total + " events");
        assertThat(app.get("/admin/audit?page=999999").body()).contains("Showing 301–" + total + " of " + total + " events (page 7 of 7)");
    }

    /** The attempts a dashboard page links to, in its order. */
    /** The names of the rows of a dashboard page, attempts and invitations alike, in order. */
    private static List<String> rowNames(String body) {
        var m = Pattern.compile("<th scope=\"row\">\\s*(?:<a [^>]*>([^<]+)</a>)?\\s*(?:<span>([^<]+)</span>)?").matcher(body);
        var names = new ArrayList<String>();
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    private static List<String> attempts(String body) {
        var m = Pattern.compile("<th scope=\"row\"><a href=\"/review/attempts/([^\"]+)\"").matcher(body);
        var ids = new ArrayList<String>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String href(String body, String marker) {
        var m = Pattern.compile("<a [^>]*" + Pattern.quote(marker) + "[^>]*href=\"([^\"]+)\"|<a [^>]*href=\"([^\"]+)\"[^>]*"
                + Pattern.quote(marker)).matcher(body);
        assertThat(m.find()).as(marker).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
