package dev.skillmark.web;

import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** How long ago Jetty began reading a request: the time it waited for a thread, a connection or a lock. */
public final class Arrival {

    private Arrival() {
    }

    /** Zero when the request did not come through Jetty's servlet layer. */
    public static Duration age(Context ctx) {
        var request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, System.nanoTime() - request.getBeginNanoTime()));
    }
}
