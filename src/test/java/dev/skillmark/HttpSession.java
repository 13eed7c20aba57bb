package dev.skillmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An HTTP client that keeps cookies and sends forms the way Skillmark's pages do, CSRF token included. */
public class HttpSession implements AutoCloseable {

    private final CookieManager cookies;
    private final HttpClient http;
    private final java.util.function.IntSupplier port;

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public String location() {
            return header("Location");
        }
    }

    public HttpSession(int port) {
        this(() -> port);
    }

    HttpSession(java.util.function.IntSupplier port) {
        this.cookies = new CookieManager();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.port = port;
    }

    private HttpSession(HttpSession browser, java.util.function.IntSupplier port) {
        this.cookies = browser.cookies;
        this.http = browser.http;
        this.port = port;
    }

    /**
     * The same browser (its cookies and connections) talking to the server on {@code otherPort} of this host, as a
     * browser does behind a load balancer: cookies are per host, not per port.
     */
    public HttpSession at(int otherPort) {
        return new HttpSession(this, () -> otherPort);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port.getAsInt() + path;
    }

    /** Signs this session in as a user whose password is {@link Fixtures#PASSWORD}. */
    public void signIn(dev.skillmark.account.User user) {
        get("/sign-in");
        var reply = post("/sign-in", "username", user.username(), "password", Fixtures.PASSWORD);
        if (reply.status() != 303) {
            throw new IllegalStateException("sign-in as " + user.username() + " failed: " + reply.status());
        }
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

    /** A form post, then the page its redirect leads to, as a browser shows it (a flash message included). */
    public Reply postAndFollow(String path, String... pairs) {
        var reply = post(path, pairs);
        if (reply.status() != 303) {
            throw new IllegalStateException("POST " + path + " did not redirect: " + reply.status() + " " + reply.body());
        }
        return get(reply.location());
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

    /** An autosave from the one tab this session has open ("tab-1"), which may overwrite its own saves. */
    public Reply autosave(String attemptId, int slot, String... pairs) {
        return autosaveFrom("tab-1", 0, attemptId, slot, pairs);
    }

    /** An autosave from the page {@code page}, which showed revision {@code revision} of the answer. */
    public Reply autosaveFrom(String page, int revision, String attemptId, int slot, String... pairs) {
        var form = new ArrayList<String>(List.of("revision", String.valueOf(revision), "page", page));
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

    /** The cookies this session holds, as a Cookie header, for requests written by hand. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    }

    /**
     * The CSRF token the pages give this browser now, read from a form as a browser would (it is bound to
     * the browser and to the staff session, so it is read afresh each time, as a reloaded page would be).
     */
    public String csrf() {
        var page = get("/sign-in");
        var m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /sign-in: " + page.status());
        }
        return m.group(1);
    }

    /** The cookie store, for tests that move cookies between browsers as an attacker would. */
    public CookieManager cookies() {
        return cookies;
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


    @Override
    public void close() {
        // nothing to release: HttpClient connections close with the client
    }
}
