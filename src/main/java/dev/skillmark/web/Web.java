package dev.skillmark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.security.RouteRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server shared by every feature: rendering, static files, headers, CSRF, route roles
 * and one error path. Features register their routes, each with the roles it needs.
 */
public final class Web {

    /**
     * What the server needs to know from the configuration. {@code probes}: paths answered without a session, a
     * CSRF cookie or any database read of web's own (health checks and metrics); {@code observer}: told of every
     * answered request.
     */
    public record Settings(String host, int port, Optional<Path> staticDir, boolean secureCookies, byte[] csrfSecret,
                           Optional<String> publicUrl, Set<String> probes, RequestTrace.Observer observer) {
        public Settings {
            probes = Set.copyOf(probes);
        }
    }

    /** A registered route and the roles it declares; none means anyone may call it. */
    public record Route(HandlerType method, String path, Set<Role> roles) {
    }

    /** The running server and the routes its features declared. */
    public record Server(Javalin javalin, List<Route> routes) {
        public int port() {
            return javalin.port();
        }
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final long HSTS_SECONDS = 63_072_000;
    private static final String HTTPS = "skillmark.https";
    private static final String ROUTES = "skillmark.routes";
    private static final long MAX_REQUEST_BYTES = 256 * 1024;
    /**
     * Connections waiting to be accepted. The JDK's default of 50 drops the rest of a burst (2,000 candidates
     * submitting at one deadline, a class starting together), and each dropped connection waits a second for
     * its retry; the kernel caps it at {@code net.core.somaxconn} (4,096 on current Linux).
     */
    static final int ACCEPT_QUEUE = 2048;
    private static final Logger log = LoggerFactory.getLogger(Web.class);

    private Web() {
    }

