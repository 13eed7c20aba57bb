package dev.skillmark.outbox;

import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Staff see what has not gone out (failing, given up on, due) and retry what was given up on. */
public final class OutboxController implements Routes {

    private final Outbox outbox;

    public OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/outbox", this::list, Role.INTERVIEWER);
        routes.post("/outbox/{id}/retry", this::retry, Role.INTERVIEWER);
    }

    void list(Context ctx) {
        ctx.render("outbox/list.html", Map.of("deliveries", outbox.undelivered(), "scheduled", outbox.scheduled(),
                "mailEnabled", outbox.mailEnabled(), "fmt", Format.INSTANCE));
    }

    void retry(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new SkillmarkException.NotFound("There is no such delivery.");
        }
        outbox.retry(Long.parseLong(id));
        ctx.redirect("/outbox", HttpStatus.SEE_OTHER);
    }
}
