package dev.skillmark.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;

/**
 * Thymeleaf's {@code ${...}} evaluator, with one shortcut in front of OGNL: an expression that is a variable followed
 * by calls of accessors without arguments ({@code ${page.question().slot()}}, {@code ${o.letter()}}), each declared by
 * one of Skillmark's own public types, is read by calling those methods directly. That is most of the expressions of
 * the templates (a result page has a dozen a question): through OGNL each builds an OGNL context and runs
 * Thymeleaf's member checks, which was about a third of the question page's time. Everything else (operators, arguments,
 * {@code #strings}, JDK types such as {@code Optional}, {@code *{...}}, results restricted by type) goes to OGNL as before,
 * so the shortcut never reaches anything OGNL under Thymeleaf's rules would refuse.
 */
final class AccessorExpressions implements IStandardVariableExpressionEvaluator {

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*\\(\\))*");
    private static final String OWN = "dev.skillmark.";

    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    /** Each expression's variable and method names, or empty when it is not such a chain. */
    private final Map<String, Optional<List<String>>> chains = new ConcurrentHashMap<>();
    /** Each own type's accessor by name; absent when the type has none of that name the shortcut may call. */
    private final ClassValue<Map<String, Optional<Method>>> accessors = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext execution) {
        String text = expression.getExpression();
        // Restricted contexts (most attributes) forbid what a chain of accessors cannot hold: #request and the
        // other restricted expression objects, static members, constructors. Results restricted by type stay OGNL's.
        if (text == null || expression.getUseSelectionAsRoot() || execution.getForbidUnsafeExpressionResults()) {
            return ognl.evaluate(context, expression, execution);
        }
        var chain = chains.computeIfAbsent(text.strip(), AccessorExpressions::chain);
        if (chain.isEmpty()) {
            return ognl.evaluate(context, expression, execution);
        }
        var names = chain.get();
        Object value = context.getVariable(names.get(0));
        for (int i = 1; i < names.size(); i++) {
            var method = value == null ? Optional.<Method>empty() : accessor(value.getClass(), names.get(i));
            if (method.isEmpty()) {
                return ognl.evaluate(context, expression, execution); // null, a JDK type, or no such accessor
            }
            value = call(method.get(), value, text);
        }
        return execution.getPerformTypeConversion()
                ? StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class)
                : value;
    }

    private static Optional<List<String>> chain(String text) {
        if (!CHAIN.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(List.of(text.replace("()", "").split("\\.")));
    }

    private Optional<Method> accessor(Class<?> type, String name) {
        return accessors.get(type).computeIfAbsent(name, n -> {
            if (!reachable(type)) {
                return Optional.empty();
            }
            try {
                Method method = type.getMethod(n);
                boolean own = reachable(method.getDeclaringClass());
                return own && method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())
                        ? Optional.of(method) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }

    /** One of Skillmark's types that any code may call: public, and so is every type it is nested in. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!t.getName().startsWith(OWN) || !Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Object call(Method method, Object target, String text) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new TemplateProcessingException("Exception evaluating expression: \"" + text + "\"", e.getCause());
        } catch (IllegalAccessException e) {
            throw new TemplateProcessingException("Exception evaluating expression: \"" + text + "\"", e);
        }
    }
}
