package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import org.junit.jupiter.api.Test;

/** Item 3 of issue 12: the audit log is searched and paged on the server, with its filters in the URL. */
class AuditLogHttpTest extends AppTest {

    @Test
    void the_log_pages_by_a_hundred_and_filters_by_who_what_and_words() {
        app.signInAs("root", Role.ADMIN);
        for (int i = 0; i < 130; i++) {
            app.app.jdbi().useHandle(h -> h.execute("insert into audit_event (at, actor, action, target, detail) values (?, ?, ?, ?, ?)",
                    app.clock.millis(), "bot", "export.dashboard", "", "row 100% done"));
        }
        app.invite("quiz", "timed", "name", "Ed Example", "expires", "7", "extra", "0");

        long all = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
        long byRoot = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event where actor = 'root'")
                .mapTo(Long.class).one());
        assertThat(all).isGreaterThan(130);
        var first = app.get("/admin/audit").body();
        assertThat(first).contains("Showing 1–100 of " + all + ", newest first").contains("invitation.created")
                .contains("href=\"/admin/audit?page=2\"");
        assertThat(app.get("/admin/audit?page=2").body()).contains("Showing 101–" + all + " of " + all);
        assertThat(app.get("/admin/audit?actor=root").body()).contains("Showing 1–" + byRoot + " of " + byRoot + ",").contains("sign-in").doesNotContain("export.dashboard");
        assertThat(app.get("/admin/audit?action=invitation.").body()).contains("Showing 1–1 of 1").contains("Ed Example");
        assertThat(app.get("/admin/audit?text=100%25").body()).contains("of 130,");
        assertThat(app.get("/admin/audit?text=ed+ex&actor=root").body()).contains("Showing 1–1 of 1");
        var paged = app.get("/admin/audit?actor=bot&page=1").body();
        assertThat(paged).contains("href=\"/admin/audit?actor=bot&amp;page=2\"");
    }

    @Test
    void a_bad_date_stays_on_the_log_page_with_the_error_at_the_top() {
        app.signInAs("root", Role.ADMIN);
        var reply = app.get("/admin/audit?from=soon");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("href=\"#from\"").contains("Audit log").contains("2026-11-28");
    }
}
