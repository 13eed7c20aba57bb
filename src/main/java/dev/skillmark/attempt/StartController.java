package dev.skillmark.attempt;

import dev.skillmark.web.SkillmarkException;
import dev.skillmark.account.Settings;
import dev.skillmark.content.Catalog;
import dev.skillmark.content.Content;
import dev.skillmark.web.ClientAddress;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.web.Csrf;
import dev.skillmark.web.Format;
import dev.skillmark.web.Guard;
import dev.skillmark.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The candidate's way in: the quizzes on offer, a quiz's start page, and starting an attempt. */
public final class StartController implements Routes {

    static final String RESUME_COOKIE = "skillmark_attempt";
    private final Content content;
    private final Attempts attempts;
    private final Settings settings;
    private final ClientAddress clientAddress;
    private final boolean secureCookies;

    public StartController(Content content, Attempts attempts, Settings settings, ClientAddress clientAddress,
                           boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.content = content;
        this.attempts = attempts;
        this.settings = settings;
        this.clientAddress = clientAddress;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get("/quizzes/{quiz}", this::startPage);
        routes.post("/quizzes/{quiz}/start", this::start);
    }

    /** The home page as a visitor without an attempt in progress sees it, for one catalog and one setting. */
    private record CachedHome(Catalog catalog, boolean open, String html) {
    }

    private volatile CachedHome cachedHome;

    void home(Context ctx) {
        var catalog = content.current();
        if (Guard.staff(ctx).isEmpty() && ctx.cookie(RESUME_COOKIE) == null) {
            // the same page for every such visitor: rendered once per catalog version and setting, not per request
            boolean open = settings.publicPractice();
            var cached = cachedHome;
            if (cached == null || cached.catalog() != catalog || cached.open() != open) {
                renderHome(ctx, catalog, open);
                cachedHome = new CachedHome(catalog, open, ctx.result());
            } else {
                ctx.html(cached.html());
            }
            return;
        }
        renderHome(ctx, catalog, open(ctx));
    }

    private void renderHome(Context ctx, Catalog catalog, boolean open) {
        // invitation quizzes are never offered here; public ones when an admin allows them, and always to staff
        var offers = open ? catalog.offers().stream().filter(o -> o.quiz().access() == Quiz.Access.PUBLIC).toList()
                : List.<Catalog.Offer>of();
        var model = new HashMap<String, Object>();
        model.put("quizzes", offers.stream().filter(o -> !o.practiceOfBank()).toList());
        model.put("practice", offers.stream().filter(o -> o.practiceOfBank()).toList());
        model.put("problemCount", catalog.problems().size());
        model.put("resume", resumable(ctx).orElse(null));
        model.put("fmt", Format.INSTANCE);
        ctx.render("attempt/home.html", model);
    }

    void startPage(Context ctx) {
        renderStart(ctx, "", "", HttpStatus.OK);
    }

    void start(Context ctx) {
        var offer = publicOffer(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        boolean limited = offer.quiz().mode() == Quiz.Mode.EXAM && Guard.staff(ctx).isEmpty();
        var limit = limited ? Optional.of(new Retakes.Limit(Csrf.browserId(ctx), settings.publicExamAttempts())) : Optional.<Retakes.Limit>empty();
        try {
            String id = attempts.start(ctx.pathParam("quiz"), name, AttemptController.client(clientAddress, ctx), limit);
            ctx.res().addHeader("Set-Cookie", RESUME_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax"
                    + (secureCookies ? "; Secure" : ""));
            ctx.redirect("/attempts/" + id + "/q/1", HttpStatus.SEE_OTHER);
        } catch (SkillmarkException.InvalidInput e) {
            renderStart(ctx, name, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    /** Staff can always practise; everyone else only when an admin has allowed public quizzes. */
    private boolean open(Context ctx) {
        return Guard.staff(ctx).isPresent() || settings.publicPractice();
    }

    /** The quiz, if it may be started here: public, and open to this visitor. Invitation quizzes never are. */
    private Catalog.Offer publicOffer(Context ctx) {
        String quizId = ctx.pathParam("quiz");
        var offer = content.current().offer(quizId).filter(o -> o.quiz().access() == Quiz.Access.PUBLIC);
        if (offer.isEmpty() || !open(ctx)) {
            throw new SkillmarkException.NotFound("Quizzes are taken by invitation here. Use the link you were sent.");
        }
        return offer.get();
    }

    private void renderStart(Context ctx, String name, String nameError, HttpStatus status) {
        var offer = publicOffer(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("offer", offer);
        model.put("quiz", offer.quiz());
        model.put("name", name);
        model.put("nameError", nameError);
        model.put("grace", attempts.grace().toSeconds());
        model.put("fmt", Format.INSTANCE);
        ctx.status(status).render("attempt/start.html", model);
    }

    private Optional<Attempt> resumable(Context ctx) {
        String id = ctx.cookie(RESUME_COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempts.attempt(id)).filter(Attempt::inProgress);
        } catch (SkillmarkException.NotFound e) {
            return Optional.empty();
        }
    }
}
