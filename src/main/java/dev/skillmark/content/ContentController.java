package dev.skillmark.content;

import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The content status page: what loaded, and every problem as file:line. Moves behind trainer sign-in with accounts. */
public final class ContentController implements Routes {

    private final Content content;

    public ContentController(Content content) {
        this.content = content;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/content", this::status);
    }

    void status(Context ctx) {
        var catalog = content.current();
        ctx.render("content/status.html", Map.of("catalog", catalog, "banks", catalog.banks(),
                "problems", catalog.problems(), "offers", catalog.offers()));
    }
}
