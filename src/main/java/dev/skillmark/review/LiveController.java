package dev.skillmark.review;

import dev.skillmark.web.Format;
import dev.skillmark.web.Json;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/** The live view of attempts in progress: a page, and the JSON its script polls to refresh it without a reload. */
public final class LiveController implements Routes {

    private final Live live;

    public LiveController(Live live) {
        this.live = live;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/live", this::page, Role.INTERVIEWER);
        routes.get("/review/live.json", this::json, Role.INTERVIEWER);
    }

    void page(Context ctx) {
        var model = new HashMap<String, Object>();
        model.put("rows", live.inProgress());
        model.put("now", live.now());
        model.put("fmt", Format.INSTANCE);
        ctx.render("review/live.html", model);
    }

    void json(Context ctx) {
        var fmt = Format.INSTANCE;
        String rows = live.inProgress().stream().map(r -> {
            var o = new LinkedHashMap<String, Object>();
            o.put("id", r.data().id());
            o.put("name", r.data().candidateName());
            o.put("quiz", r.data().quizTitle());
            o.put("started", fmt.time(r.data().startedAt()));
            o.put("timeLeft", r.timeLeftText());
            o.put("overdue", r.overdue());
            o.put("lastActivity", fmt.duration(r.sinceActivity()) + " ago");
            o.put("answered", r.data().answered() + " of " + r.data().questions());
            return Json.object(o);
        }).collect(Collectors.joining(",", "[", "]"));
        ctx.header("Cache-Control", "no-store");
        String head = Json.object(java.util.Map.of("updated", fmt.clockTime(live.now()) + " UTC"));
        // Json writes flat objects; the list of attempts goes in as its last member
        ctx.contentType("application/json; charset=utf-8").result(head.substring(0, head.length() - 1) + ",\"attempts\":" + rows + "}");
    }
}
