package dev.skillmark.attempt;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.web.ClientAddress;
import dev.skillmark.web.Format;
import dev.skillmark.web.Json;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The candidate's pages while taking a quiz, and the result. Only translates HTTP to {@link Attempts} and {@link AttemptPages}. */
public final class AttemptController implements Routes {

    private final Attempts attempts;
    private final AttemptPages pages;
    private final AttemptSignals signals;
    private final ClientAddress clientAddress;

    public AttemptController(Attempts attempts, AttemptPages pages, AttemptSignals signals, ClientAddress clientAddress) {
        this.attempts = attempts;
        this.pages = pages;
        this.signals = signals;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/attempts/{attempt}", ctx -> ctx.redirect(base(ctx) + "/q/1", HttpStatus.SEE_OTHER));
        routes.get("/attempts/{attempt}/q/{slot}", this::question);
        routes.post("/attempts/{attempt}/q/{slot}", this::answer);
        routes.post("/attempts/{attempt}/q/{slot}/autosave", this::autosave);
        routes.get("/attempts/{attempt}/clock", this::clock);
        routes.get("/attempts/{attempt}/submit", this::confirm);
        routes.post("/attempts/{attempt}/submit", this::submit);
        routes.get("/attempts/{attempt}/result", this::result);
        routes.post("/attempts/{attempt}/signals", this::signal);
    }

    void question(Context ctx) {
        try {
            var page = pages.question(attemptId(ctx), slot(ctx));
            signals.noteClient(page.attempt(), client(ctx));
            signals.shown(page.attempt().id(), page.question().slot());
            ctx.render("attempt/question.html", questionModel(ctx, page));
        } catch (SkillmarkException.AttemptClosed closed) {
            ctx.redirect(base(ctx) + "/result", HttpStatus.SEE_OTHER);
        }
    }

    /**
     * The form post that works without JavaScript: save, then act on the button pressed. A refused save
     * changes nothing and acts on nothing: the page comes back with the reason (a number that is not one)
     * or with both versions (another tab saved a newer answer).
     */
    void answer(Context ctx) {
        String id = attemptId(ctx);
        int slot = slot(ctx);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("stay");
        signals.noteClient(attempts.attempt(id), client(clientAddress, ctx));
        if (ctx.formParam("revision") != null) {
            var input = input(ctx);
            Saved saved;
            try {
                saved = attempts.save(id, slot, savedFrom(ctx), input);
            } catch (SkillmarkException.InvalidInput e) {
                var page = pages.question(id, slot).withError(input.text(), e.getMessage());
                ctx.status(HttpStatus.BAD_REQUEST).render("attempt/question.html", questionModel(ctx, page));
                return;
            }
            if (saved instanceof Saved.Stale stale) {
                ctx.status(HttpStatus.CONFLICT).render("attempt/stale.html", Map.of("base", base(ctx.pathParam("attempt")),
                        "stale", pages.stale(id, slot, stale.stored(), input)));
                return;
            }
        }
        String target = switch (action) {
            case "next" -> "/q/" + (slot + 1);
            case "prev" -> "/q/" + Math.max(1, slot - 1);
            case "flag", "unflag" -> {
                attempts.flag(id, slot, action.equals("flag"));
                yield "/q/" + slot;
            }
            case "check" -> {
                attempts.check(id, slot);
                yield "/q/" + slot + "#feedback";
            }
            case "review" -> "/submit";
            default -> action.matches("goto-\\d{1,4}") ? "/q/" + action.substring(5) : "/q/" + slot;
        };
        ctx.redirect(base(id) + target, HttpStatus.SEE_OTHER);
    }

