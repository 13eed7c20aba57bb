package dev.skillmark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Config;
import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import dev.skillmark.attempt.Attempt;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics in Prometheus' text format, for loopback, the trusted proxies and whoever has the token, and nobody
 * else; and the series an operator watches move as candidates save and submit.
 */
class MetricsTest {

    private static final String TOKEN = "a-long-random-scrape-token";
    private static final String AUTOSAVE = "route=\"/attempts/{attempt}/q/{slot}/autosave\"";

    @TempDir
    Path dir;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private TestApp start(Set<String> from, Optional<String> token) {
        app = TestApp.start(dir, config -> config.withTrustedProxies(Set.of("127.0.0.1"))
                .withMonitoring(new Config.Monitoring("text", from, token)), List.of());
        return app;
    }

    @Test
    void metrics_are_refused_to_a_client_behind_the_proxy_unless_it_sends_the_token() {
        start(Set.of("loopback", "proxies"), Optional.of(TOKEN));
        assertThat(scrape(Optional.empty(), Optional.empty()).status()).as("loopback, which is also the proxy").isEqualTo(200);

        var stranger = scrape(Optional.of("203.0.113.9"), Optional.empty());
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body()).doesNotContain("jvm_", "skillmark_", "hikaricp_");
        assertThat(scrape(Optional.of("203.0.113.9"), Optional.of("Bearer wrong-token")).status()).isEqualTo(403);
        assertThat(scrape(Optional.of("203.0.113.9"), Optional.of(TOKEN)).status()).as("the token without Bearer").isEqualTo(403);

