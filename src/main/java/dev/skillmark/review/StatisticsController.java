package dev.skillmark.review;

import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** Question statistics for trainers; every route needs the trainer role. */
public final class StatisticsController implements Routes {

    private final Statistics statistics;

    public StatisticsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/trainer/stats", this::overview, Role.TRAINER);
        routes.get("/trainer/stats/{bank}", this::bank, Role.TRAINER);
    }

    void overview(Context ctx) {
        long started = System.nanoTime();
        var items = statistics.items(Optional.empty());
        var model = Map.of("banks", statistics.banks(items), "flagged", items.stream().filter(i -> !i.flags().isEmpty()).toList(),
                "fmt", Format.INSTANCE, "millis", (System.nanoTime() - started) / 1_000_000);
        ctx.render("review/stats.html", model);
    }

    void bank(Context ctx) {
        long started = System.nanoTime();
        var items = statistics.items(Optional.of(ctx.pathParam("bank")));
        ctx.render("review/stats-bank.html", Map.of("bank", ctx.pathParam("bank"), "items", items, "fmt", Format.INSTANCE,
                "millis", (System.nanoTime() - started) / 1_000_000, "minimum", Statistics.MIN_RESPONSES_FOR_FLAGS));
    }
}
