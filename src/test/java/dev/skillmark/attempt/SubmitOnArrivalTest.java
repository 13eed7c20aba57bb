package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.HttpSession;
import dev.skillmark.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submit counts from when it reached the server, even when more submits wait for their commit than the server has
 * request threads (Javalin's pool has {@value #SERVER_THREADS}): a submit waits without holding a thread, so every one
 * is read, and timed, as it arrives. Before, the ones past the pool's size waited unread in its queue, and a submit
 * sent before the deadline but read after it was "time ran out". Real server, real database, real sockets; the commit
 * is held up by a transaction that holds the first attempt's lock, as a slow disk at a shared deadline would.
 */
class SubmitOnArrivalTest {

    private static final int SERVER_THREADS = 250;
    private static final int CANDIDATES = 400;

    @TempDir
    Path dir;
    private TestApp app;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        app.close();
    }

    /** One candidate's browser: the attempt it started, its cookies and the form token its pages carry. */
    private record Browser(String attemptId, String cookies, String csrf) {
    }

    @Test
    void more_submits_than_request_threads_wait_for_a_held_up_commit_and_each_counts_from_its_arrival() throws Exception {
        var started = new ArrayList<Future<Browser>>();
        for (int c = 0; c < CANDIDATES; c++) {
            String name = "Candidate " + c;
            started.add(pool.submit(() -> {
                var session = new HttpSession(app.app.port());
                String id = session.startAttempt("timed", name);
                return new Browser(id, session.cookieHeader(), session.csrf());
            }));
        }
        var browsers = new ArrayList<Browser>();
        for (var f : started) {
            browsers.add(f.get(60, TimeUnit.SECONDS));
        }
        var attempts = app.app.attempts();
        long deadline = attempts.attempt(browsers.get(0).attemptId()).deadlineAt();
        assertThat(browsers).allSatisfy(b -> assertThat(attempts.attempt(b.attemptId()).deadlineAt()).isEqualTo(deadline));

        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        var replies = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        try (Handle holder = app.app.jdbi().open()) {
            holder.begin();
            AttemptRows.lock(holder, browsers.get(0).attemptId()).orElseThrow();
            // the first submit's commit now waits for that lock, and every later submit waits behind it
            replies.add(submit(http, browsers.get(0)));
            awaitWaiting(attempts, 1);
            for (var b : browsers.subList(1, CANDIDATES)) {
                replies.add(submit(http, b));
            }
            awaitWaiting(attempts, CANDIDATES);
            assertThat(CANDIDATES).isGreaterThan(SERVER_THREADS);
            assertThat(new HttpSession(app.app.port()).get("/").status())
                    .as("the server still answers while %d submits wait for their commit", CANDIDATES).isEqualTo(200);
            assertThat(replies).noneMatch(CompletableFuture::isDone);

            // the commit comes after the deadline, within the grace
            app.clock.advance(Duration.between(app.clock.instant(), Instant.ofEpochMilli(deadline)).plusSeconds(2));
            holder.rollback();
        }
        for (int i = 0; i < CANDIDATES; i++) {
            var reply = replies.get(i).get(60, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
            assertThat(reply.headers().firstValue("Location")).contains("/attempts/" + browsers.get(i).attemptId() + "/result");
        }
        for (var b : browsers) {
            var attempt = attempts.attempt(b.attemptId());
            assertThat(attempt.status()).as("sent and read before the deadline, committed after it").isEqualTo(Attempt.Status.SUBMITTED);
            assertThat(attempt.finishedAt()).isLessThan(attempt.deadlineAt());
        }
        assertThat(attempts.finalisationsWaiting()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> submit(HttpClient http, Browser browser) {
        var request = HttpRequest.newBuilder(URI.create(app.url("/attempts/" + browser.attemptId() + "/submit")))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", browser.cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + HttpSession.enc(browser.csrf()))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Until {@code count} submits are in: each was read and handed to the committer. */
    private static void awaitWaiting(Attempts attempts, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (attempts.finalisationsWaiting() < count) {
            if (System.nanoTime() > until) {
                throw new AssertionError("after 8 s, " + attempts.finalisationsWaiting() + " of " + count
                        + " submits were waiting for their commit: the others were not read yet");
            }
            Thread.sleep(10);
        }
    }
}
