package dev.skillmark.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** Thymeleaf behind Javalin's renderer: templates are parsed once and cached, never per request. */
public final class Templates implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    /** Plain-text templates ({@code .txt}), for the text part of e-mail. */
    private final TemplateEngine textEngine = new TemplateEngine();

    public Templates(Optional<Path> folder) {
        engine.setDialect(dialect());
        engine.addDialect(new SubmitButtons.Dialect());
        textEngine.setDialect(dialect());
        engine.setTemplateResolver(resolver(folder, ".html", TemplateMode.HTML));
        textEngine.setTemplateResolver(resolver(folder, ".txt", TemplateMode.TEXT));
    }

    /** Thymeleaf's standard dialect, with accessor chains read directly rather than through OGNL. */
    static StandardDialect dialect() {
        var dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new AccessorExpressions());
        return dialect;
    }

    private static AbstractConfigurableTemplateResolver resolver(Optional<Path> folder, String suffix, TemplateMode mode) {
        AbstractConfigurableTemplateResolver resolver;
        if (folder.isPresent()) {
            resolver = new FileTemplateResolver();
            resolver.setPrefix(folder.get().toAbsolutePath() + "/");
        } else {
            resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
        }
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return resolver;
    }

    /** An HTML template outside a request (an e-mail's HTML part): escaped like every page. */
    public String html(String name, Map<String, ?> model) {
        return engine.process(name, context(model));
    }

    /** A plain-text template ({@code name.txt}): an e-mail's text part, not escaped, as text needs none. */
    public String text(String name, Map<String, ?> model) {
        return textEngine.process(name, context(model));
    }

    private static org.thymeleaf.context.Context context(Map<String, ?> model) {
        var context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        model.forEach(context::setVariable);
        context.setVariable("fmt", Format.INSTANCE);
        return context;
    }

    @Override
    public String render(String name, Map<String, ?> model, Context ctx) {
        var context = new org.thymeleaf.context.Context(Locale.ENGLISH);
        context.setVariable("fmt", Format.INSTANCE);
        model.forEach(context::setVariable);
        context.setVariable("csrf", Csrf.token(ctx));
        context.setVariable("requestPath", ctx.path());
        context.setVariable("user", Guard.staff(ctx).orElse(null));
        context.setVariable("flash", Flash.shown(ctx).orElse(null));
        return engine.process(name.replaceFirst("\\.html$", ""), context);
    }
}
