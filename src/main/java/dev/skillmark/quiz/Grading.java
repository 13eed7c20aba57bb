package dev.skillmark.quiz;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Grading is a pure function of the question's answer key and the candidate's response. Regular
 * expression keys run on RE2/J, in time linear in the response: no key can backtrack catastrophically.
 */
public final class Grading {

    private static final Pattern REGEX_KEY = Pattern.compile("^/(.+)/(i?)$", Pattern.DOTALL);

    private Grading() {
    }

    public static Grade grade(AnswerKey answer, Response response) {
        if (response.isEmpty()) {
            return answer instanceof AnswerKey.Essay ? Grade.UNANSWERED : Grade.UNANSWERED;
        }
        if (answer instanceof AnswerKey.Choice choice && response instanceof Response.Choices picked) {
            return gradeChoice(choice, picked);
        }
        if (response instanceof Response.Text text) {
            if (answer instanceof AnswerKey.ShortText shortText) {
                return shortText.keys().stream().anyMatch(key -> matchesKey(key, text.text()))
                        ? Grade.of(1) : Grade.of(0);
            }
            if (answer instanceof AnswerKey.Numeric numeric) {
                return Numbers.parse(text.text())
                        .map(v -> withinRange(v, numeric) ? Grade.of(1) : Grade.of(0))
                        .orElse(Grade.of(0));
            }
            if (answer instanceof AnswerKey.Essay) {
                return Grade.PENDING;
            }
        }
        throw new IllegalArgumentException("a " + answer.typeName() + " question cannot take " + response);
    }

    /** A right tick earns 1/c, a wrong tick costs 1/c (c = number of correct options), never below zero. */
    private static Grade gradeChoice(AnswerKey.Choice choice, Response.Choices picked) {
        var options = choice.options();
        long correct = choice.correctCount();
        if (!choice.multiple()) {
            boolean right = picked.positions().size() == 1
                    && options.get(picked.positions().iterator().next()).correct();
            return Grade.of(right ? 1 : 0);
        }
        double sum = 0;
        for (int position : picked.positions()) {
            sum += options.get(position).correct() ? 1.0 / correct : -1.0 / correct;
        }
        return Grade.of(Math.max(0, Math.min(1, sum)));
    }

    public static boolean matchesKey(String key, String response) {
        var regex = REGEX_KEY.matcher(key.trim());
        if (regex.matches()) {
            int flags = regex.group(2).isEmpty() ? 0 : Pattern.CASE_INSENSITIVE;
            var pattern = Pattern.compile(regex.group(1), flags);
            // whitespace is as forgiving for regular expressions as for plain keys
            return pattern.matcher(response.trim()).matches()
                    || pattern.matcher(response.trim().replaceAll("\\s+", " ")).matches();
        }
        return normalise(key).equals(normalise(response));
    }

    /** Whether a key is written as a regular expression, {@code /pattern/} or {@code /pattern/i}. */
    public static boolean isRegex(String key) {
        return REGEX_KEY.matcher(key.trim()).matches();
    }

    /** Checks a key written as a regular expression; empty when RE2 can run it, or it is plain text. */
    public static Optional<String> keyProblem(String key) {
        var regex = REGEX_KEY.matcher(key.trim());
        if (!regex.matches()) {
            return Optional.empty();
        }
        try {
            Pattern.compile(regex.group(1));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("regular expression " + key.trim() + " cannot be used: " + e.getDescription()
                    + " (keys run on RE2: no backreferences or lookaround)");
        }
    }

    public static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean withinRange(double value, AnswerKey.Numeric numeric) {
        double slack = 1e-9 * Math.max(1, Math.max(Math.abs(numeric.min()), Math.abs(numeric.max())));
        return value >= numeric.min() - slack && value <= numeric.max() + slack;
    }
}
