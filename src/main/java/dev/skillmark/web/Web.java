package dev.skillmark.web;

import dev.skillmark.Config;
import dev.skillmark.SkillmarkException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server shared by every feature: rendering, static files, headers, CSRF, one error path. */
public final class Web {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final long MAX_REQUEST_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Web.class);

    private Web() {
    }

    public static Javalin create(Config config, Templates templates, Access access, List<Routes> features) {
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.fileRenderer(templates);
            // drain in-flight requests on stop before anything behind them is closed
            javalin.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(10_000);
            });
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                if (config.staticDir().isPresent()) {
                    files.directory = config.staticDir().get().toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                } else {
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                }
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
            var routes = javalin.routes;
            routes.before(ctx -> {
                securityHeaders(ctx);
                if (!ctx.path().startsWith("/static/")) {
                    ctx.header("Cache-Control", "no-store");
                    Csrf.handle(ctx, access.secureCookies());
                    access.handle(ctx);
                    refuseNul(ctx);
                }
            });
            features.forEach(f -> f.register(routes));
            routes.exception(SkillmarkException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e));
            routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), readable(e), null));
            routes.exception(Exception.class, (e, ctx) -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("request {} {} failed, reference {}", ctx.method(), ctx.path(), reference, e);
                error(ctx, 500, "Something went wrong on our side. Your saved answers are safe; try again. "
                        + "If it keeps happening, quote reference " + reference + ".", null);
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "There is no page at this address.", null);
                }
            });
        });
    }

    /**
     * No text Skillmark stores may hold U+0000: PostgreSQL refuses it (H2 would store it), so it is refused for
     * both, up front, as the input error it is, rather than as a failed write later.
     */
    static void refuseNul(Context ctx) {
        boolean form = String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded");
        if (ctx.queryParamMap().values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\0') >= 0)
                || form && ctx.formParamMap().values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\0') >= 0)) {
            throw new SkillmarkException.InvalidInput("text", "Text cannot contain the character U+0000.");
        }
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    /** One error page for people, one small JSON object for the page script. */
    static void error(Context ctx, int status, String message, SkillmarkException cause) {
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.contentType("application/json").result(Json.object(Map.of("error", message, "status", status)));
            return;
        }
        String resultLink = cause instanceof SkillmarkException.Closed closed && closed.attemptId() != null
                ? "/attempts/" + closed.attemptId() + "/result" : null;
        ctx.render("error.html", Map.of("status", status, "heading", title(status), "message", message,
                "resultLink", resultLink == null ? "" : resultLink));
    }

    private static String readable(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "That request was too large. Answers can be at most 20,000 characters.";
            case 400 -> "The request could not be understood. Go back and try again.";
            case 404 -> "There is no page at this address.";
            case 405 -> "This address does not take that kind of request.";
            default -> e.getMessage() == null ? "The request could not be handled." : e.getMessage();
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Please check your input";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Changed elsewhere";
            case 410 -> "Time is up";
            case 413 -> "Too large";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }
}
