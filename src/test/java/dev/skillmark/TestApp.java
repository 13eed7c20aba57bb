package dev.skillmark;

import dev.skillmark.web.Routes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real application for integration tests: H2 file database in a temp folder, fixture content,
 * a test clock, a real server on port 0, and an HTTP client that keeps cookies like a browser.
 */
public final class TestApp implements AutoCloseable {

    public final Path dir;
    public final TestClock clock = new TestClock();
    public final Skillmark app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public String location() {
            return header("Location");
        }
    }

    private TestApp(Path dir, List<Routes> extra) {
        this.dir = dir;
        var config = Config.forFolder(dir.resolve("data"), Fixtures.content("content", dir.resolve("content")));
        this.app = Skillmark.start(config, clock, extra);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static TestApp start(Path dir) {
        return new TestApp(dir, List.of());
    }

    public static TestApp start(Path dir, List<Routes> extra) {
        return new TestApp(dir, extra);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** A form post with this client's CSRF token added, as the page's form would send it. */
    public Reply post(String path, String... pairs) {
        var form = new ArrayList<String>(List.of(pairs));
        form.add(0, csrf());
        form.add(0, "csrf");
        return postRaw(path, form.toArray(String[]::new));
    }

    public Reply postRaw(String path, String... pairs) {
        var body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    public Reply autosave(String attemptId, int slot, int seq, String... pairs) {
        var form = new ArrayList<String>(List.of("seq", String.valueOf(seq)));
        form.addAll(List.of(pairs));
        var body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(enc(form.get(i))).append('=').append(enc(form.get(i + 1)));
        }
        return send(HttpRequest.newBuilder(URI.create(url("/attempts/" + attemptId + "/q/" + slot + "/autosave")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Starts an attempt through the start page's form; returns the attempt id. */
    public String startAttempt(String quiz, String name) {
        get("/quizzes/" + quiz);
        var reply = post("/quizzes/" + quiz + "/start", "name", name);
        if (reply.status() != 303) {
            throw new IllegalStateException("start failed: " + reply.status() + " " + reply.body());
        }
        return reply.location().replaceAll("^/attempts/([^/]+)/q/1$", "$1");
    }

    public String attemptStatus(String attemptId) {
        return app.attempts().attempt(attemptId).status();
    }

    public String csrf() {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("skillmark_csrf"))) {
            get("/");
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("skillmark_csrf"))
                .findFirst().orElseThrow().getValue();
    }

    public Reply send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        app.close();
    }
}
