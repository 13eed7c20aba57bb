package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class SubmitButtonsTest {

    record Button(String name, String value, String label, String classes, String ariaLabel, String ariaCurrent)
            implements SubmitButtons.Item {
    }

    private static String render(String template, List<? extends SubmitButtons.Item> items) {
        var engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.setDialect(Templates.dialect());
        engine.addDialect(new SubmitButtons.Dialect());
        var context = new Context(Locale.ENGLISH);
        context.setVariable("items", items);
        return engine.process(template, context);
    }

    /** What the th:each it replaced wrote, for the same items. */
    private static final String EACH = """
            <ol><li th:each="b : ${items}"><button type="submit" th:name="${b.name()}" th:text="${b.label()}"
            th:attr="value=${b.value()},class=${b.classes()},aria-label=${b.ariaLabel()},aria-current=${b.ariaCurrent()}">1</button></li></ol>""";

    private static final List<Button> ITEMS = List.of(
            new Button("action", "goto-1", "1", "answered", "Question 1, answered", null),
            new Button("action", "goto-2", "2", "unanswered current", "Question 2, unanswered (this one)", "step"),
            new Button("a\"b", "<x>&y", "<b>3</b>", "c\" onclick=\"alert(1)", "it's \"quoted\" & <tagged>", "\"><script>"),
            new Button("action", "goto-4", "4", null, null, null));

    @Test
    void writes_the_markup_the_th_each_wrote_with_every_value_escaped() {
        String written = render("<ol sm:buttons=\"${items}\"><li>placeholder</li></ol>", ITEMS);
        assertThat(written.replaceAll("\\s+", " ").replace("> <", "><"))
                .isEqualTo(render(EACH, ITEMS).replaceAll("\\s+", " ").replace("> <", "><"));
        assertThat(written).doesNotContain("placeholder", "sm:buttons", "<script>", "<b>", "\" onclick")
                .contains("aria-current=\"step\">2</button>")
                .contains("aria-label=\"Question 1, answered\">1</button>");
    }

    @Test
    void no_items_leave_an_empty_list() {
        assertThat(render("<ol sm:buttons=\"${items}\"><li>placeholder</li></ol>", List.of()).replaceAll("\\s", ""))
                .isEqualTo("<ol></ol>");
        assertThat(render("<ol sm:buttons=\"${missing}\"><li>placeholder</li></ol>", List.of()).replaceAll("\\s", ""))
                .isEqualTo("<ol></ol>");
    }
}
