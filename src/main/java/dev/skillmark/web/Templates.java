package dev.skillmark.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** Thymeleaf behind Javalin's renderer: templates are parsed once and cached, never per request. */
public final class Templates implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();

    public Templates(Optional<Path> folder) {
        AbstractConfigurableTemplateResolver resolver;
        if (folder.isPresent()) {
            resolver = new FileTemplateResolver();
            resolver.setPrefix(folder.get().toAbsolutePath() + "/");
        } else {
            resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
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
