package dev.skillmark.content.gift;

import dev.skillmark.content.Problem;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes one Skillmark question as GIFT that Moodle imports: every text on one line with {@code \n} for
 * line breaks (Moodle trims lines and ends a question at a blank line), and every GIFT character escaped.
 */
final class GiftWriter {

    private static final Pattern LEADING_WEIGHT = Pattern.compile("^%-?\\d+(\\.\\d*)?%");
    private static final Pattern LEADING_FORMAT = Pattern.compile("^\\[(moodle|html|plain|markdown)\\]");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\d+)([.)])(\\s|$)|^([-*+>#|])");
    private static final int MOST_CORRECT_OPTIONS_MOODLE_GRADES = 10;

    private final String file;
    private final List<Problem> problems;

    GiftWriter(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The question as GIFT, or empty when nothing GIFT can state would grade it (then a problem says why). */
    Optional<String> write(Question q, SourceQuestion source) {
        var answers = answers(q, source);
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        if (source.hasRubric()) {
            problem(q, "the rubric is for interviewers and GIFT has no place for it: it is left out");
        }
        var out = new StringBuilder();
        out.append("// ").append(q.id()).append(attributes(q)).append('\n');
        out.append("::").append(q.id()).append("::[markdown]").append(GiftText.escape(questionText(source)));
        String explanation = source.explanation().isBlank() ? ""
                : "####" + keepFormatTag(GiftText.escape(source.explanation()), "[markdown]");
        if (isTrueFalse(q, source)) {
            boolean trueIsRight = ((AnswerKey.Choice) q.key()).options().get(0).correct();
            out.append('{').append(trueIsRight ? "TRUE" : "FALSE").append(explanation).append("}\n");
        } else if (answers.get().isEmpty()) {
            out.append('{').append(explanation).append("}\n");
        } else {
            out.append('{').append(q.key() instanceof AnswerKey.Numeric ? "#" : "").append('\n');
            answers.get().forEach(a -> out.append('\t').append(a).append('\n'));
            if (!explanation.isEmpty()) {
                out.append('\t').append(explanation).append('\n');
            }
            out.append("}\n");
        }
        return Optional.of(out.toString());
    }

    /** The answer lines in GIFT; an empty list for an essay. */
    private Optional<List<String>> answers(Question q, SourceQuestion source) {
        var lines = new ArrayList<String>();
        if (q.key() instanceof AnswerKey.Choice choice) {
            if (choice.options().size() != source.options().size()) {
                problem(q, "question skipped: the source has " + source.options().size() + " options but the bank "
                        + "loaded " + choice.options().size());
                return Optional.empty();
            }
            long correct = choice.correctCount();
            if (choice.multiple() && correct > MOST_CORRECT_OPTIONS_MOODLE_GRADES) {
                problem(q, "Moodle only accepts set grades: with " + correct + " correct options the weight "
                        + weight(100.0 / correct) + "% may be refused");
            }
            for (int i = 0; i < choice.options().size(); i++) {
                boolean right = choice.options().get(i).correct();
                String text = keepFormatTag(GiftText.escape(source.options().get(i)), "[markdown]");
                String marker = !choice.multiple() ? (right ? "=" : "~")
                        : "~%" + (right ? "" : "-") + weight(100.0 / correct) + "%";
                // text that starts like a weight would be read as one: an explicit weight goes first
                boolean guard = marker.equals("~") && LEADING_WEIGHT.matcher(text).find();
                lines.add(marker + (guard ? "%0%" : "") + text);
            }
        } else if (q.key() instanceof AnswerKey.ShortText shortText) {
            for (String written : shortText.keys()) {
                // a key of several lines becomes one line: responses are compared ignoring whitespace runs anyway
                String key = written.strip().replaceAll("\\s*\\R\\s*", " ");
                var gift = ShortKeys.toGift(key).map(k -> keepFormatTag(k, "[moodle]"));
                if (gift.isEmpty()) {
                    problem(q, "the key " + key + " is a regular expression, which GIFT cannot state: it is left out");
                } else if (gift.get().contains("->")) {
                    // GIFT cannot escape "->", and with "=" it makes Moodle read a matching question
                    problem(q, "the key " + key + " contains '->', which Moodle reads as a matching question: it is left out");
                    gift = Optional.empty();
                }
                gift.ifPresent(k -> lines.add("=" + (LEADING_WEIGHT.matcher(k).find() ? "%100%" : "") + k));
            }
            if (lines.isEmpty()) {
                problem(q, "question skipped: no key can be stated in GIFT");
                return Optional.empty();
            }
        } else if (q.key() instanceof AnswerKey.Numeric numeric) {
            lines.add("=" + GiftNumbers.toGift(numeric.display()));
        }
        return Optional.of(lines);
    }

    /** Moodle strips a leading {@code [format]} tag, so text that starts with one gets a tag of its own first. */
    private static String keepFormatTag(String text, String tag) {
        return LEADING_FORMAT.matcher(text).find() ? tag + text : text;
    }

    /** Options "True" then "False" with one right: GIFT's own {@code {TRUE}} / {@code {FALSE}}. */
    private static boolean isTrueFalse(Question q, SourceQuestion source) {
        return q.key() instanceof AnswerKey.Choice choice && !choice.multiple()
                && source.options().equals(List.of("True", "False"));
    }

    /** The prompt as the first paragraph, then the body: how {@link PromptSplit} reads them back. */
    private static String questionText(SourceQuestion source) {
        String prompt = source.prompt();
        var m = BLOCK_START.matcher(prompt);
        if (m.find()) {
            // in a heading "1. " or "- " is text; as a paragraph it would start a list, so escape it
            prompt = m.group(1) != null ? m.group(1) + "\\" + prompt.substring(m.group(1).length())
                    : "\\" + prompt;
        }
        return source.body().isBlank() ? prompt : prompt + "\n\n" + source.body();
    }

    /** Skillmark attributes GIFT has no syntax for, in a comment Moodle ignores and the GIFT import reads. */
    private static String attributes(Question q) {
        var attrs = new ArrayList<String>();
        if (q.difficulty() != Difficulty.MEDIUM) {
            attrs.add("difficulty=" + q.difficulty().label());
        }
        if (q.points() != 1) {
            attrs.add("points=" + q.points());
        }
        if (!q.tags().isEmpty()) {
            attrs.add("tags=" + String.join(",", q.tags()));
        }
        if (q.verifyOutput()) {
            attrs.add("verify=output");
        }
        return attrs.isEmpty() ? "" : " {" + String.join(" ", attrs) + "}";
    }

    /** A percentage as Moodle lists its grades: at most five decimals, so thirds are 33.33333. */
    static String weight(double percent) {
        return String.format(Locale.ROOT, "%.5f", percent).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private void problem(Question q, String message) {
        problems.add(new Problem(file, q.source().line(), message));
    }
}
