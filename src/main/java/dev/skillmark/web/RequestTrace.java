package dev.skillmark.web;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Each request's id and its account once answered. The id is the caller's {@code X-Request-Id} when that is
 * a short safe token (a load balancer's, say), else a new one; it is in the logging context (MDC) while the
 * request runs and goes back in the response's {@code X-Request-Id}. Once answered, the request is reported
 * by its route template, never its path: paths hold attempt ids and invitation tokens.
 */
public final class RequestTrace {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key: JSON log lines carry it under "mdc". */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("dev.skillmark.access");

    /** Told of every answered request: what the metrics count. */
    @FunctionalInterface
    public interface Observer {
        void answered(String method, String route, int status, long nanos);

        Observer NONE = (method, route, status, nanos) -> { };
    }

    private final Observer observer;

    RequestTrace(Observer observer) {
        this.observer = observer;
    }

    /** The caller's id if it is a short safe token, else a new random one. */
    static String idFor(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        var random = ThreadLocalRandom.current();
        return String.format("%016x%08x", random.nextLong(), random.nextInt());
    }

    void begin(Context ctx) {
        String id = idFor(ctx.header(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /** After the response: count it, write the access line (on in the JSON log format), leave the MDC clean. */
    void end(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            int status = ctx.statusCode();
            long nanos = millis == null ? 0 : (long) (millis * 1_000_000.0);
            observer.answered(ctx.method().name(), route, status, nanos);
            access.atInfo().addKeyValue("method", ctx.method().name()).addKeyValue("route", route)
                    .addKeyValue("status", status).addKeyValue("ms", millis)
                    .log("{} {} {} {} ms", ctx.method().name(), route, status, millis);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The template of the route that answered; static files and unmatched paths each count as one route. */
    static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
    }
}
