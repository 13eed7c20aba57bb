package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.Config;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestClock;
import dev.skillmark.web.Role;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Invitation links come from configuration, never the Host header; invitations belong to whoever sent them. */
class InvitationOwnershipTest extends AppTest {

    @Test
    void links_use_the_default_public_url_whatever_the_host_header_says() throws IOException {
        var ivy = new HttpSession(app.app.port());
        ivy.signIn(app.app.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
        String body = rawFollow(ivy, app.app.port(), rawPost(ivy, app.app.port(), "/invitations", "quiz=timed&name=Cora&expires=7&extra=0"));
        assertThat(body).contains("200").contains("http://localhost:" + app.app.port() + "/i/").doesNotContain("evil.example");
        String csv = rawPost(ivy, app.app.port(), "/invitations/bulk", "quiz=timed&expires=7&extra=0&lines=Dan%0AEve");
        assertThat(csv).contains("http://localhost:" + app.app.port() + "/i/").doesNotContain("evil.example");
    }

    @Test
    void links_use_skillmark_public_url_when_it_is_set() throws IOException {
        var config = Config.fromEnvironment(Map.of("SKILLMARK_PORT", "0", "SKILLMARK_DATA_DIR", dir.resolve("other").toString(),
                "SKILLMARK_CONTENT_DIR", dir.resolve("content").toString(), "SKILLMARK_PUBLIC_URL", "https://quiz.example.org/"));
        try (var other = Skillmark.start(config, new TestClock(), Fixtures.seeds(), List.of())) {
            var ivy = new HttpSession(other.port());
            ivy.signIn(other.accounts().create("ivy", "Ivy", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
            String body = rawFollow(ivy, other.port(), rawPost(ivy, other.port(), "/invitations", "quiz=timed&name=Cora&expires=7&extra=0"));
            assertThat(body).contains("https://quiz.example.org/i/").doesNotContain("evil.example").doesNotContain("localhost");
        }
    }

    @Test
    void only_the_owner_or_an_admin_can_withdraw_or_reissue_an_invitation() {
        app.signInAs("ivy", Role.INTERVIEWER);
        app.post("/invitations", "quiz", "timed", "name", "Cora", "expires", "7", "extra", "0");
        String id = app.app.jdbi().withHandle(h -> h.createQuery("select id from invitation").mapTo(String.class).one());
        var colleague = new HttpSession(app.app.port());
        colleague.signIn(app.app.accounts().create("carl", "Carl", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test"));
        var refused = colleague.post("/invitations/" + id + "/reissue");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("belongs to ivy");
        assertThat(colleague.post("/invitations/" + id + "/revoke").status()).isEqualTo(403);
        assertThat(app.app.accounts().users()).isNotEmpty();
        // the owner's link still works: nothing was re-issued
        String replaces = app.app.jdbi().withHandle(h -> h.createQuery("select token_hash from invitation").mapTo(String.class).one());
        assertThat(app.postAndFollow("/invitations/" + id + "/reissue", "replaces", replaces).body()).contains("New link for Cora");
        var admin = new HttpSession(app.app.port());
        admin.signIn(app.app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test"));
        assertThat(admin.post("/invitations/" + id + "/revoke").status()).isEqualTo(303);
        assertThat(admin.get("/admin/audit").body()).contains("invitation.refused").contains("invitation.revoked");
    }

    /** A POST with a forged Host header, which java.net.http will not send. */
    private static String rawPost(HttpSession session, int port, String path, String form) throws IOException {
        String body = "csrf=" + session.csrf() + "&" + form;
        String cookies = String.join("; ", session.cookies().getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        String request = "POST " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: " + cookies + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nX-Forwarded-Host: evil.example\r\n\r\n" + body;
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Pattern.compile("^HTTP/1.1 (200|201|303)").matcher(response).find()).as(response.substring(0, 200)).isTrue();
            return response;
        }
    }

    /** The page a raw POST's redirect leads to, asked for with the same forged Host and the cookie the POST set. */
    private static String rawFollow(HttpSession session, int port, String posted) throws IOException {
        var location = Pattern.compile("(?im)^Location: (\\S+)").matcher(posted);
        var flash = Pattern.compile("(?im)^Set-Cookie: (skillmark_flash=[^;]+)").matcher(posted);
        assertThat(location.find() && flash.find()).as(posted.substring(0, Math.min(400, posted.length()))).isTrue();
        String cookies = String.join("; ", session.cookies().getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList()) + "; " + flash.group(1);
        String path = location.group(1).replaceFirst("^https?://[^/]+", "");
        String request = "GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + cookies
                + "\r\nX-Forwarded-Host: evil.example\r\n\r\n";
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