    /**
     * The page script's save: a small JSON reply with the answer's revision and the time left (which an
     * interviewer may have extended); 409 when another tab saved a newer answer, 410 when time is up.
     */
    void autosave(Context ctx) {
        String id = attemptId(ctx);
        ctx.contentType("application/json");
        try {
            var saved = attempts.save(id, slot(ctx), savedFrom(ctx), input(ctx));
            long remaining = attempts.remaining(saved.deadlineAt()).map(java.time.Duration::toMillis).orElse(-1L);
            long deadline = saved.deadlineAt() != null ? saved.deadlineAt() : -1L;
            if (saved instanceof Saved.Stored stored) {
                ctx.result(Json.object(Map.of("saved", true, "revision", stored.revision(), "remainingMs", remaining,
                        "deadlineAt", deadline)));
            } else {
                ctx.status(HttpStatus.CONFLICT).result(Json.object(Map.of("saved", false, "stale", true, "remainingMs", remaining,
                        "deadlineAt", deadline,
                        "error", "Not saved: this answer was changed in another tab or window. Reload to see it; "
                                + "what you typed here is still on this page.")));
            }
        } catch (SkillmarkException.InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST).result(Json.object(Map.of("saved", false, "field", e.field(), "error", e.getMessage())));
        }
    }

    /** The page script's light poll: the time left and whether the attempt still runs. */
    void clock(Context ctx) {
        var attempt = attempts.current(attemptId(ctx));
        ctx.contentType("application/json").result(Json.object(Map.of("inProgress", attempt.inProgress(),
                "remainingMs", attempts.remaining(attempt).map(java.time.Duration::toMillis).orElse(-1L),
                "deadlineAt", attempt.timed() ? attempt.deadlineAt() : -1L)));
    }

    /** What the page script noticed: the page was hidden or lost focus (and for how long), or a paste. */
    void signal(Context ctx) {
        String type = Optional.ofNullable(ctx.formParam("type")).orElse("");
        String slot = ctx.formParam("slot");
        String amount = Optional.ofNullable(ctx.formParam("amount")).orElse("0");
        signals.signal(attemptId(ctx), type, slot != null && slot.matches("\\d{1,4}") ? Integer.valueOf(slot) : null,
                amount.matches("\\d{1,9}") ? Long.parseLong(amount) : 0);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private Client client(Context ctx) {
        return client(clientAddress, ctx);
    }

    void confirm(Context ctx) {
        try {
            var summary = pages.submitSummary(attemptId(ctx));
            ctx.render("attempt/submit.html", Map.of("summary", summary, "fmt", Format.INSTANCE, "base", base(ctx)));
        } catch (SkillmarkException.AttemptClosed closed) {
            ctx.redirect(base(ctx) + "/result", HttpStatus.SEE_OTHER);
        }
    }

    void submit(Context ctx) {
        // the time spent per question, computed at finalisation, needs every "shown" event; the request waits
        // for the commit without holding a thread, so 2,000 submits at a deadline are each read (and timed) on arrival
        var finalised = attempts.submitting(attemptId(ctx), signals::writeWaiting);
        String result = base(ctx) + "/result";
        ctx.future(() -> onServerThreads(ctx, finalised).thenRun(() -> ctx.redirect(result, HttpStatus.SEE_OTHER)));
    }

    /**
     * The same outcome, completed on the server's request threads: the rest of the request (the response, the
     * after-handlers, the error page) then never runs on the thread that commits every finalisation.
     */
    private static <T> CompletableFuture<T> onServerThreads(Context ctx, CompletableFuture<T> future) {
        var async = ctx.req().getAsyncContext(); // started by Javalin before it asks for the future
        return future.whenCompleteAsync((done, failure) -> { }, async::start);
    }

    void result(Context ctx) {
        String id = attemptId(ctx);
        if (attempts.current(id).inProgress()) {
            ctx.redirect(base(ctx) + "/q/1", HttpStatus.SEE_OTHER);
            return;
        }
        var result = pages.result(id);
        var model = new HashMap<String, Object>();
        model.put("result", result);
        model.put("fmt", Format.INSTANCE);
        model.put("chart", Chart.bars(result.areas()));
        ctx.render("attempt/result.html", model);
    }

    static Client client(ClientAddress address, Context ctx) {
        return new Client(address.of(ctx), ctx.header("User-Agent"));
    }

    private static String attemptId(Context ctx) {
        return ctx.pathParam("attempt");
    }

    private static String base(Context ctx) {
        return base(attemptId(ctx));
    }

    private static String base(String attemptId) {
        return "/attempts/" + attemptId;
    }

    private static int slot(Context ctx) {
        String raw = ctx.pathParam("slot");
        if (!raw.matches("\\d{1,4}")) {
            throw new SkillmarkException.NotFound("There is no question '" + raw + "' in this quiz.");
        }
        return Integer.parseInt(raw);
    }

    private Map<String, Object> questionModel(Context ctx, Views.QuestionPage page) {
        return Map.of("page", page, "fmt", Format.INSTANCE, "base", base(ctx), "grace", attempts.grace().toMillis());
    }

    private static AnswerInput input(Context ctx) {
        return new AnswerInput(ctx.formParams("choice"), text(ctx));
    }

    /** Which revision of the answer the page showed, and which page it is. */
    private static Attempts.Base savedFrom(Context ctx) {
        String raw = ctx.formParam("revision");
        String page = ctx.formParam("page");
        if (raw == null || !raw.matches("\\d{1,9}") || page == null || !page.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new SkillmarkException.InvalidInput("revision", "The form is incomplete. Reload the page and answer again.");
        }
        return new Attempts.Base(Integer.parseInt(raw), page);
    }

    private static String text(Context ctx) {
        return Optional.ofNullable(ctx.formParam("response")).orElse("");
    }

}
