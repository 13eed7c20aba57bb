package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * However malformed a request is, the answer is never a 5xx, and it carries the security headers, Jetty's
 * own error answers included. Requests are written byte by byte on a raw socket, so nothing a client
 * library would tidy up is tidied.
 */
class MalformedRequestsTest extends AppTest {

    /** One request: what it is, and how to build its bytes from the attempt id and a valid CSRF cookie + token. */
    record Case(String name, Function<Context, byte[]> request) {
    }

    record Context(String attempt, String cookie, String token) {
    }

    @Test
    void no_malformed_request_gets_a_5xx_and_every_answer_carries_the_security_headers() throws Exception {
        String attempt = app.startAttempt("timed", "Ada");
        app.get("/attempts/" + attempt + "/q/1");
        var context = new Context(attempt, app.cookieHeader(), app.csrf());
        var soft = new SoftAssertions();
        var cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        for (var c : cases) {
            var reply = send(c.request().apply(context));
            String what = c.name() + " -> " + reply.status();
            soft.assertThat(reply.status()).as(what).isBetween(100, 499);
            soft.assertThat(reply.header("content-security-policy")).as(what + ": CSP").contains("frame-ancestors 'none'");
            soft.assertThat(reply.header("x-content-type-options")).as(what + ": nosniff").isEqualTo("nosniff");
            if (reply.status() >= 400 && reply.header("content-type").startsWith("text/html")) {
                soft.assertThat(reply.body()).as(what + ": a readable page").contains("<h1");
            }
        }
        soft.assertAll();
        // and the server still serves
        assertThat(app.get("/attempts/" + attempt + "/q/1").status()).isEqualTo(200);
    }

