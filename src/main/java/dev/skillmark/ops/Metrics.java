package dev.skillmark.ops;

import dev.skillmark.attempt.AttemptMetrics;
import dev.skillmark.attempt.Attempts;
import dev.skillmark.attempt.Backlog;
import dev.skillmark.content.Content;
import dev.skillmark.web.RequestTrace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Everything /metrics shows, in one Micrometer registry per process (no global one): HTTP requests by route
 * template, the attempt lifecycle as it happens, open attempts and the sweeper's lag, content reload failures,
 * the connection pool (HikariCP reports into {@link #registry}) and the JVM.
 */
public final class Metrics implements AttemptMetrics, RequestTrace.Observer, AutoCloseable {

    /** Prometheus' text format, version 0.0.4: what {@link PrometheusMeterRegistry#scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** How long the database-backed gauges keep a reading: a scrape every few seconds costs one query at most. */
    static final Duration GAUGE_FRESHNESS = Duration.ofSeconds(5);
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<Save, Counter> saves = new EnumMap<>(Save.class);
    private final Map<Finalised, Counter> finalisations = new EnumMap<>(Finalised.class);
    private final Counter reloadFailures;
    private final DistributionSummary sharedCommits;
    private final DistributionSummary finalisationCommits;
    private final DistributionSummary startCommits;
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private AttemptGauges attempts;

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Save outcome : Save.values()) {
            saves.put(outcome, Counter.builder("skillmark.answer.saves").tag("outcome", name(outcome))
                    .description("Answer saves (autosaves and form posts), by what became of them").register(registry));
        }
        for (Finalised how : Finalised.values()) {
            finalisations.put(how, Counter.builder("skillmark.finalisations").tag("how", name(how))
                    .description("Attempts finalised: submitted by the candidate, expired on a late request, or swept")
                    .register(registry));
        }
        sharedCommits = DistributionSummary.builder("skillmark.answer.save.commits").baseUnit("saves")
                .description("Commits that held answer saves, and how many each held (group commit)").register(registry);
        finalisationCommits = DistributionSummary.builder("skillmark.attempt.finalisation.commits").baseUnit("finalisations")
                .description("Commits that held finalisations, and how many each held (group commit)").register(registry);
        startCommits = DistributionSummary.builder("skillmark.attempt.start.commits").baseUnit("starts")
                .description("Commits that held attempt starts, and how many each held (group commit)").register(registry);
        reloadFailures = Counter.builder("skillmark.content.reload.failures")
                .description("Content reloads that failed (the last good content stays in service)").register(registry);
    }

    /** Where the connection pool and anything else that speaks Micrometer report. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Gauges: finalisations waiting for their commit (read from memory); open attempts and the sweeper's lag, read from
     * the database (at most every {@link #GAUGE_FRESHNESS} by {@code clock}, waited for at most {@code timeout}); content
     * problems.
     */
    public void watch(Backlog backlog, Content content, Attempts finalising, Clock clock, Duration timeout) {
        attempts = new AttemptGauges(backlog, clock, timeout);
        Gauge.builder("skillmark.attempt.finalisations.waiting", finalising, Attempts::finalisationsWaiting).strongReference(true)
                .description("Submits and other finalisations on this instance waiting for their commit (a shared deadline's queue)")
                .register(registry);
        Gauge.builder("skillmark.attempts.in.progress", attempts, AttemptGauges::inProgress).strongReference(true)
                .description("Attempts in progress, in the whole database").register(registry);
        Gauge.builder("skillmark.sweeper.lag", attempts, AttemptGauges::sweeperLagSeconds).strongReference(true)
                .baseUnit("seconds").description("Age of the oldest attempt past its deadline and grace that is not finalised yet")
                .register(registry);
        Gauge.builder("skillmark.content.problems", content, c -> c.current().problems().size()).strongReference(true)
                .description("Problems in content/ (each file with one keeps its last good version in service)").register(registry);
    }

    public void contentReloadFailed() {
        reloadFailures.increment();
    }

    @Override
    public void saved(Save outcome) {
        saves.get(outcome).increment();
    }

    @Override
    public void committed(int writes) {
        sharedCommits.record(writes);
    }

    @Override
    public void committedFinalisations(int finalisations) {
        finalisationCommits.record(finalisations);
    }

    @Override
    public void committedStarts(int starts) {
        startCommits.record(starts);
    }

    @Override
    public void finalised(Finalised how) {
        finalisations.get(how).increment();
    }

    @Override
    public void answered(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(method + " " + status + " " + route, key -> Timer.builder("http.server.requests")
                        .tag("method", method).tag("route", route).tag("status", String.valueOf(status))
                        .serviceLevelObjectives(LATENCY_BUCKETS).description("HTTP requests by route template")
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        if (attempts != null) {
            attempts.close();
        }
        registry.close();
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
