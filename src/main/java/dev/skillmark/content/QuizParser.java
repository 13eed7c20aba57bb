package dev.skillmark.content;

import dev.skillmark.quiz.Difficulty;
import dev.skillmark.quiz.DrawRule;
import dev.skillmark.quiz.Quiz;
import dev.skillmark.quiz.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one quiz file: settings and draw rules in front matter, instructions in the body. */
final class QuizParser {

    private static final Set<String> KEYS = Set.of("title", "summary", "time_limit", "pass_mark", "mode", "review",
            "shuffle_questions", "shuffle_options", "draw", "opens", "closes", "access", "form");
    private static final Set<String> RULE_KEYS = Set.of("bank", "count", "difficulty", "tags", "type", "ids");
    private static final Pattern DURATION = Pattern.compile("^(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?$");

    private final Markdown markdown;

    QuizParser(Markdown markdown) {
        this.markdown = markdown;
    }

    Optional<Quiz> parse(String file, String quizId, String text, List<Problem> problems) {
        int before = problems.size();
        var front = FrontMatter.read(file, text, KEYS, problems);
        if (front.isEmpty()) {
            return Optional.empty();
        }
        var fm = front.get();
        var title = fm.required("title", problems);
        var timeLimit = fm.text("time_limit").flatMap(t -> timeLimit(file, fm.lineOf("time_limit"), t, problems));
        int passMark = fm.text("pass_mark").map(t -> passMark(file, fm.lineOf("pass_mark"), t, problems)).orElse(60);
        var mode = fm.text("mode").map(t -> choose(file, fm.lineOf("mode"), "mode", t, Quiz.Mode.class, problems))
                .orElse(Quiz.Mode.EXAM);
        var review = fm.text("review").map(t -> choose(file, fm.lineOf("review"), "review", t, Quiz.Review.class, problems))
                .orElse(Quiz.Review.SCORE);
        var access = fm.text("access").map(t -> choose(file, fm.lineOf("access"), "access", t, Quiz.Access.class, problems))
                .orElse(mode == Quiz.Mode.PRACTICE ? Quiz.Access.PUBLIC : Quiz.Access.INVITED);
        var form = fm.text("form").map(t -> choose(file, fm.lineOf("form"), "form", t, Quiz.Form.class, problems))
                .orElse(Quiz.Form.RANDOM);
        boolean shuffleQuestions = flag(file, fm, "shuffle_questions", problems);
        boolean shuffleOptions = flag(file, fm, "shuffle_options", problems);
        var rules = rules(file, fm, problems);
        var opens = fm.text("opens").flatMap(t -> instant(file, fm.lineOf("opens"), "opens", t, problems));
        var closes = fm.text("closes").flatMap(t -> instant(file, fm.lineOf("closes"), "closes", t, problems));
        if (opens.isPresent() && closes.isPresent() && !opens.get().isBefore(closes.get())) {
            problems.add(new Problem(file, fm.lineOf("closes"), "closes must be after opens"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String instructions = markdown.render(String.join("\n", fm.bodyLines));
        return Optional.of(new Quiz(quizId, title.orElseThrow(), fm.text("summary").orElse(""), instructions,
                timeLimit, passMark, mode == null ? Quiz.Mode.EXAM : mode,
                review == null ? Quiz.Review.SCORE : review, shuffleQuestions, shuffleOptions, rules,
                new Source(file, 1), opens, closes, access == null ? Quiz.Access.INVITED : access,
                form == null ? Quiz.Form.RANDOM : form));
    }

    static Optional<Duration> timeLimit(String file, int line, String text, List<Problem> problems) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return Optional.empty();
        }
        if (t.matches("\\d+")) {
            return positive(file, line, Duration.ofMinutes(Long.parseLong(t)), problems);
        }
        var m = DURATION.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            var d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusSeconds(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            return positive(file, line, d, problems);
        }
        problems.add(new Problem(file, line, "time_limit '" + text + "' is not a duration: write 45m, 90s, 1h30m, "
                + "a number of minutes, or none"));
        return Optional.empty();
    }

    private static Optional<Duration> positive(String file, int line, Duration d, List<Problem> problems) {
        if (d.isZero()) {
            problems.add(new Problem(file, line, "time_limit must be longer than zero (write none for untimed)"));
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static Optional<java.time.Instant> instant(String file, int line, String key, String text, List<Problem> problems) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text.strip()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem(file, line, key + " must be a date and time with its offset, like "
                    + "2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00, not '" + text + "'"));
            return Optional.empty();
        }
    }

