package dev.skillmark.web;

import java.util.List;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code <ol sm:buttons="${items}">}: the list's body becomes one {@code <li>} per item holding a submit button, every
 * value escaped as {@code th:text} and {@code th:attr} escape it. The same markup as a {@code th:each} over
 * {@code <li><button th:text th:attr>}, written in one pass: a question page's 30 navigation buttons cost 60% of its
 * rendering through {@code th:each} (about 3 µs a button however its attributes are written), most of it the engine
 * replaying the gathered loop body once per item.
 */
public final class SubmitButtons extends AbstractAttributeTagProcessor {

    /** One button of the list: an attribute whose value is null is left out, as {@code th:attr} leaves it out. */
    public interface Item {
        String name();

        String value();

        String label();

        String classes();

        String ariaLabel();

        String ariaCurrent();
    }

    /** Skillmark's own attributes, prefixed {@code sm:}. */
    static final class Dialect extends AbstractProcessorDialect {
        Dialect() {
            super("Skillmark", "sm", StandardDialect.PROCESSOR_PRECEDENCE);
        }

        @Override
        public Set<IProcessor> getProcessors(String prefix) {
            return Set.of(new SubmitButtons(prefix));
        }
    }

    private SubmitButtons(String prefix) {
        super(TemplateMode.HTML, prefix, null, false, "buttons", true, StandardDialect.PROCESSOR_PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                             String attributeValue, IElementTagStructureHandler structureHandler) {
        Object items = StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, attributeValue).execute(context);
        var html = new StringBuilder(4096);
        for (Object each : items == null ? List.of() : (Iterable<?>) items) {
            var item = (Item) each;
            html.append("\n        <li><button type=\"submit\"");
            attribute(html, "name", item.name());
            attribute(html, "value", item.value());
            attribute(html, "class", item.classes());
            attribute(html, "aria-label", item.ariaLabel());
            attribute(html, "aria-current", item.ariaCurrent());
            html.append('>').append(item.label() == null ? "" : escape(item.label())).append("</button></li>");
        }
        structureHandler.setBody(html.append("\n      "), false);
    }

    /** A null value leaves the attribute out, as {@code th:attr} does. */
    private static void attribute(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(text);
    }
}
