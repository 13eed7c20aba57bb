package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the features declare, for every role and for someone signed out: only what the route's
 * roles allow is served, everything else is 403 (or, signed out, a redirect to sign-in), never a 5xx,
 * and never a candidate's data. The routes come from the server's own table, so a new one can't be missed.
 */
class AccessControlTest {

    private static final String SECRET_NAME = "Zed Secretcandidate";
    /** Paths under these prefixes belong to staff: a route there that declares no role is a hole. */
    private static final List<String> STAFF_PREFIXES = List.of("/review", "/invitations", "/content", "/trainer", "/admin", "/account", "/outbox");

    @TempDir
    static Path dir;
    private static TestApp app;
    private static String attemptId;
    private static Map<String, String> pathValues;
    private static final List<HttpSession> sessions = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        var interviewer = session();
        interviewer.signIn(app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
        var invited = interviewer.postAndFollow("/invitations", "quiz", "timed", "name", SECRET_NAME, "expires", "7", "extra", "0");
        Matcher m = Pattern.compile("(/i/[A-Za-z0-9_-]{43})").matcher(invited.body());
        assertThat(m.find()).isTrue();
        String link = m.group(1);
        var candidate = session();
        candidate.get(link);
        attemptId = candidate.post(link + "/start").location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
        candidate.post("/attempts/" + attemptId + "/submit");
        // the target of the admin's role change is a user nobody else signs in as
        long bystander = app.app.accounts().create("bystander", "Bystander", Fixtures.PASSWORD, Set.of(Role.TRAINER), "test").id();
        pathValues = Map.of("attempt", attemptId, "slot", "6", "bank", "alpha", "quiz", "timed",
                "id", app.app.attempts().attempt(attemptId).invitationId(), "token", link.substring(3),
                "user", String.valueOf(bystander));
    }

    @AfterAll
    static void stop() {
        sessions.forEach(HttpSession::close);
        app.close();
    }

    @Test
    void every_staff_path_declares_a_role_where_it_is_registered() {
        assertThat(app.app.routes()).isNotEmpty();
        for (var route : app.app.routes()) {
            boolean staffPath = STAFF_PREFIXES.stream().anyMatch(p -> route.path().equals(p) || route.path().startsWith(p + "/"));
            assertThat(route.roles().isEmpty()).as(route.method() + " " + route.path() + " declares no role").isEqualTo(!staffPath);
        }
    }

    @Test
    void every_route_with_roles_serves_only_the_roles_it_allows_and_never_fails() {
        var callers = new ArrayList<Caller>();
        callers.add(new Caller("signed out", null, session()));
        for (Role role : Role.values()) {
            var session = session();
            session.signIn(app.app.accounts().create("as-" + role.name().toLowerCase(), "As " + role.label(), Fixtures.PASSWORD,
                    Set.of(role), "test"));
            callers.add(new Caller(role.name(), role, session));
        }
        var soft = new SoftAssertions();
        var protectedRoutes = app.app.routes().stream().filter(r -> !r.roles().isEmpty()).toList();
        assertThat(protectedRoutes).hasSizeGreaterThan(20);
        for (var route : protectedRoutes) {
            String path = concrete(route.path());
            for (var caller : callers) {
                var reply = route.method() == HandlerType.GET ? caller.session().get(path)
                        : caller.session().post(path, "points", "abc", "quiz", "nosuch");
                boolean allowed = caller.role() == Role.ADMIN || route.roles().contains(caller.role());
                String what = caller.name() + " " + route.method() + " " + path + " -> " + reply.status();
                soft.assertThat(reply.status()).as(what).isLessThan(500);
                // a colleague's invitation is refused by ownership, not by role (tested in InvitationOwnershipTest)
                boolean ownership = caller.role() == Role.INTERVIEWER && route.path().matches("/invitations/\\{id}/(revoke|reissue)")
                        && reply.body().contains("belongs to ivy");
                if (allowed && !ownership) {
                    soft.assertThat(reply.status()).as(what).isNotIn(401, 403);
                    soft.assertThat(reply.location()).as(what).doesNotStartWith("/sign-in");
                } else {
                    if (caller.role() == null && route.method() == HandlerType.GET) {
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
        var trainer = session();
        trainer.signIn(app.app.accounts().create("tess", "Tess", Fixtures.PASSWORD, Set.of(Role.TRAINER), "test"));
        for (String path : List.of("/", "/content", "/review", "/review/attempts/" + attemptId, "/admin/audit",
                "/trainer/stats", "/trainer/stats/alpha", "/trainer/banks/alpha?keys=1")) {
            assertThat(trainer.get(path).body()).as(path).doesNotContain(SECRET_NAME);
        }
    }

    @Test
    void a_candidate_sees_their_result_through_their_own_link_only() {
        var stranger = session();
        assertThat(stranger.get("/review/attempts/" + attemptId).location()).startsWith("/sign-in");
        String guessed = attemptId.substring(0, 31) + (attemptId.endsWith("A") ? "B" : "A");
        assertThat(stranger.get("/attempts/" + guessed + "/result").status()).isEqualTo(404);
    }

    /** Fills a route's path parameters with values that exist, so the handler really runs. */
    private static String concrete(String path) {
        var m = Pattern.compile("\\{(\\w+)}").matcher(path);
        var out = new StringBuilder();
        while (m.find()) {
            String name = path.startsWith("/admin/users/") && m.group(1).equals("id") ? "user" : m.group(1);
            assertThat(pathValues).as("a value for {" + m.group(1) + "} in " + path).containsKey(name);
            m.appendReplacement(out, pathValues.get(name));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static HttpSession session() {
        var session = new HttpSession(app.app.port());
        sessions.add(session);
        return session;
    }

    record Caller(String name, Role role, HttpSession session) {
    }
}