    private static int passMark(String file, int line, String text, List<Problem> problems) {
        try {
            int mark = Integer.parseInt(text.strip().replace("%", ""));
            if (mark >= 0 && mark <= 100) {
                return mark;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(file, line, "pass_mark must be a whole percentage from 0 to 100, not '" + text + "'"));
        return 0;
    }

    private static <E extends Enum<E>> E choose(String file, int line, String key, String text, Class<E> type,
                                               List<Problem> problems) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        var names = new ArrayList<String>();
        for (E value : type.getEnumConstants()) {
            names.add(value.name().toLowerCase(Locale.ROOT));
        }
        problems.add(new Problem(file, line, "unknown " + key + " '" + text + "' (known: " + String.join(", ", names) + ")"));
        return null;
    }

    private static boolean flag(String file, FrontMatter fm, String key, List<Problem> problems) {
        var text = fm.text(key);
        if (text.isEmpty()) {
            return true;
        }
        switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> {
                return true;
            }
            case "false", "no" -> {
                return false;
            }
            default -> {
                problems.add(new Problem(file, fm.lineOf(key), key + " must be true or false, not '" + text.get() + "'"));
                return true;
            }
        }
    }

    private static List<DrawRule> rules(String file, FrontMatter fm, List<Problem> problems) {
        var draw = fm.values.get("draw");
        if (draw == null) {
            problems.add(new Problem(file, 2, "front matter has no 'draw' rules: say which questions the quiz asks"));
            return List.of();
        }
        var rules = new ArrayList<DrawRule>();
        for (var item : draw.items(fm.lineOffset)) {
            var map = item.mapping(fm.lineOffset);
            var source = new Source(file, item.line());
            if (map.isEmpty()) {
                problems.add(new Problem(file, item.line(), "a draw rule is 'bank: name' (with count, difficulty, tags) "
                        + "or 'ids: [...]'"));
                continue;
            }
            map.forEach((k, v) -> {
                if (!RULE_KEYS.contains(k)) {
                    problems.add(new Problem(file, v.line(), "unknown draw rule key '" + k
                            + "' (known: bank, count, difficulty, tags, type, ids)"));
                }
            });
            if (map.containsKey("ids")) {
                if (map.containsKey("bank")) {
                    problems.add(new Problem(file, item.line(), "a draw rule takes either 'bank' or 'ids', not both"));
                }
                var ids = scalars(map.get("ids"), fm.lineOffset);
                if (ids.isEmpty()) {
                    problems.add(new Problem(file, map.get("ids").line(), "'ids' names no question"));
                }
                rules.add(new DrawRule.Fixed(ids, source));
                continue;
            }
            var bank = map.get("bank") == null ? Optional.<String>empty() : map.get("bank").scalar();
            if (bank.isEmpty() || bank.get().isBlank()) {
                problems.add(new Problem(file, item.line(), "a draw rule needs 'bank: name' or 'ids: [...]'"));
                continue;
            }
            OptionalInt count = OptionalInt.empty();
            if (map.containsKey("count")) {
                var text = map.get("count").scalar().orElse("");
                try {
                    int n = Integer.parseInt(text.strip());
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    count = OptionalInt.of(n);
                } catch (NumberFormatException e) {
                    problems.add(new Problem(file, map.get("count").line(), "count must be a positive whole number, not '" + text + "'"));
                }
            }
            var difficulties = new HashSet<Difficulty>();
            if (map.containsKey("difficulty")) {
                for (String d : scalars(map.get("difficulty"), fm.lineOffset)) {
                    Difficulty.parse(d).ifPresentOrElse(difficulties::add, () -> problems.add(new Problem(file,
                            map.get("difficulty").line(), "unknown difficulty '" + d + "' (known: easy, medium, hard)")));
                }
            }
            var tags = map.containsKey("tags") ? new HashSet<>(scalars(map.get("tags"), fm.lineOffset)) : Set.<String>of();
            var types = map.containsKey("type") ? new HashSet<>(scalars(map.get("type"), fm.lineOffset)) : Set.<String>of();
            for (String type : types) {
                if (!dev.skillmark.quiz.AnswerKey.TYPES.contains(type)) {
                    problems.add(new Problem(file, map.get("type").line(), "unknown type '" + type
                            + "' (known: single, multiple, short, numeric, essay)"));
                }
            }
            rules.add(new DrawRule.FromBank(bank.get().strip(), count, difficulties, tags, types, source));
        }
        return rules;
    }

    private static List<String> scalars(FrontMatter.Value value, int offset) {
        return value.items(offset).stream().flatMap(v -> v.scalar().stream())
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