    public static Server create(Settings settings, Templates templates, Guard guard, List<Routes> features) {
        var routes = Collections.synchronizedList(new ArrayList<Route>());
        var csrf = new Csrf(settings.csrfSecret(), settings.secureCookies(), settings.publicUrl());
        var flash = new Flash(settings.csrfSecret(), settings.secureCookies());
        var trace = new RequestTrace(settings.observer());
        var app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = settings.host();
            javalin.jetty.port = settings.port();
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.fileRenderer(templates);
            javalin.requestLogger.http(trace::end);
            javalin.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(info.getHttpMethod(), info.getPath(), roles(info.getRoles())));
                }
            });
            // drain in-flight requests on stop before anything behind them is closed
            var jetty = new java.util.concurrent.atomic.AtomicReference<org.eclipse.jetty.server.Server>();
            javalin.jetty.modifyServer(server -> {
                jetty.set(server);
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JettyErrors(headers(settings.secureCookies())));
            });
            // the connector exists once the server is starting, and listens after this
            javalin.events.serverStarting(() -> {
                for (var connector : jetty.get().getConnectors()) {
                    if (connector instanceof org.eclipse.jetty.server.ServerConnector listening) {
                        listening.setAcceptQueueSize(ACCEPT_QUEUE);
                    }
                }
            });
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                if (settings.staticDir().isPresent()) {
                    files.directory = settings.staticDir().get().toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                } else {
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                }
                files.headers = Map.of("Cache-Control", "public, max-age=300");
            });
            var r = javalin.routes;
            r.before(ctx -> {
                trace.begin(ctx);
                ctx.attribute(ROUTES, routes);
                securityHeaders(ctx, settings.secureCookies());
                if (settings.probes().contains(ctx.path())) {
                    ctx.header("Cache-Control", "no-store");
                } else if (!ctx.path().startsWith("/static/")) {
                    ctx.header("Cache-Control", "no-store");
                    guard.identify(ctx);
                    refuseUnreadableBodies(ctx);
                    refuseNul(ctx);
                    csrf.handle(ctx, guard);
                    flash.handle(ctx);
                }
            });
            // the one place roles are checked: every route declares its own, where it is registered
            r.beforeMatched(ctx -> {
                var needed = roles(ctx.routeRoles());
                if (!needed.isEmpty()) {
                    guard.require(ctx, needed);
                }
            });
            features.forEach(f -> f.register(r));
            r.exception(SkillmarkException.class, (e, ctx) -> error(ctx, e.status(), e.heading(), e.getMessage(), e));
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), title(e.getStatus()), readable(e), null));
            r.exception(Exception.class, (e, ctx) -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                if (unreadableRequest(e)) {
                    error(ctx, 400, title(400), "The request could not be read (it ended early or was garbled). "
                            + "Go back and try again.", null);
                    return;
                }
                if (DatabaseFailure.unavailable(e)) {
                    log.error("request {} {}: the database cannot be used, reference {}", ctx.method(), ctx.path(), reference, e);
                    error(ctx, 503, "Cannot save right now", "Skillmark cannot write to its database at the moment. "
                            + "Nothing saved before is lost; your page keeps your answer and tries again.", null);
                    return;
                }
                log.error("request {} {} failed, reference {}", ctx.method(), ctx.path(), reference, e);
                error(ctx, 500, title(500), "Something went wrong on our side. Your saved answers are safe; try again. "
                        + "If it keeps happening, quote reference " + reference + ".", null);
            });
            r.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, title(404), "There is no page at this address.", null);
                }
            });
        });
        return new Server(app, Collections.unmodifiableList(routes));
    }

    /** The request's own bytes could not be read: a broken body, a connection that ended early. */
    private static boolean unreadableRequest(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException || t instanceof org.eclipse.jetty.io.EofException
                    || t.getClass().getName().endsWith("HttpEofException")
                    || t instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static Set<Role> roles(Set<? extends RouteRole> declared) {
        var roles = EnumSet.noneOf(Role.class);
        declared.forEach(role -> roles.add((Role) role));
        return roles;
    }

    /**
     * Skillmark's forms are plain form posts in a charset Java knows: anything else (multipart, an unknown
     * charset) is refused as the input error it is, before anything tries to read it.
     */
    static void refuseUnreadableBodies(Context ctx) {
        String type = String.valueOf(ctx.header("Content-Type")).toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            throw new SkillmarkException.InvalidInput("body", "Skillmark's forms are sent as ordinary form data, not as "
                    + "file uploads. Go back, reload the page and try again.");
        }
        String charset = ctx.req().getCharacterEncoding();
        boolean known;
        try {
            known = charset == null || java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) {
            throw new SkillmarkException.InvalidInput("body", "The form was sent in a character set Skillmark does not know. "
                    + "Go back, reload the page and try again.");
        }
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

    /** The headers every response carries, Jetty's own error pages included; HSTS when served over HTTPS. */
    static Map<String, String> headers(boolean https) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=" + HSTS_SECONDS + "; includeSubDomains");
        }
        return headers;
    }

    static void securityHeaders(Context ctx, boolean https) {
        headers(https).forEach(ctx::header);
        ctx.attribute(HTTPS, https);
    }

    /** One error page for people, one small JSON object for the page script. */
    static void error(Context ctx, int status, String heading, String message, SkillmarkException cause) {
        securityHeaders(ctx, Boolean.TRUE.equals(ctx.attribute(HTTPS)));
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        if (cause instanceof SkillmarkException.Throttled throttled) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
        }
        if (cause instanceof SkillmarkException.TooFast tooFast) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, tooFast.retryAfter().toSeconds())));
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.contentType("application/json").result(Json.object(Map.of("error", message, "status", status)));
            return;
        }
        String attemptId = cause instanceof SkillmarkException.AttemptClosed closed ? closed.attemptId()
                : cause instanceof SkillmarkException.InvitationClosed used ? used.attemptId() : null;
        String resultLink = attemptId == null ? "" : "/attempts/" + attemptId + "/result";
        // staff stay among staff pages (the page the failed request belongs to); everyone else goes back to the quizzes
        var staff = Guard.staff(ctx);
        String back = staff.map(s -> staffPage(ctx, s).orElse(s.home())).orElse("/");
        String backLabel = staff.isPresent() && !back.equals("/") ? "Back to your staff pages" : "Back to the quizzes";
        ctx.render("error.html", Map.of("status", status, "heading", heading, "message", message,
                "resultLink", resultLink, "back", back, "backLabel", backLabel));
    }

    /**
     * The nearest staff page above a request's path: /invitations/{id}/revoke goes back to /invitations,
     * /review/attempts/{id}/grade/3 to the attempt's page. Only a page this person may open (a refused
     * trainer is not sent to, nor shown the address of, an interviewer's page). Empty when there is none.
     */
    static Optional<String> staffPage(Context ctx, Staff staff) {
        List<Route> routes = ctx.attribute(ROUTES);
        if (routes == null) {
            return Optional.empty();
        }
        String[] segments = ctx.path().split("/");
        for (int n = segments.length - 1; n > 1; n--) {
            String candidate = String.join("/", java.util.Arrays.copyOf(segments, n));
            synchronized (routes) {
                if (routes.stream().anyMatch(r -> r.method() == HandlerType.GET && !r.roles().isEmpty()
                        && r.roles().stream().anyMatch(staff::may) && matches(r.path(), candidate))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/");
        String[] have = path.split("/");
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!(want[i].startsWith("{") && want[i].endsWith("}") && !have[i].isEmpty()) && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
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
            case 404 -> "Not found";
            case 405 -> "Not allowed here";
            case 413 -> "Too large";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }
}
