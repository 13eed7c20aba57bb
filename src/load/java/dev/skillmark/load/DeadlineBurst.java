package dev.skillmark.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issue 11's deadline burst: {@code -Dsubmits} candidates (default 2,000) start attempts at a quiz that closes at one
 * shared instant, the deadline of every attempt. They start over {@code -DstartWindow} seconds (default one per 50 ms,
 * at least 10 s), each loads its first question and saves an answer, then all of them submit within the last second
 * before the deadline, and each opens its result (shown only once the attempt is finalised). Goal: none lost, p99 of
 * "submit" under 2 s.
 *
 * <p>A candidate whose start came back too late for that second submits at once, under the name
 * "submit (started too late)", so the "submit" line counts only the burst.
 * {@code -Dmargin} (default 30) is how many seconds the last start has before the deadline. Against
 * {@code -Dskillmark.url}, {@code -Dskillmark.deadline=2026-12-01T19:00:00Z} names the quiz's closing time there.
 */
public final class DeadlineBurst extends Simulation {

    private static final Duration SPREAD = Duration.ofSeconds(1);

    private final int submits = Integer.getInteger("submits", 2_000);
    private final Duration startWindow = Duration.ofSeconds(Long.getLong("startWindow", Math.max(10, submits / 20)));
    private final Target target = Target.fromProperties();
    // the candidates arrive right after this; the last one has `margin` seconds to start before the deadline
    private final Instant deadline = Optional.ofNullable(System.getProperty("skillmark.deadline")).map(Instant::parse)
            .orElse(Instant.now().plus(startWindow).plusSeconds(Long.getLong("margin", 30)).truncatedTo(ChronoUnit.SECONDS));

    {
        target.closeQuizAt(deadline);
        boolean shared = Connections.shared(submits);
        System.out.printf("Deadline burst: %,d candidates start over %d s; all submit in the second before %s (%s)%n", submits,
                startWindow.toSeconds(), deadline, Connections.describe(shared));
        var candidate = scenario("deadline burst")
                .exec(Candidate.start(target.quiz))
                .exec(Candidate::nextSlot)
                .exec(Candidate.questionPage())
                .exec(Candidate.autosave())
                .exec(this::waitForTheDeadline)
                .pause(session -> session.get("wait"))
                .exec(Candidate.submitAndResult("#{submitName}"));
        setUp(candidate.injectOpen(rampUsers(submits).during(startWindow)))
                .protocols(Candidate.protocol(target, shared))
                .maxDuration(startWindow.plusMinutes(3))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("submit").responseTime().percentile(99.0).lt(2000));
    }

    /** When this candidate presses submit: a moment in the last second before the deadline, or now if that has passed. */
    private Session waitForTheDeadline(Session session) {
        var at = deadline.minus(SPREAD).plusMillis(ThreadLocalRandom.current().nextLong(SPREAD.toMillis()));
        var wait = Duration.between(Instant.now(), at);
        boolean late = wait.isNegative();
        return session.set("wait", late ? Duration.ZERO : wait).set("submitName", late ? "submit (started too late)" : "submit");
    }

    @Override
    public void after() {
        target.printOutcome();
        target.close();
    }
}
