package dev.skillmark.review;

import dev.skillmark.account.StaffAccess;
import dev.skillmark.content.Content;
import dev.skillmark.web.Csv;
import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Question statistics for trainers; every route needs the trainer role. */
public final class StatisticsController implements Routes {

    private final Statistics statistics;
    private final Content content;
    private final dev.skillmark.account.Settings settings;

    public StatisticsController(Statistics statistics, Content content, dev.skillmark.account.Settings settings) {
        this.statistics = statistics;
        this.content = content;
        this.settings = settings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/trainer/stats", this::overview, Role.TRAINER);
        routes.get("/trainer/stats/export.csv", this::export, Role.TRAINER);
        routes.post("/trainer/stats/exposure-threshold", this::setThreshold, Role.TRAINER);
        routes.get("/trainer/stats/{bank}", this::bank, Role.TRAINER);
    }

    void overview(Context ctx) {
        long started = System.nanoTime();
        var filter = filter(ctx);
        var items = statistics.items(Optional.empty(), filter);
        var model = model(ctx, filter);
        model.put("banks", statistics.banks(items));
        model.put("flagged", items.stream().filter(i -> !i.flags().isEmpty()).toList());
        model.put("millis", (System.nanoTime() - started) / 1_000_000);
        ctx.render("review/stats.html", model);
    }

    void bank(Context ctx) {
        long started = System.nanoTime();
        var filter = filter(ctx);
        var model = model(ctx, filter);
        model.put("bank", ctx.pathParam("bank"));
        model.put("items", statistics.items(Optional.of(ctx.pathParam("bank")), filter));
        model.put("millis", (System.nanoTime() - started) / 1_000_000);
        ctx.render("review/stats-bank.html", model);
    }

    void export(Context ctx) {
        var items = statistics.items(Optional.ofNullable(ctx.queryParam("bank")).filter(b -> !b.isBlank()), filter(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"question-statistics.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.write(StatisticsCsv.rows(items)));
    }

    void setThreshold(Context ctx) {
        int value;
        try {
            value = Integer.parseInt(Optional.ofNullable(ctx.formParam("threshold")).orElse("").strip());
        } catch (NumberFormatException e) {
            throw new SkillmarkException.InvalidInput("threshold", "The exposure threshold must be a whole number.");
        }
        if (value < 1) {
            throw new SkillmarkException.InvalidInput("threshold", "The exposure threshold must be at least 1.");
        }
        settings.setNumber(dev.skillmark.account.Settings.EXPOSURE_THRESHOLD, value, StaffAccess.signedIn(ctx));
        dev.skillmark.web.Flash.next(ctx, "Exposure threshold saved: questions shown more than " + value + " times are flagged.");
        ctx.redirect("/trainer/stats", HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> model(Context ctx, Statistics.Filter filter) {
        var model = new HashMap<String, Object>();
        model.put("fmt", Format.INSTANCE);
        model.put("minimum", Statistics.MIN_RESPONSES_FOR_FLAGS);
        model.put("threshold", statistics.exposureThreshold());
        model.put("quizzes", content.current().offers());
        model.put("quiz", filter.quizId().orElse(""));
        model.put("from", Optional.ofNullable(ctx.queryParam("from")).orElse(""));
        model.put("to", Optional.ofNullable(ctx.queryParam("to")).orElse(""));
        model.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        return model;
    }

    /** quiz=..., from=YYYY-MM-DD, to=YYYY-MM-DD (both days included, UTC). */
    private static Statistics.Filter filter(Context ctx) {
        var quiz = Optional.ofNullable(ctx.queryParam("quiz")).filter(q -> !q.isBlank());
        var from = day(ctx.queryParam("from"), "from").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        var to = day(ctx.queryParam("to"), "to").map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return new Statistics.Filter(quiz, from, to);
    }

    private static Optional<LocalDate> day(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new SkillmarkException.InvalidInput(field, "Write the date as YYYY-MM-DD, not '" + raw + "'.");
        }
    }

}
