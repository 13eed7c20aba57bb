package dev.skillmark.content;

import dev.skillmark.SkillmarkException;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Question;
import dev.skillmark.web.Access;
import dev.skillmark.web.Format;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trainer's view of content/: what is in service and what has problems, previews as candidates see
 * them and with keys, and "try it" runs. Trainer pages never show candidate data.
 */
public final class ContentController implements Routes {

    /** Counts for the status page, worked out once per request from the catalog in service. */
    public record BankCounts(Bank bank, Map<String, Long> types, Map<String, Long> difficulties, Map<String, Long> tags) {
    }

    private final Content content;
    private final java.util.function.BiFunction<String, String, String> startTrial;

    /** {@code startTrial}: (quiz id, trainer) -> attempt id of a run that is never counted. */
    public ContentController(Content content, java.util.function.BiFunction<String, String, String> startTrial) {
        this.content = content;
        this.startTrial = startTrial;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/content", this::status);
        routes.get("/trainer/banks/{bank}", this::previewBank);
        routes.get("/trainer/quizzes/{quiz}", this::previewQuiz);
        routes.post("/trainer/quizzes/{quiz}/try", this::tryQuiz);
    }

    void status(Context ctx) {
        var catalog = content.current();
        var counts = catalog.banks().stream().map(b -> new BankCounts(b,
                count(b.questions(), q -> q.key().typeName()),
                count(b.questions(), q -> q.difficulty().label()),
                b.questions().stream().flatMap(q -> q.tags().stream())
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting())))).toList();
        ctx.render("content/status.html", Map.of("catalog", catalog, "counts", counts, "problems", catalog.problems(),
                "offers", catalog.offers(), "files", catalog.files(), "version", content.version(), "fmt", Format.INSTANCE));
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
        var sample = catalog.draw(quiz, 1).stream().map(d -> d.question()).toList();
        ctx.render("content/preview.html", Map.of("heading", quiz.title() + " (one sample draw)", "questions", sample,
                "keys", "1".equals(ctx.queryParam("keys")), "path", ctx.path(), "quiz", quiz.id(), "fmt", Format.INSTANCE,
                "instructions", quiz.instructionsHtml()));
    }

    void tryQuiz(Context ctx) {
        String id = startTrial.apply(ctx.pathParam("quiz"), Access.requireUser(ctx).username());
        ctx.redirect("/attempts/" + id + "/q/1", HttpStatus.SEE_OTHER);
    }

    private static Map<String, Long> count(List<Question> questions, Function<Question, String> by) {
        return questions.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
    }
}