    private static List<Case> cases() {
        var cases = new ArrayList<Case>();
        String form = "application/x-www-form-urlencoded";
        cases.add(post("an unknown form charset", form + "; charset=no-such-charset", c -> "name=Ada"));
        cases.add(post("a charset that is not a charset name", form + "; charset=\"\u00ff\"", c -> "name=Ada"));
        cases.add(post("a broken multipart body", "multipart/form-data; boundary=xyz", c -> "--xyz\r\ngarbage without end"));
        cases.add(post("multipart with no boundary", "multipart/form-data", c -> "--\r\n\r\n"));
        cases.add(post("multipart that never closes", "multipart/form-data; boundary=b",
                c -> "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + c.token() + "\r\n--b\r\nContent-Disposition: form-data; name=\"x\""));
        cases.add(raw("HTTP/9.9", c -> "GET / HTTP/9.9\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("HTTP/0.9 style request line", c -> "GET /\r\n\r\n"));
        cases.add(raw("HTTP/1.1 with no Host", c -> "GET / HTTP/1.1\r\n\r\n"));
        cases.add(raw("two Host headers", c -> "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
        cases.add(raw("a request line of garbage", c -> "\u0001\u0002\u0003 nonsense\r\n\r\n"));
        cases.add(raw("an unknown method", c -> "BREW / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("TRACE", c -> "TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("an absolute URI to another host", c -> "GET http://elsewhere.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("invalid UTF-8 in the path", c -> "GET /attempts/%C3%28/q/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a bad percent-encoding in the path", c -> "GET /attempts/%zz/q/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a bad percent-encoding in the query", c -> "GET /review?q=%zz&status=%% HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a NUL in the path", c -> "GET /attempts/a%00b/q/1 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a path that climbs out", c -> "GET /static/../../pom.xml HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a 100 kB URL", c -> "GET /?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        cases.add(raw("a 64 kB header", c -> "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(65_536) + "\r\n\r\n"));
        cases.add(raw("5,000 headers", c -> {
            var s = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
            for (int i = 0; i < 5_000; i++) {
                s.append("X-H").append(i).append(": v\r\n");
            }
            return s.append("\r\n").toString();
        }));
        cases.add(raw("a header without a colon", c -> "GET / HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n\r\n"));
        cases.add(raw("a cookie of junk", c -> "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: \u0001=\u0002; ;;==\r\n\r\n"));
        cases.add(raw("an unknown transfer encoding", c -> "POST /quizzes/timed/start HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: gzip, chunked\r\nContent-Type: " + form + "\r\n\r\n0\r\n\r\n"));
        cases.add(raw("broken chunked encoding", c -> "POST /quizzes/timed/start HTTP/1.1\r\nHost: localhost\r\nCookie: " + c.cookie()
                + "\r\nTransfer-Encoding: chunked\r\nContent-Type: " + form + "\r\n\r\nzz\r\nname=Ada\r\n0\r\n\r\n"));
        cases.add(raw("Content-Length and chunked together", c -> "POST /quizzes/timed/start HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        cases.add(raw("a negative Content-Length", c -> "POST /quizzes/timed/start HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n"));
        cases.add(raw("an Expect that cannot be met", c -> "POST /quizzes/timed/start HTTP/1.1\r\nHost: localhost\r\n"
                + "Expect: teapot\r\nContent-Length: 0\r\n\r\n"));
        cases.add(raw("a bad Range on a static file", c -> "GET /static/css/skillmark.css HTTP/1.1\r\nHost: localhost\r\nRange: bytes=abc\r\n\r\n"));
        cases.add(raw("a junk If-Modified-Since", c -> "GET /static/css/skillmark.css HTTP/1.1\r\nHost: localhost\r\n"
                + "If-Modified-Since: yesterday-ish\r\n\r\n"));
        cases.add(post("invalid UTF-8 in a form body", form, c -> "csrf=" + c.token() + "&revision=0&page=p&response=%C3%28"));
        cases.add(postBytes("raw invalid UTF-8 bytes in a form body", form, c -> bytes("csrf=" + c.token() + "&revision=0&page=p&response=",
                new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}), "/attempts/%s/q/3/autosave"));
        cases.add(post("a bad percent-encoding in a form body", form, c -> "csrf=" + c.token() + "&revision=0&page=p&response=%zz%"));
        cases.add(post("a form field without a name", form, c -> "=x&&&=&csrf=" + c.token()));
        cases.add(post("100,000 fields", form, c -> "csrf=" + c.token() + "&a=1".repeat(100_000)));
        cases.add(post("a 10 MB body", form, c -> "csrf=" + c.token() + "&response=" + "x".repeat(10 * 1024 * 1024)));
        cases.add(post("JSON where a form is expected", "application/json", c -> "{\"name\": \"Ada\""));
        cases.add(post("no Content-Type at all", null, c -> "name=Ada"));
        cases.add(raw("an autosave for an attempt id of junk", c -> "POST /attempts/%3Cscript%3E/q/1/autosave HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 0\r\n\r\n"));
        cases.add(raw("a slot that is not a number", c -> "GET /attempts/" + c.attempt() + "/q/99999999999999999999 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        return cases;
    }

    /** A POST to the candidate's start form (or another path) with a valid cookie, a content type and a body. */
    private static Case post(String name, String contentType, Function<Context, String> body) {
        return postBytes(name, contentType, c -> body.apply(c).getBytes(StandardCharsets.UTF_8), "/quizzes/timed/start");
    }

    private static Case postBytes(String name, String contentType, Function<Context, byte[]> body, String pathTemplate) {
        return new Case(name, c -> {
            byte[] content = body.apply(c);
            String head = "POST " + pathTemplate.replace("%s", c.attempt()) + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + c.cookie()
                    + "\r\nX-CSRF-Token: " + c.token() + "\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + content.length + "\r\n\r\n";
            return bytes(head, content);
        });
    }

    private static Case raw(String name, Function<Context, String> request) {
        return new Case(name, c -> request.apply(c).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(String head, byte[] tail) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    record Reply(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }
    }

    /** Writes the bytes (the server may stop reading early and answer) and reads the first response. */
    private Reply send(byte[] request) throws IOException {
        try (var socket = new Socket("127.0.0.1", app.app.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server answered and closed while the body was still being sent: read what it said
            }
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            String status = headers.isEmpty() ? "" : headers.split("\r\n", 2)[0];
            var m = java.util.regex.Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(status);
            int code = m.find() ? Integer.parseInt(m.group(1)) : -1;
            return new Reply(code, headers, end < 0 ? "" : new String(text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
    }
}
