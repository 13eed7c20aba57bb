package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestApp;
import dev.skillmark.TestClock;
import dev.skillmark.TestDatabase;
import io.javalin.http.HandlerType;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Forged requests: tokens bound to the session or browser, rotated at sign-in, and cross-site POSTs refused. */
class CsrfTest {

    @TempDir
    Path dir;
    TestApp app;
    HttpSession admin;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        admin = new HttpSession(app.app.port());
        admin.signIn(app.app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_token_minted_for_another_browser_is_refused_on_every_post_route() {
        var attacker = new HttpSession(app.app.port());
        String foreign = attacker.csrf();
        var visitor = new HttpSession(app.app.port());
        var posts = app.app.routes().stream().filter(r -> r.method() == HandlerType.POST).toList();
        assertThat(posts).hasSizeGreaterThan(15);
        var soft = new SoftAssertions();
        for (var route : posts) {
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            for (var victim : List.of(admin, visitor)) {
                var reply = victim.postRaw(path, "csrf", foreign, "username", "mallory", "password", "a".repeat(20),
                        "confirm", "a".repeat(20), "roles", "ADMIN", "name", "Mallory", "quiz", "timed");
                soft.assertThat(reply.status()).as(route.method() + " " + path).isEqualTo(403);
                soft.assertThat(reply.body()).as(path).contains("did not come from Skillmark");
            }
        }
        soft.assertAll();
        assertThat(app.app.accounts().users()).extracting(u -> u.username()).doesNotContain("mallory");
    }

    @Test
    void a_planted_cookie_and_its_token_cannot_act_for_the_signed_in_admin() {
        // the attack from the report: a page on another port plants its own browser cookie and token
        var attacker = new HttpSession(app.app.port());
        String token = attacker.csrf();
        var planted = attacker.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("skillmark_browser")).findFirst().orElseThrow();
        var copy = new HttpCookie(planted.getName(), planted.getValue());
        copy.setPath("/");
        admin.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("skillmark_browser"))
                .toList().forEach(c -> admin.cookies().getCookieStore().remove(null, c));
        admin.cookies().getCookieStore().add(URI.create(admin.url("/")), copy);
        var reply = admin.postRaw("/admin/users", "csrf", token, "username", "mallory", "displayName", "M",
                "password", "a long passphrase here", "confirm", "a long passphrase here", "roles", "ADMIN");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(app.app.accounts().users()).extracting(u -> u.username()).doesNotContain("mallory");
        // the admin's own page still works with the token it is given
        assertThat(admin.post("/admin/settings").status()).isEqualTo(303);
    }

    @Test
    void signing_in_rotates_the_token() {
        var browser = new HttpSession(app.app.port());
        String before = browser.csrf();
        browser.signIn(app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
        String after = browser.csrf();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.postRaw("/sign-out", "csrf", before).status()).isEqualTo(403);
        assertThat(browser.postRaw("/sign-out", "csrf", after).status()).isEqualTo(303);
        // signed out, the staff token is dead too
        assertThat(browser.postRaw("/sign-in", "csrf", after, "username", "ivy", "password", Fixtures.PASSWORD).status())
                .isEqualTo(403);
    }

    @Test
    void cross_site_posts_are_refused_by_origin_and_sec_fetch_site() {
        String token = admin.csrf();
        String self = "http://127.0.0.1:" + app.app.port();
        assertThat(post(token, "Origin", "http://127.0.0.1:" + (app.app.port() + 1))).isEqualTo(403);
        assertThat(post(token, "Origin", "http://evil.example")).isEqualTo(403);
        assertThat(post(token, "Origin", "null")).isEqualTo(403);
        // Chromium hides the origin of our own forms (Referrer-Policy: no-referrer) but still says same-origin
        assertThat(post(token, "Origin", "null", "Sec-Fetch-Site", "same-origin")).isEqualTo(303);
        assertThat(post(token, "Sec-Fetch-Site", "cross-site")).isEqualTo(403);
        assertThat(post(token, "Sec-Fetch-Site", "same-site")).isEqualTo(403); // another port or subdomain
        assertThat(post(token, "Origin", self, "Sec-Fetch-Site", "same-origin")).isEqualTo(303);
        assertThat(post(token)).isEqualTo(303); // a client that sends neither still needs the right token
        assertThat(post("wrong", "Origin", self)).isEqualTo(403);
    }

    @Test
    void the_secret_lives_in_the_database_survives_a_restart_and_is_never_logged() {
        String token = admin.csrf();
        String secret = app.app.jdbi().withHandle(h -> h.createQuery("select secret_value from server_secret where name = 'csrf'")
                .mapTo(String.class).one());
        assertThat(secret).hasSizeGreaterThan(40);
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        app.close();
        try (var again = Skillmark.start(TestDatabase.config(dir.resolve("data"), dir.resolve("content")), new TestClock(),
                Fixtures.seeds(), List.of())) {
            var same = new HttpSession(again.port());
            admin.cookies().getCookieStore().getCookies().forEach(c -> {
                var copy = new HttpCookie(c.getName(), c.getValue());
                copy.setPath("/");
                same.cookies().getCookieStore().add(URI.create(same.url("/")), copy);
            });
            // a second instance on the same database accepts what the first one minted
            assertThat(same.postRaw("/admin/settings", "csrf", token).status()).isEqualTo(303);
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            app = TestApp.start(dir.resolve("second"));
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(secret) || e.getFormattedMessage().contains(token));
    }

    private int post(String token, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(admin.url("/admin/settings")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return admin.send(request.POST(HttpRequest.BodyPublishers.ofString("csrf=" + token)).build()).status();
    }
}
