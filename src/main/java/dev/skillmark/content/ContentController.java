package dev.skillmark.content;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.web.Format;
import dev.skillmark.web.Role;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The trainer's view of content/: what is in service and what has problems, previews as candidates see
 * them and with keys, and "try it" runs. Trainer pages never show candidate data.
 */
public final class ContentController implements Routes {

    private final Content content;
    private final Content.PendingInvitations pending;

    public ContentController(Content content, Content.PendingInvitations pending) {
        this.content = content;
        this.pending = pending;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/content", this::status, Role.TRAINER);
        routes.get("/trainer/banks/{bank}", this::previewBank, Role.TRAINER);
        routes.get("/trainer/quizzes/{quiz}", this::previewQuiz, Role.TRAINER);
    }

    void status(Context ctx) {
        var catalog = content.current();
        var counts = catalog.banks().stream().map(BankCounts::of).toList();
        ctx.render("content/status.html", Map.of("catalog", catalog, "counts", counts, "problems", catalog.problems(),
                "warnings", catalog.warnings(), "offers", catalog.offers(), "files", catalog.files(),
                "version", content.version(), "fmt", Format.INSTANCE, "outages", content.outages(pending)));
    }

    void previewBank(Context ctx) {
        var bank = content.current().bank(ctx.pathParam("bank"))
                .orElseThrow(() -> new SkillmarkException.NotFound("There is no bank '" + ctx.pathParam("bank") + "' in service."));
        ctx.render("content/preview.html", Map.of("heading", bank.title(), "questions", bank.questions(),
                "keys", "1".equals(ctx.queryParam("keys")), "path", ctx.path(), "quiz", "", "fmt", Format.INSTANCE));
    }

    void previewQuiz(Context ctx) {
        var catalog = content.current();
        var quiz = catalog.quiz(ctx.pathParam("quiz"))
                .orElseThrow(() -> new SkillmarkException.NotFound("There is no quiz '" + ctx.pathParam("quiz") + "' in service."));
        long seed = seed(ctx.queryParam("seed"));
        var sample = catalog.draw(quiz, seed).stream().map(d -> d.question()).toList();
        boolean keys = "1".equals(ctx.queryParam("keys"));
        boolean fixed = quiz.form() == dev.skillmark.quiz.Quiz.Form.FIXED;
        String heading = quiz.title() + (fixed ? " (its fixed form, in the order of sample " + seed + ")" : " (sample draw " + seed + ")");
        var model = new java.util.HashMap<String, Object>(Map.of("heading", heading,
                "questions", sample, "keys", keys, "path", ctx.path(), "quiz", quiz.id(), "fmt", Format.INSTANCE,
                "instructions", quiz.instructionsHtml()));
        model.put("another", ctx.path() + "?seed=" + (seed + 1) + (keys ? "&keys=1" : ""));
        model.put("anotherLabel", fixed ? "Another order" : "Draw another");
        model.put("seed", seed);
        ctx.render("content/preview.html", model);
    }

    /** The sample draw's seed from the query string: 1 unless a positive whole number is given. */
    private static long seed(String raw) {
        try {
            long seed = raw == null ? 1 : Long.parseLong(raw.strip());
            return seed >= 1 && seed < Long.MAX_VALUE ? seed : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
