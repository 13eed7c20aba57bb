package dev.skillmark.content.gift;

import dev.skillmark.content.Problem;
import dev.skillmark.content.gift.GiftQuestion.Weighted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps one GIFT question to a Skillmark question. Where Skillmark's grading cannot say exactly what the
 * GIFT weights say, the question is still imported and the difference is reported at the GIFT line.
 */
final class GiftToBank {

    private static final double EPSILON = 0.01;     // Moodle writes thirds as 33.33333

    private final String fileName;
    private final List<Problem> problems;

    GiftToBank(String fileName, List<Problem> problems) {
        this.fileName = fileName;
        this.problems = problems;
    }

    /** The question, or empty when it cannot be imported (then a problem says why). */
    Optional<BankQuestion> map(GiftQuestion q, String id) {
        var split = PromptSplit.of(q.text(), q.title());
        var feedback = new ArrayList<String>();
        var options = new ArrayList<BankQuestion.Option>();
        Optional<String> answerLine = Optional.empty();
        Optional<String> type;
        var kind = q.kind();
        if (kind instanceof GiftQuestion.Choice choice) {
            type = choice(q, choice, options, feedback);
        } else if (kind instanceof GiftQuestion.TrueFalse tf) {
            type = Optional.of("single");
            options.add(new BankQuestion.Option("True", tf.value()));
            options.add(new BankQuestion.Option("False", !tf.value()));
            addFeedback(feedback, "True", tf.value() ? tf.rightFeedback() : tf.wrongFeedback());
            addFeedback(feedback, "False", tf.value() ? tf.wrongFeedback() : tf.rightFeedback());
        } else if (kind instanceof GiftQuestion.ShortText shortText) {
            answerLine = keys(q, shortText, feedback);
            type = answerLine.map(a -> "short");
        } else if (kind instanceof GiftQuestion.Numerical numerical) {
            answerLine = GiftNumbers.answerLine(q, numerical, feedback, fileName, problems);
            type = answerLine.map(a -> "numeric");
        } else {
            type = Optional.of("essay");
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        var extras = q.extras();
        var tags = extras.tags().orElseGet(() -> q.category().flatMap(GiftToBank::categoryTag).stream().toList());
        return Optional.of(new BankQuestion(id, split.prompt(), split.body(), type.get(), extras.difficulty(), extras.points(),
                tags, extras.verifyOutput(), options, answerLine, explanation(q.generalFeedback(), feedback)));
    }

    /** Positive weight means correct; the Skillmark type, or empty when the question cannot be imported. */
    private Optional<String> choice(GiftQuestion q, GiftQuestion.Choice choice, List<BankQuestion.Option> options,
                          List<String> feedback) {
        var answers = choice.answers();
        long positive = answers.stream().filter(a -> a.weight() > 0).count();
        if (positive == 0) {
            problems.add(new Problem(fileName, q.line(), "question skipped: no answer has a positive weight, so "
                    + "no option would be correct"));
            return Optional.empty();
        }
        for (Weighted a : answers) {
            addFeedback(feedback, a.text(), a.feedback());
        }
        if (choice.single()) {
            // radio buttons: the best answer is the one correct option; partial credit cannot be kept
            Weighted best = answers.stream().reduce((a, b) -> b.weight() > a.weight() ? b : a).orElseThrow();
            answers.forEach(a -> options.add(new BankQuestion.Option(a.text(), a == best)));
            boolean exact = best.weight() >= 100 - EPSILON && answers.stream().filter(a -> a != best)
                    .allMatch(a -> Math.abs(a.weight()) < EPSILON);
            if (!exact) {
                problems.add(new Problem(fileName, q.line(), "weights " + weights(answers) + " cannot be expressed "
                        + "exactly: a Skillmark single-choice question gives full points for its one correct option "
                        + "and none for any other; imported with '" + oneLine(best.text()) + "' as the correct option"));
            }
            return Optional.of("single");
        }
        answers.forEach(a -> options.add(new BankQuestion.Option(a.text(), a.weight() > 0)));
        double share = 100.0 / positive;
        boolean exact = answers.stream().allMatch(a -> Math.abs(a.weight() - (a.weight() > 0 ? share : -share)) < EPSILON);
        if (!exact) {
            problems.add(new Problem(fileName, q.line(), "weights " + weights(answers) + " cannot be expressed "
                    + "exactly: Skillmark gives each of the " + positive + " correct options " + percent(share)
                    + " and takes " + percent(share) + " for each wrong option ticked; imported with the "
                    + "positively weighted answers as the correct options"));
        }
        return Optional.of("multiple");
    }

    /** Full-credit keys become Skillmark keys; wrong keys only lend their feedback. */
    private Optional<String> keys(GiftQuestion q, GiftQuestion.ShortText shortText, List<String> feedback) {
        var keys = new ArrayList<String>();
        for (Weighted k : shortText.keys()) {
            addFeedback(feedback, GiftText.plainToMarkdown(k.text()), k.feedback());
            if (k.weight() >= 100 - EPSILON) {
                ShortKeys.toSkillmark(k.text()).ifPresent(keys::add);
            } else if (k.weight() > 0) {
                problems.add(new Problem(fileName, k.line(), "the key '" + k.text() + "' earns " + percent(k.weight())
                        + " in GIFT; Skillmark short answers have no partial credit, so it is left out"));
            }
        }
        if (keys.isEmpty()) {
            problems.add(new Problem(fileName, q.line(), "question skipped: a short answer needs at least one key "
                    + "worth full marks"));
            return Optional.empty();
        }
        return Optional.of(String.join(" | ", keys));
    }

    static void addFeedback(List<String> feedback, String answer, String text) {
        if (!text.isBlank()) {
            String indented = text.strip().lines().map(l -> l.isBlank() ? "" : "  " + l)
                    .collect(Collectors.joining("\n")).strip();
            feedback.add("- “" + oneLine(answer) + "”: " + indented);
        }
    }

    private static String explanation(String general, List<String> feedback) {
        var parts = new ArrayList<String>();
        if (!general.isBlank()) {
            parts.add(general.strip());
        }
        if (!feedback.isEmpty()) {
            parts.add(String.join("\n", feedback));
        }
        return String.join("\n\n", parts);
    }

    /** The last level of a category path, e.g. {@code $course$/top/Type system} gives {@code type-system}. */
    static Optional<String> categoryTag(String path) {
        var levels = path.split("/");
        String last = levels[levels.length - 1].strip();
        if (last.equals("top") || last.matches("\\$\\w*\\$")) {
            return Optional.empty();
        }
        return Optional.of(Ids.slug(last)).filter(s -> !s.isEmpty());
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\\\?\\s*\\n\\s*", " ");
    }

    private static String weights(List<Weighted> answers) {
        return answers.stream().map(a -> percent(a.weight())).collect(Collectors.joining(", "));
    }

    static String percent(double weight) {
        String n = String.format(Locale.ROOT, "%.5f", weight).replaceAll("0+$", "").replaceAll("\\.$", "");
        return n + "%";
    }
}
