package dev.skillmark.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Issue 11's start spike, the synchronized start: {@code -Dstarts} candidates (default 500) open the start page and
 * start an attempt within {@code -Dwithin} seconds (default 10), then load the first question as the start's redirect
 * leads them. Goal: p99 of "start" under 1 s.
 */
public final class StartSpike extends Simulation {

    private final int starts = Integer.getInteger("starts", 500);
    private final Duration within = Duration.ofSeconds(Long.getLong("within", 10));
    private final Target target = Target.fromProperties();

    {
        boolean shared = Connections.shared(starts);
        System.out.printf("Start spike: %,d starts within %d s (%s)%n", starts, within.toSeconds(), Connections.describe(shared));
        var candidate = scenario("start spike")
                .exec(Candidate.start(target.quiz))
                .exec(Candidate::nextSlot)
                .exec(Candidate.questionPage());
        setUp(candidate.injectOpen(rampUsers(starts).during(within)))
                .protocols(Candidate.protocol(target, shared))
                .maxDuration(within.plusMinutes(3))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details("start").responseTime().percentile(99.0).lt(1000));
    }

    @Override
    public void after() {
        target.printOutcome();
        target.close();
    }
}
