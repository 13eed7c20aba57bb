package dev.skillmark.ops;

import dev.skillmark.web.ClientAddress;
import dev.skillmark.web.Json;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/** /healthz (the process answers), /readyz (send it requests?) and /metrics (Prometheus), for operators and load balancers. */
public final class OpsController implements Routes {

    /** Answered without a session or a CSRF cookie: probes send none, and /healthz must not touch the database. */
    public static final Set<String> PATHS = Set.of("/healthz", "/readyz", "/metrics");
    private final Readiness readiness;
    private final Metrics metrics;
    private final MetricsAccess access;
    private final ClientAddress clientAddress;

    public OpsController(Readiness readiness, Metrics metrics, MetricsAccess access, ClientAddress clientAddress) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.access = access;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok\n"));
        routes.get("/readyz", this::readyz);
        routes.get("/metrics", this::metrics);
    }

    void readyz(Context ctx) {
        var report = readiness.report();
        var body = new LinkedHashMap<String, Object>();
        body.put("status", report.ready() ? "ready" : "not ready");
        report.failed().ifPresent(c -> body.put("failed", c.name()));
        report.checks().forEach(c -> body.put(c.name(), c.detail()));
        body.putAll(report.content());
        ctx.status(report.ready() ? 200 : 503).contentType("application/json; charset=utf-8").result(Json.object(body) + "\n");
    }

    void metrics(Context ctx) {
        if (!access.allows(clientAddress.of(ctx), Optional.ofNullable(ctx.header("Authorization")))) {
            ctx.status(403).contentType("text/plain; charset=utf-8")
                    .result("Metrics are not served to this address without the token (SKILLMARK_METRICS_FROM, SKILLMARK_METRICS_TOKEN).\n");
            return;
        }
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
