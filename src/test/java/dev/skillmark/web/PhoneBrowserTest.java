package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Item 11 of issue 12 (in part): staff pages at 390 px wide never scroll sideways. */
class PhoneBrowserTest extends StaffBrowser {

    @Test
    void staff_pages_fit_390_px_without_sideways_scrolling() {
        String a = finishedAttempt("Phoebe Phone with a rather long name", 1, "A token bucket in Redis");
        String b = finishedAttempt("Bo", 0, null);
        app.app.accounts().create("root", "Root", dev.skillmark.Fixtures.PASSWORD, java.util.Set.of(Role.ADMIN), "test");
        app.signInAs("helper", Role.INTERVIEWER);
        app.invite("quiz", "timed", "name", "Ina Invited", "expires", "7", "extra", "0");
        var phone = newContext(390, 800);
        var p = phone.newPage();
        page = p;
        signIn(p, "root");
        for (String path : new String[]{"/review", "/review/attempts/" + a, "/review/compare?a=" + a + "&a=" + b, "/invitations",
                "/admin/audit", "/review/regrade?quiz=timed", "/invitations/" + invitationId() + "/revoke"}) {
            p.navigate(app.url(path));
            int width = ((Number) p.evaluate("document.documentElement.scrollWidth")).intValue();
            screenshot(p, "phone" + path.replaceAll("[^a-z]+", "-") + ".png");
            assertThat(width).as(path + " at 390 px").isLessThanOrEqualTo(390);
        }
        phone.close();
    }

    private String invitationId() {
        return app.app.jdbi().withHandle(h -> h.createQuery("select id from invitation").mapTo(String.class).one());
    }
}
