package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Public, as are its records but one: the shortcut serves only types that are public all the way out. */
public class AccessorExpressionsTest {

    public record Inner(int slot, String title, Optional<String> error) {
        public String shout() {
            throw new IllegalStateException("boom");
        }
    }

    public record Outer(Inner inner, Inner missing, Hidden hidden) {
    }

    record Hidden(String secret) {
    }

    private static TemplateEngine engine(boolean shortcut) {
        var engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        if (shortcut) {
            engine.setDialect(Templates.dialect());
        }
        return engine;
    }

    private static final TemplateEngine OGNL = engine(false);
    private static final TemplateEngine SHORTCUT = engine(true);

    private static String render(TemplateEngine engine, String template) {
        var context = new Context(Locale.ENGLISH);
        context.setVariables(Map.of("o", new Outer(new Inner(3, "<b>Title</b>", Optional.of("bad")), null, new Hidden("s")),
                "n", 7, "text", "plain"));
        return engine.process(template, context);
    }

    @Test
    void every_kind_of_expression_renders_as_it_does_through_ognl() {
        String template = """
                <p th:text="${o.inner().slot()}"></p>
                <p th:text="${o.inner().title()}"></p>
                <p th:utext="${o.inner().title()}"></p>
                <p th:attr="data-slot=${o.inner().slot()},title=${o.inner().title()}"></p>
                <p th:text="'Question ' + ${o.inner().slot()} + ' of ' + ${n}"></p>
                <p th:if="${o.inner().error().isPresent()}" th:text="${o.inner().error().get()}"></p>
                <p th:text="${o.inner().slot() == 3} ? 'three' : 'other'"></p>
                <p th:text="${o.missing()}"></p>
                <p th:text="${o.hidden().secret()}"></p>
                <p th:text="${text}"></p>
                <p th:text="${absent}"></p>
                <p th:text="${#strings.toUpperCase(text)}"></p>
                <p th:each="i : ${ {1, 2} }" th:text="${i}"></p>
                <p th:object="${o}" th:text="*{inner().slot()}"></p>
                <a th:href="@{q/{slot}(slot=${o.inner().slot()},page=${text})}">link</a>
                """;
        String expected = render(OGNL, template);
        assertThat(render(SHORTCUT, template)).isEqualTo(expected)
                .contains("<p>3</p>", "&lt;b&gt;Title&lt;/b&gt;", "<p><b>Title</b></p>", "Question 3 of 7", "<p>bad</p>",
                        "<p>three</p>", "<p>s</p>", "q/3?page=plain");
    }

    @Test
    void a_call_on_nothing_and_a_failing_accessor_fail_the_page_as_they_do_through_ognl() {
        failThroughBoth("<p th:text=\"${o.missing().slot()}\"></p>", "<p th:text=\"${o.inner().shout()}\"></p>");
    }

    @Test
    void what_ognl_refuses_under_thymeleafs_rules_stays_refused() {
        // Object's own methods and JDK types are never taken by the shortcut: OGNL decides, as it did before
        failThroughBoth("<p th:text=\"${o.getClass().getClassLoader()}\"></p>",
                "<p th:text=\"${text.getClass().forName('java.lang.Runtime')}\"></p>");
    }

    private static void failThroughBoth(String... templates) {
        for (String template : templates) {
            assertThatThrownBy(() -> render(OGNL, template)).isInstanceOf(TemplateProcessingException.class);
            assertThatThrownBy(() -> render(SHORTCUT, template)).isInstanceOf(TemplateProcessingException.class);
        }
    }
}
