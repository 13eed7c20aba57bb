package dev.skillmark.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a candidate's browser does, step by step, as Skillmark's pages and page script do it: open the quiz's
 * start page (an id cookie and the CSRF token bound to it), start an attempt, load a question (the token, the
 * answer's revision and the page's id come from its form), autosave as the page script does (the X-CSRF-Token
 * header, the revision the last save returned), submit, see the result.
 *
 * <p>Requests are named for the report: "start page", "start", "question page", "autosave", "submit", "result".
 */
final class Candidate {

    private Candidate() {
    }

    /**
     * Plain HTTP/1.1 as a browser sends it, no redirects followed (each step checks its own 303). With
     * {@code shared}, the virtual users share one pool of at most {@code -DmaxConnections} connections (default
     * 1,000), as behind a proxy, instead of one each: more requests in flight wait for a connection.
     */
    static HttpProtocolBuilder protocol(Target target, boolean shared) {
        var browser = http.baseUrl(target.url)
                .disableFollowRedirect()
                .disableWarmUp()
                .acceptHeader("text/html,application/xhtml+xml")
                .acceptLanguageHeader("en")
                .userAgentHeader("Mozilla/5.0 (skillmark-load; Gatling)");
        return shared ? browser.shareConnections().maxConnectionsPerHost(Integer.getInteger("maxConnections", 1_000)) : browser;
    }

    /**
     * The form fields are read with regular expressions, not CSS selectors: parsing every page into a DOM took about
     * a sixth of the 2-core machine the server shares with the load (JFR, 500-start spike), which measured the client.
     * The pages' field markup is fixed by the templates, and a check that no longer matches fails the request.
     */
    private static final String CSRF = "name=\"csrf\" value=\"([^\"]+)\"";

    /** Opens the quiz's start page, then starts an attempt under a name of its own: saves "attempt" and "csrf". */
    static ChainBuilder start(String quiz) {
        return exec(session -> session.set("name", "Load candidate " + session.userId()))
                .exec(http("start page").get("/quizzes/" + quiz)
                        .check(status().is(200), regex(CSRF).saveAs("csrf")))
                .exitHereIfFailed()
                .exec(http("start").post("/quizzes/" + quiz + "/start")
                        .formParam("csrf", "#{csrf}")
                        .formParam("name", "#{name}")
                        .check(status().is(303), headerRegex("Location", "^/attempts/([^/]+)/q/1$").saveAs("attempt")))
                .exitHereIfFailed(); // a candidate without an attempt has nothing more to do
    }

    /**
     * Loads question "slot" and keeps what its form carries: the CSRF token, the answer's revision, the page's id,
     * the options' positions (for a choice question) and how many questions the attempt has ("total").
     */
    static ChainBuilder questionPage() {
        return exec(session -> session.remove("choices").remove("page"))
                .exec(http("question page").get("/attempts/#{attempt}/q/#{slot}")
                        .check(status().is(200),
                                regex(CSRF).saveAs("csrf"),
                                regex("id=\"revision\" name=\"revision\" value=\"(\\d+)\"").saveAs("revision"),
                                regex("id=\"page\" name=\"page\" value=\"([^\"]+)\"").saveAs("page"),
                                regex("name=\"choice\" value=\"(\\d+)\"").findAll().optional().saveAs("choices"),
                                regex("Question \\d+ of (\\d+)").saveAs("total")));
    }

    /**
     * The page script's save of the shown question: a new answer each time, based on the revision it last saw.
     * Skipped when the question page failed: no page, no script.
     */
    static ChainBuilder autosave() {
        return doIf(session -> session.contains("page")).then(http("autosave").post("/attempts/#{attempt}/q/#{slot}/autosave")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", "#{csrf}")
                .body(StringBody(Candidate::autosaveBody))
                .check(status().is(200), jsonPath("$.saved").ofBoolean().is(true),
                        jsonPath("$.revision").ofInt().saveAs("revision")));
    }

    /** Submits the attempt and opens its result, which is only shown once the attempt is finalised (else a 303 to q/1). */
    static ChainBuilder submitAndResult(String submitName) {
        return exec(http(submitName).post("/attempts/#{attempt}/submit")
                .formParam("csrf", "#{csrf}")
                .check(status().is(303), headerRegex("Location", "/result$").exists()))
                .exec(http("result").get("/attempts/#{attempt}/result").check(status().is(200)));
    }

    /** The next question to look at: slots 1, 2, ... of the attempt, round and round. */
    static Session nextSlot(Session session) {
        int total = session.contains("total") ? Integer.parseInt(session.getString("total")) : 1;
        int shown = session.contains("slot") ? session.getInt("slot") : 0;
        return session.set("slot", shown % total + 1);
    }

    private static String autosaveBody(Session session) {
        var body = new StringBuilder()
                .append("csrf=").append(enc(session.getString("csrf")))
                .append("&revision=").append(String.valueOf((Object) session.get("revision")))
                .append("&page=").append(enc(session.getString("page")));
        if (session.contains("choices")) {
            List<String> choices = session.getList("choices");
            body.append("&choice=").append(enc(choices.get(ThreadLocalRandom.current().nextInt(choices.size()))));
        } else {
            // a number is a valid answer to every typed question (short, numeric, essay) and differs each time
            body.append("&response=").append(ThreadLocalRandom.current().nextInt(1_000_000));
        }
        return body.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
