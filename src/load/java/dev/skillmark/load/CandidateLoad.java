package dev.skillmark.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Issue 11's candidate load: {@code -Dcandidates} candidates (default 10,000) arrive over {@code -Dramp} seconds
 * (default 60), start an attempt each, then for {@code -Dduration} seconds more (default 300) every one of them loads
 * a question page every 30 s and autosaves every 10 s (three saves per page, well under the 120 saves a minute an
 * attempt may make). Goal: 0 errors, p99 under 100 ms for the question page and the autosave.
 */
public final class CandidateLoad extends Simulation {

    private static final Duration PAGE_EVERY = Duration.ofSeconds(30);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(10);

    private final int candidates = Integer.getInteger("candidates", 10_000);
    private final Duration ramp = Duration.ofSeconds(Long.getLong("ramp", 60));
    private final Duration duration = Duration.ofSeconds(Long.getLong("duration", 300));
    private final Target target = Target.fromProperties();
    // every candidate keeps going until the full load has lasted `duration`, however late it arrived
    private final long end = System.currentTimeMillis() + ramp.plus(duration).toMillis();

    {
        boolean shared = Connections.shared(candidates);
        System.out.printf("Candidate load: %,d candidates over %d s, then %d s at full load: a question page every %d s and an"
                        + " autosave every %d s each (%s)%n", candidates, ramp.toSeconds(), duration.toSeconds(),
                PAGE_EVERY.toSeconds(), SAVE_EVERY.toSeconds(), Connections.describe(shared));
        long savesPerPage = PAGE_EVERY.dividedBy(SAVE_EVERY);
        var candidate = scenario("candidate load")
                .exec(Candidate.start(target.quiz))
                .asLongAs(session -> System.currentTimeMillis() < end).on(
                        exec(Candidate::nextSlot)
                                .pace(PAGE_EVERY)
                                .exec(Candidate.questionPage())
                                .pause(SAVE_EVERY.dividedBy(2))
                                .exec(Candidate.autosave())
                                .repeat((int) savesPerPage - 1).on(pause(SAVE_EVERY).exec(Candidate.autosave())));
        setUp(candidate.injectOpen(rampUsers(candidates).during(ramp)))
                .protocols(Candidate.protocol(target, shared))
                .maxDuration(ramp.plus(duration).plus(Duration.ofMinutes(2)))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("question page").responseTime().percentile(99.0).lt(100),
                        details("autosave").responseTime().percentile(99.0).lt(100));
    }

    @Override
    public void after() {
        target.printOutcome();
        target.close();
    }
}