        var withToken = scrape(Optional.of("203.0.113.9"), Optional.of("Bearer " + TOKEN));
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(withToken.body()).contains("skillmark_attempts_in_progress");
    }

    @Test
    void with_metrics_from_nobody_even_loopback_needs_the_token_and_without_a_token_nobody_gets_in() {
        start(Set.of(), Optional.of(TOKEN));
        assertThat(scrape(Optional.empty(), Optional.empty()).status()).isEqualTo(403);
        assertThat(scrape(Optional.empty(), Optional.of("Bearer " + TOKEN)).status()).isEqualTo(200);
        app.close();

        app = TestApp.start(dir.resolve("no-token"), config -> config.withMonitoring(new Config.Monitoring("text", Set.of(),
                Optional.empty())), List.of());
        assertThat(scrape(Optional.empty(), Optional.of("Bearer ")).status()).isEqualTo(403);
    }

    @Test
    void the_series_are_there_and_an_autosave_and_a_submit_move_them() {
        start(Set.of("loopback"), Optional.empty());
        String before = metrics();
        assertThat(before).contains("skillmark_attempts_in_progress ", "skillmark_attempt_finalisations_waiting 0",
                "skillmark_sweeper_lag_seconds ", "skillmark_answer_saves_total{outcome=\"stored\"} 0",
                "skillmark_finalisations_total{how=\"submitted\"} 0", "skillmark_finalisations_total{how=\"expired\"} 0",
                "skillmark_finalisations_total{how=\"swept\"} 0", "skillmark_content_reload_failures_total 0",
                "skillmark_content_problems 0", "hikaricp_connections_active{pool=\"skillmark\"}",
                "hikaricp_connections_max{pool=\"skillmark\"} 10", "jvm_memory_used_bytes{", "jvm_threads_live_threads",
                "process_uptime_seconds");

        String id = app.startAttempt("timed", "Ada");
        assertThat(app.autosave(id, 4, "response", "3600").status()).isEqualTo(200);
        assertThat(app.autosave(id, 4, "response", "3600").status()).as("the same answer again").isEqualTo(200);
        assertThat(app.post("/attempts/" + id + "/submit").status()).isEqualTo(303);
        assertThat(app.get("/no/such/page").status()).isEqualTo(404);
        assertThat(app.get("/static/css/skillmark.css").status()).isEqualTo(200);

        String after = metrics();
        assertThat(value(after, "skillmark_answer_saves_total{outcome=\"stored\"}")).isEqualTo(1);
        assertThat(value(after, "skillmark_answer_saves_total{outcome=\"unchanged\"}")).isEqualTo(1);
        assertThat(value(after, "skillmark_finalisations_total{how=\"submitted\"}")).isEqualTo(1);
        assertThat(value(after, "http_server_requests_seconds_count{method=\"POST\"," + AUTOSAVE + ",status=\"200\"}")).isEqualTo(2);
        assertThat(value(after, "http_server_requests_seconds_bucket{method=\"POST\"," + AUTOSAVE + ",status=\"200\",le=\"+Inf\"}"))
                .as("a latency histogram by route").isEqualTo(2);
        assertThat(after).contains("http_server_requests_seconds_bucket{method=\"POST\"," + AUTOSAVE + ",status=\"200\",le=\"0.1\"}");
        assertThat(after).as("routes, never paths: a path holds the attempt id").doesNotContain(id, "/no/such/page", "skillmark.css");
        assertThat(value(after, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}")).isEqualTo(1);
        assertThat(value(after, "http_server_requests_seconds_count{method=\"POST\",route=\"/attempts/{attempt}/submit\",status=\"303\"}"))
                .as("a submit answers once its commit is done, and is timed to then").isEqualTo(1);
        assertThat(value(after, "skillmark_attempt_finalisations_waiting")).isZero();
        assertThat(value(after, "http_server_requests_seconds_count{method=\"GET\",route=\"/static/*\",status=\"200\"}")).isEqualTo(1);
    }

    @Test
    void open_attempts_and_the_sweepers_lag_are_read_every_few_seconds_and_each_finalisation_is_counted_by_how() {
        start(Set.of("loopback"), Optional.empty());
        assertThat(value(metrics(), "skillmark_attempts_in_progress")).isZero();
        String ada = app.startAttempt("timed", "Ada");
        String bea = app.startAttempt("timed", "Bea");
        assertThat(value(metrics(), "skillmark_attempts_in_progress")).as("read a moment ago").isZero();
        app.clock.advance(Metrics.GAUGE_FRESHNESS);
        assertThat(value(metrics(), "skillmark_attempts_in_progress")).isEqualTo(2);

        // both ten-minute attempts are a minute past their deadline and grace; Bea comes back, Ada does not
        app.clock.advance(Duration.ofMinutes(10).plus(app.app.attempts().grace()).plusSeconds(55));
        assertThat(app.get("/attempts/" + bea + "/q/1").status()).isEqualTo(303);
        String overdue = metrics();
        assertThat(value(overdue, "skillmark_attempts_in_progress")).isEqualTo(1);
        assertThat(value(overdue, "skillmark_sweeper_lag_seconds")).isEqualTo(60);
        assertThat(value(overdue, "skillmark_finalisations_total{how=\"expired\"}")).isEqualTo(1);

        assertThat(app.app.attempts().expireOverdue()).isEqualTo(1); // the sweeper's round
        app.clock.advance(Metrics.GAUGE_FRESHNESS);
        String caughtUp = metrics();
        assertThat(value(caughtUp, "skillmark_sweeper_lag_seconds")).isZero();
        assertThat(value(caughtUp, "skillmark_attempts_in_progress")).isZero();
        assertThat(value(caughtUp, "skillmark_finalisations_total{how=\"swept\"}")).isEqualTo(1);
        assertThat(app.attemptStatus(ada)).isEqualTo(Attempt.Status.EXPIRED);
    }

    private String metrics() {
        var reply = scrape(Optional.empty(), Optional.empty());
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private HttpSession.Reply scrape(Optional<String> forwardedFor, Optional<String> authorization) {
        var request = HttpRequest.newBuilder(URI.create(app.url("/metrics"))).GET();
        forwardedFor.ifPresent(a -> request.header("X-Forwarded-For", a));
        authorization.ifPresent(a -> request.header("Authorization", a));
        return app.send(request.build());
    }

    /** The value of one series, as Prometheus would read it from the text. */
    static double value(String text, String series) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("series " + series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
