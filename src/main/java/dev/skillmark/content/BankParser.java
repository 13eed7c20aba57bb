package dev.skillmark.content;

import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Bank;
import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Option;
import dev.skillmark.quiz.Question;
import dev.skillmark.quiz.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one bank file: front matter, then a {@code ##} heading per question. */
final class BankParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String NUM = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern TOLERANCE = Pattern.compile("^(" + NUM + ")\\s*(?:±|\\+-|\\+/-)\\s*(" + NUM + ")$");
    private static final Pattern RANGE = Pattern.compile("^(" + NUM + ")\\s*\\.\\.\\s*(" + NUM + ")$");
    private static final Pattern EXACT = Pattern.compile("^(" + NUM + ")$");
    private static final Set<String> ATTRIBUTES = Set.of("type", "difficulty", "points", "tags", "verify");

    private final Markdown markdown;

    BankParser(Markdown markdown) {
        this.markdown = markdown;
    }

    /**
     * The bank as far as it could be read (its questions are needed to check ids across files even
     * when the file has problems); it is in service only when the file added no problem.
     */
    Optional<Bank> parse(String file, String bankId, String text, List<Problem> problems) {
        var front = FrontMatter.read(file, text, Set.of("title", "summary"), problems);
        if (front.isEmpty()) {
            return Optional.empty();
        }
        var fm = front.get();
        var title = fm.required("title", problems);
        var questions = new ArrayList<Question>();
        var blocks = Lines.splitAtHeadings(fm.bodyLines, fm.bodyStartLine);
        if (blocks.isEmpty()) {
            problems.add(new Problem(file, fm.bodyStartLine, "the bank has no questions: a question starts with a '## ' heading"));
        }
        for (var block : blocks) {
            parseQuestion(file, bankId, block, problems).ifPresent(questions::add);
        }
        return Optional.of(new Bank(bankId, title.orElse(bankId), fm.text("summary").orElse(""),
                new Source(file, 1), questions));
    }

    private Optional<Question> parseQuestion(String file, String bankId, Lines.Block block, List<Problem> problems) {
        int before = problems.size();
        Matcher heading = QuestionParts.HEADING.matcher(block.lines().get(0));
        if (!heading.matches()) {
            problems.add(new Problem(file, block.firstLine(), "cannot read this heading"));
            return Optional.empty();
        }
        var attrs = Attributes.read(file, block.firstLine(), heading.group(2), problems);
        String prompt = heading.group(1).strip();
        if (prompt.isEmpty()) {
            problems.add(new Problem(file, block.firstLine(), "the question has no prompt before {#id}"));
        }
        var parts = QuestionParts.split(file, block, problems);

        AnswerKey answer = buildAnswer(file, block.firstLine(), attrs, parts, problems);
        if (problems.size() > before || answer == null) {
            return Optional.empty();
        }
        return Optional.of(new Question(attrs.id, bankId, new Source(file, block.firstLine()), attrs.difficulty,
                attrs.points, attrs.tags, markdown.renderInline(prompt), markdown.render(parts.body()),
                parts.explanation().isBlank() ? "" : markdown.render(parts.explanation()), answer,
                Hashes.sha256(String.join("\n", block.lines())), attrs.verifyOutput));
    }

    private AnswerKey buildAnswer(String file, int line, Attributes attrs, QuestionParts parts, List<Problem> problems) {
        String type = attrs.type.orElseGet(() -> inferType(parts));
        if (type == null) {
            problems.add(new Problem(file, line, "the question has no options (- [ ] / - [x]), no 'Answer:' line "
                    + "and is not type=essay"));
            return null;
        }
        boolean choice = type.equals("single") || type.equals("multiple");
        if (!choice && !parts.options().isEmpty()) {
            problems.add(new Problem(file, parts.options().get(0).line(), "a " + type + " question cannot have options"));
        }
        if (!type.equals("short") && !type.equals("numeric") && parts.answerLine().isPresent()) {
            problems.add(new Problem(file, parts.answerLine().get().line(), "a " + type + " question cannot have an 'Answer:' line"));
        }
        if (!type.equals("essay") && parts.rubric().isPresent()) {
            problems.add(new Problem(file, parts.rubric().get().line(), "only essay questions have a rubric"));
        }
        if (!type.equals("essay") && parts.modelAnswer().isPresent()) {
            problems.add(new Problem(file, parts.modelAnswer().get().line(), "only essay questions have a model answer"));
        }
        switch (type) {
            case "single", "multiple" -> {
                return choiceAnswer(file, line, type.equals("multiple"), attrs.type.isPresent(), parts, problems);
            }
            case "short" -> {
                return shortAnswer(file, line, parts, problems);
            }
            case "numeric" -> {
                return numericAnswer(file, line, parts, problems);
            }
            default -> {
                String rubric = parts.rubric().map(r -> markdown.render(r.text())).orElse("");
                var lines = parts.rubric().map(r -> Rubrics.parse(file, r, attrs.points, markdown, problems))
                        .orElse(List.of());
                String model = parts.modelAnswer().map(m -> markdown.render(m.text())).orElse("");
                return new AnswerKey.Essay(rubric, lines, model);
            }
        }
    }

    private static String inferType(QuestionParts parts) {
        if (!parts.options().isEmpty()) {
            return parts.options().stream().filter(QuestionParts.OptionLine::correct).count() > 1 ? "multiple" : "single";
        }
        if (parts.answerLine().isPresent()) {
            String key = parts.answerLine().get().text().strip();
            return EXACT.matcher(key).matches() || TOLERANCE.matcher(key).matches() || RANGE.matcher(key).matches()
                    ? "numeric" : "short";
        }
        return null;
    }

    private AnswerKey choiceAnswer(String file, int line, boolean multiple, boolean explicitType, QuestionParts parts,
                                List<Problem> problems) {
        var options = parts.options();
        long correct = options.stream().filter(QuestionParts.OptionLine::correct).count();
        if (options.size() < 2) {
            problems.add(new Problem(file, line, "a choice question needs at least two options, found " + options.size()));
        } else if (correct == 0) {
            problems.add(new Problem(file, options.get(0).line(), "no option is marked correct: mark one with - [x]"));
        } else if (!multiple && correct > 1) {
            problems.add(new Problem(file, options.get(0).line(), (explicitType ? "a single-choice" : "this")
                    + " question has " + correct + " correct options; a single-choice question has exactly one "
                    + "(write type=multiple for checkboxes)"));
        }
        var rendered = options.stream().map(o -> new Option(markdown.renderInline(o.text()), o.correct())).toList();
        return new AnswerKey.Choice(rendered, multiple);
    }

    private static AnswerKey shortAnswer(String file, int line, QuestionParts parts, List<Problem> problems) {
        if (parts.answerLine().isEmpty()) {
            problems.add(new Problem(file, line, "a short-answer question needs an 'Answer:' line"));
            return null;
        }
        var answerLine = parts.answerLine().get();
        if (answerLine.text().contains("\n")) {
            // a fenced block after "Answer:": one literal key of several lines, answered in a multi-line field
            String key = answerLine.text().strip();
            if (key.isEmpty()) {
                problems.add(new Problem(file, answerLine.line(), "'Answer:' has no key: its code block is empty"));
            }
            return new AnswerKey.ShortText(List.of(key));
        }
        var keys = Arrays.stream(answerLine.text().split(" \\| ")).map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            problems.add(new Problem(file, answerLine.line(), "'Answer:' has no key"));
        }
        keys.forEach(k -> Grading.keyProblem(k).ifPresent(p -> problems.add(new Problem(file, answerLine.line(), p))));
        return new AnswerKey.ShortText(keys);
    }

    private static AnswerKey numericAnswer(String file, int line, QuestionParts parts, List<Problem> problems) {
        if (parts.answerLine().isEmpty()) {
            problems.add(new Problem(file, line, "a numeric question needs an 'Answer:' line"));
            return null;
        }
        var answerLine = parts.answerLine().get();
        String key = answerLine.text().strip();
        if (answerLine.text().contains("\n")) {
            problems.add(new Problem(file, answerLine.line(), "a numeric key is one number on the 'Answer:' line, not a code block"));
            return null;
        }
        Matcher m;
        if ((m = EXACT.matcher(key)).matches()) {
            double v = Double.parseDouble(m.group(1));
            return new AnswerKey.Numeric(v, v, key);
        }
        if ((m = TOLERANCE.matcher(key)).matches()) {
            double v = Double.parseDouble(m.group(1));
            double tolerance = Double.parseDouble(m.group(2));
            if (tolerance < 0) {
                problems.add(new Problem(file, answerLine.line(), "the tolerance cannot be negative"));
            }
            return new AnswerKey.Numeric(v - tolerance, v + tolerance, key);
        }
        if ((m = RANGE.matcher(key)).matches()) {
            double min = Double.parseDouble(m.group(1));
            double max = Double.parseDouble(m.group(2));
            if (min > max) {
                problems.add(new Problem(file, answerLine.line(), "the range " + key + " is empty: write the smaller number first"));
            }
            return new AnswerKey.Numeric(min, max, key);
        }
        problems.add(new Problem(file, answerLine.line(), "a numeric answer must be a number, 'number ± tolerance' "
                + "or 'min..max', not '" + key + "'"));
        return null;
    }

    /** The {@code {#id key=value}} part of a heading. */
    private static final class Attributes {
        String id = "";
        Optional<String> type = Optional.empty();
        Difficulty difficulty = Difficulty.MEDIUM;
        int points = 1;
        List<String> tags = List.of();
        boolean verifyOutput;

        static Attributes read(String file, int line, String raw, List<Problem> problems) {
            var a = new Attributes();
            if (raw == null || raw.isBlank()) {
                problems.add(new Problem(file, line, "the heading has no {#id ...}: every question needs a stable id"));
                return a;
            }
            for (String token : raw.strip().split("\\s+")) {
                if (token.startsWith("#")) {
                    a.id = token.substring(1);
                    if (!ID.matcher(a.id).matches()) {
                        problems.add(new Problem(file, line, "invalid id '" + a.id
                                + "': use lower-case letters, digits and '-'"));
                    }
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    problems.add(new Problem(file, line, "cannot read attribute '" + token + "': write key=value"));
                    continue;
                }
                a.set(file, line, token.substring(0, eq), token.substring(eq + 1), problems);
            }
            if (a.id.isEmpty()) {
                problems.add(new Problem(file, line, "the heading has no #id in {...}"));
            }
            return a;
        }

        private void set(String file, int line, String key, String value, List<Problem> problems) {
            switch (key) {
                case "type" -> {
                    if (AnswerKey.TYPES.contains(value)) {
                        type = Optional.of(value);
                    } else {
                        problems.add(new Problem(file, line, "unknown type '" + value
                                + "' (known: single, multiple, short, numeric, essay)"));
                    }
                }
                case "difficulty" -> Difficulty.parse(value).ifPresentOrElse(d -> difficulty = d,
                        () -> problems.add(new Problem(file, line, "unknown difficulty '" + value
                                + "' (known: easy, medium, hard)")));
                case "points" -> {
                    try {
                        points = Integer.parseInt(value);
                        if (points < 1) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add(new Problem(file, line, "points must be a positive whole number, not '" + value + "'"));
                    }
                }
                case "tags" -> tags = Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                case "verify" -> {
                    if (value.equals("output")) {
                        verifyOutput = true;
                    } else {
                        problems.add(new Problem(file, line, "unknown verify '" + value + "' (known: output)"));
                    }
                }
                default -> problems.add(new Problem(file, line, "unknown attribute '" + key + "' (known: "
                        + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + ")"));
            }
        }
    }
}
