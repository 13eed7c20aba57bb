package dev.skillmark.account;

import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import dev.skillmark.web.SkillmarkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** The admin's audit log: searched and paged on the server, filters in the URL. */
public final class AuditController implements Routes {

    static final int PAGE_SIZE = 100;
    private final Audit audit;

    public AuditController(Audit audit) {
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/audit", this::page, Role.ADMIN);
    }

    void page(Context ctx) {
        var params = new LinkedHashMap<String, String>();
        for (String name : new String[]{"actor", "action", "text", "from", "to"}) {
            params.put(name, Optional.ofNullable(ctx.queryParam(name)).orElse("").strip());
        }
        var errors = new LinkedHashMap<String, String>();
        Long from = day(params.get("from"), "from", errors);
        Long to = day(params.get("to"), "to", errors);
        int page = Optional.ofNullable(ctx.queryParam("page")).filter(p -> p.matches("\\d{1,6}")).map(Integer::parseInt).orElse(1);
        var result = errors.isEmpty()
                ? audit.search(new Audit.Filter(params.get("actor"), params.get("action"), params.get("text"), from,
                        to == null ? null : to + 86_400_000L), page, PAGE_SIZE)
                : new Audit.Page(java.util.List.of(), 0, 1, PAGE_SIZE);
        var model = new HashMap<String, Object>();
        model.put("page", result);
        model.put("f", params);
        model.put("errors", errors);
        model.put("actors", audit.actors());
        model.put("prev", link(params, result.page() - 1));
        model.put("next", link(params, result.page() + 1));
        model.put("fmt", Format.INSTANCE);
        ctx.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).render("account/audit.html", model);
    }

    private static Long day(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            errors.put(field, new SkillmarkException.InvalidInput(field, "Write the date as year-month-day, like 2026-11-28.")
                    .getMessage());
            return null;
        }
    }

    private static String link(Map<String, String> params, int page) {
        var joiner = new StringJoiner("&", "/admin/audit?", "");
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                joiner.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        joiner.add("page=" + page);
        return joiner.toString();
    }
}
