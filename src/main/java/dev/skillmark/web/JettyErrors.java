package dev.skillmark.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a bad request line, an unknown HTTP version, headers too large, anything
 * rejected before Javalin sees it) with the same security headers as every other page, and a small
 * readable page instead of Jetty's: no version, no stack, no echo of the request.
 */
final class JettyErrors extends ErrorHandler {

    private final Map<String, String> headers;

    JettyErrors(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer code && code >= 400) {
            status = code;
        }
        status = clientError(status);
        var fields = response.getHeaders();
        headers.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(page(status).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** Errors Jetty answers without a request object (a request line it cannot parse, for one). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(page(status).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What a client sent wrong is a 4xx: an HTTP version or a transfer coding Jetty does not speak is
     * answered as a bad request, not as the server's failure.
     */
    static int clientError(int status) {
        return status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 || status == HttpStatus.NOT_IMPLEMENTED_501 ? 400 : status;
    }

    static String page(int status) {
        String reason = HttpStatus.getMessage(status);
        String text = switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "There is no page at this address.";
            case 413, 431 -> "That request was too large.";
            case 505 -> "This version of HTTP is not supported.";
            default -> status >= 500 ? "Something went wrong on our side. Try again." : "The request could not be handled.";
        };
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + status + " " + reason + " - Skillmark</title>"
                + "<link rel=\"stylesheet\" href=\"/static/css/skillmark.css\"></head>"
                + "<body><main class=\"page\"><h1>" + status + " " + reason + "</h1><p>" + text
                + " Go back and try again, or <a href=\"/\">start from the home page</a>.</p></main></body></html>\n";
    }
}
