package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Config;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.Skillmark;
import dev.skillmark.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SKILLMARK_SECURE_COOKIES=true every cookie is Secure and every response carries HSTS; every
 * response, Jetty's own error pages included, carries the security headers.
 */
class TransportTest {

    @TempDir
    static Path dir;
    static Skillmark app;

    @BeforeAll
    static void start() {
        var content = Fixtures.content("content", dir.resolve("content"));
        var config = Config.fromEnvironment(Map.of("SKILLMARK_PORT", "0", "SKILLMARK_DATA_DIR", dir.resolve("data").toString(),
                "SKILLMARK_CONTENT_DIR", content.toString(), "SKILLMARK_SECURE_COOKIES", "true"));
        app = Skillmark.start(config, new TestClock(), Fixtures.seeds(), List.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void every_cookie_is_secure_and_every_response_carries_hsts() {
        var user = app.accounts().create("ada", "Ada", Fixtures.PASSWORD, Set.of(Role.ADMIN), "test");
        // java.net's cookie store keeps Secure cookies off plain http, so this browser carries them by hand
        var browser = new Browser();
        var replies = new ArrayList<HttpSession.Reply>();
        replies.add(browser.get("/"));
        replies.add(browser.get("/sign-in"));
        replies.add(browser.post("/sign-in", "username=ada&password=" + HttpSession.enc(Fixtures.PASSWORD)));
        replies.add(browser.post("/admin/settings", "publicPractice=on"));
        replies.add(browser.get("/quizzes/timed"));
        replies.add(browser.post("/quizzes/timed/start", "name=Cora"));
        replies.add(browser.get(replies.get(replies.size() - 1).location()));
        replies.add(browser.get("/no/such/page"));
        replies.add(browser.get("/static/css/skillmark.css"));
        replies.add(browser.send("/admin/settings", "csrf=forged"));
        replies.add(browser.post("/sign-out", ""));
        assertThat(replies.get(2).status()).isEqualTo(303);
        assertThat(replies.get(5).status()).isEqualTo(303);
        var soft = new SoftAssertions();
        int cookies = 0;
        var names = new java.util.HashSet<String>();
        for (var reply : replies) {
            String hsts = reply.header("Strict-Transport-Security");
            var m = Pattern.compile("max-age=(\\d+)").matcher(hsts);
            soft.assertThat(m.find() && Long.parseLong(m.group(1)) >= 31_536_000).as(reply.status() + " HSTS: " + hsts).isTrue();
            for (String cookie : reply.headers().allValues("Set-Cookie")) {
                cookies++;
                names.add(cookie.substring(0, cookie.indexOf('=')));
                soft.assertThat(cookie).as("cookie").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
            }
        }
        soft.assertAll();
        assertThat(cookies).isGreaterThanOrEqualTo(3);
        assertThat(names).contains("skillmark_browser", "skillmark_session", "skillmark_attempt");
        assertThat(user.id()).isPositive();
    }

    @Test
    void jettys_own_error_pages_carry_the_security_headers() throws IOException {
        String huge = "X-Big: " + "a".repeat(64 * 1024) + "\r\n";
        var requests = Map.of(
                "GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400,
                "NOT A REQUEST LINE\r\n\r\n", 400,
                "GET / HTTP/1.1\r\nHost: x\r\n" + huge + "\r\n", 431,
                "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        var soft = new SoftAssertions();
        for (var request : requests.entrySet()) {
            String response = raw(request.getKey());
            String head = response.contains("\r\n\r\n") ? response.substring(0, response.indexOf("\r\n\r\n")) : response;
            String what = request.getValue() + " for " + request.getKey().substring(0, Math.min(30, request.getKey().length()));
            soft.assertThat(head).as(what).startsWith("HTTP/1.1 " + request.getValue());
            soft.assertThat(head).as(what).containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY")
                    .containsIgnoringCase("Referrer-Policy: no-referrer").containsIgnoringCase("Strict-Transport-Security: max-age=");
            soft.assertThat(response).as(what).doesNotContain("Jetty").doesNotContain("Caused by");
        }
        soft.assertAll();
    }

    /** Keeps cookies by name, whatever their attributes, and sends forms with the page's CSRF token. */
    static final class Browser {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final Map<String, String> jar = new java.util.LinkedHashMap<>();

        HttpSession.Reply get(String path) {
            return exchange(java.net.http.HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpSession.Reply post(String path, String form) {
            var m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/sign-in").body());
            assertThat(m.find()).isTrue();
            return send(path, "csrf=" + m.group(1) + (form.isEmpty() ? "" : "&" + form));
        }

        HttpSession.Reply send(String path, String body) {
            return exchange(java.net.http.HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        }

        private java.net.URI uri(String path) {
            return java.net.URI.create("http://127.0.0.1:" + app.port() + path);
        }

        private HttpSession.Reply exchange(java.net.http.HttpRequest.Builder request) {
            if (!jar.isEmpty()) {
                request.header("Cookie", String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            try {
                var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    String pair = cookie.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                        jar.remove(name);
                    } else {
                        jar.put(name, value);
                    }
                }
                return new HttpSession.Reply(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException e) {
            return "reset: " + e.getMessage();
        }
    }
}
