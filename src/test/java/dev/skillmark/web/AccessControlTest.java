package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.account.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every staff route, for every role and for someone signed out: only what the role allows is served,
 * everything else is 403 (or, signed out, a redirect to sign-in), and never a candidate's data.
 */
class AccessControlTest {

    private static final String SECRET_NAME = "Zed Secretcandidate";

    record Route(String method, String path, Role needs) {
    }

    @TempDir
    static Path dir;
    private static TestApp app;
    private static String attemptId;
    private static String invitationId;
    private static final List<HttpSession> sessions = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        var interviewer = new HttpSession(app.app.port());
        app.app.accounts().create("ivy", "Ivy", "correct horse battery", Set.of(Role.INTERVIEWER), "test");
        interviewer.get("/sign-in");
        interviewer.post("/sign-in", "username", "ivy", "password", "correct horse battery");
        var invited = interviewer.post("/invitations", "quiz", "timed", "name", SECRET_NAME, "expires", "7", "extra", "0");
        var m = Pattern.compile("(/i/[A-Za-z0-9_-]{43})").matcher(invited.body());
        assertThat(m.find()).isTrue();
        String link = m.group(1);
        var candidate = new HttpSession(app.app.port());
        candidate.get(link);
        attemptId = candidate.post(link + "/start", "name", SECRET_NAME).location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        candidate.post("/attempts/" + attemptId + "/submit");
        invitationId = app.app.attempts().attempt(attemptId).invitationId();
    }

    @AfterAll
    static void stop() {
        sessions.forEach(HttpSession::close);
        app.close();
    }

    static List<Route> staffRoutes() {
        return List.of(
                new Route("GET", "/review", Role.INTERVIEWER),
                new Route("GET", "/review/export.csv", Role.INTERVIEWER),
                new Route("GET", "/review/compare?a=" + attemptId, Role.INTERVIEWER),
                new Route("GET", "/review/regrade?quiz=timed", Role.INTERVIEWER),
                new Route("POST", "/review/regrade", Role.INTERVIEWER),
                new Route("GET", "/review/attempts/" + attemptId, Role.INTERVIEWER),
                new Route("GET", "/review/attempts/" + attemptId + "/export.csv", Role.INTERVIEWER),
                new Route("POST", "/review/attempts/" + attemptId + "/grade/6", Role.INTERVIEWER),
                new Route("POST", "/review/attempts/" + attemptId + "/note", Role.INTERVIEWER),
                new Route("GET", "/invitations", Role.INTERVIEWER),
                new Route("POST", "/invitations", Role.INTERVIEWER),
                new Route("POST", "/invitations/bulk", Role.INTERVIEWER),
                new Route("POST", "/invitations/" + invitationId + "/revoke", Role.INTERVIEWER),
                new Route("POST", "/invitations/" + invitationId + "/reissue", Role.INTERVIEWER),
                new Route("GET", "/content", Role.TRAINER),
                new Route("GET", "/trainer/banks/alpha?keys=1", Role.TRAINER),
                new Route("GET", "/trainer/quizzes/timed", Role.TRAINER),
                new Route("POST", "/trainer/quizzes/timed/try", Role.TRAINER),
                new Route("GET", "/trainer/stats", Role.TRAINER),
                new Route("GET", "/trainer/stats/alpha", Role.TRAINER),
                new Route("GET", "/admin/users", Role.ADMIN),
                new Route("POST", "/admin/users", Role.ADMIN),
                new Route("POST", "/admin/users/1/roles", Role.ADMIN),
                new Route("POST", "/admin/settings", Role.ADMIN),
                new Route("GET", "/admin/audit", Role.ADMIN));
    }

    @Test
    void every_staff_route_serves_only_the_roles_it_allows() {
        var soft = new SoftAssertions();
        var callers = new ArrayList<Caller>();
        callers.add(new Caller("signed out", null, new HttpSession(app.app.port())));
        int n = 0;
        for (Role role : Role.values()) {
            var session = new HttpSession(app.app.port());
            String name = "user" + (n++);
            app.app.accounts().create(name, name, "correct horse battery", Set.of(role), "test");
            session.get("/sign-in");
            session.post("/sign-in", "username", name, "password", "correct horse battery");
            callers.add(new Caller(role.name(), role, session));
        }
        callers.forEach(c -> sessions.add(c.session()));
        for (var route : staffRoutes()) {
            for (var caller : callers) {
                var reply = route.method().equals("GET") ? caller.session().get(route.path())
                        : caller.session().post(route.path(), "points", "abc", "quiz", "nosuch");
                boolean allowed = caller.role() == Role.ADMIN || caller.role() == route.needs();
                String what = caller.name() + " " + route.method() + " " + route.path() + " -> " + reply.status();
                if (allowed) {
                    soft.assertThat(reply.status()).as(what).isNotIn(401, 403);
                    soft.assertThat(reply.location()).as(what).doesNotStartWith("/sign-in");
                } else {
                    if (caller.role() == null && route.method().equals("GET")) {
                        soft.assertThat(reply.status()).as(what).isEqualTo(303);
                        soft.assertThat(reply.location()).as(what).startsWith("/sign-in?next=");
                    } else {
                        soft.assertThat(reply.status()).as(what).isEqualTo(403);
                    }
                    soft.assertThat(reply.body()).as(what).doesNotContain(SECRET_NAME).doesNotContain(attemptId);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void the_trainer_sees_no_candidate_names() {
        var trainer = new HttpSession(app.app.port());
        sessions.add(trainer);
        app.app.accounts().create("tess", "Tess", "correct horse battery", Set.of(Role.TRAINER), "test");
        trainer.get("/sign-in");
        trainer.post("/sign-in", "username", "tess", "password", "correct horse battery");
        for (String path : List.of("/", "/content", "/review", "/review/attempts/" + attemptId, "/admin/audit",
                "/trainer/stats", "/trainer/stats/alpha", "/trainer/banks/alpha?keys=1")) {
            assertThat(trainer.get(path).body()).as(path).doesNotContain(SECRET_NAME);
        }
    }

    @Test
    void a_candidate_sees_their_result_through_their_own_link_only() {
        try (var stranger = new HttpSession(app.app.port())) {
            assertThat(stranger.get("/review/attempts/" + attemptId).location()).startsWith("/sign-in");
            String guessed = attemptId.substring(0, 31) + (attemptId.endsWith("A") ? "B" : "A");
            assertThat(stranger.get("/attempts/" + guessed + "/result").status()).isEqualTo(404);
        }
    }

    record Caller(String name, Role role, HttpSession session) {
    }
}
