package dev.skillmark.content.gift;

import dev.skillmark.content.Lines;
import dev.skillmark.content.Problem;
import dev.skillmark.quiz.Difficulty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a GIFT file the way Moodle does: a question (or a {@code $CATEGORY}) is a run of non-blank
 * lines, each line trimmed; {@code //} lines are comments but do not end a question.
 */
final class GiftBlocks {

    /**
     * One question's text with escapes hidden, from its first non-comment line; comment lines inside it
     * are kept as empty lines so offsets still map to file lines.
     */
    record Block(int firstLine, String hidden, GiftQuestion.Extras extras) {
        int lineAt(int offset) {
            int line = firstLine;
            for (int i = 0; i < Math.min(offset, hidden.length()); i++) {
                if (hidden.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    // only a comment made of known attributes counts, so people's own comments are never misread
    private static final Pattern EXTRAS = Pattern.compile(
            "^//\\s*[a-z0-9][a-z0-9-]*\\s*\\{((?:\\s*(?:difficulty|points|tags|verify)=[^\\s{}]*)*)\\s*\\}\\s*$");
    private static final Pattern TAG = Pattern.compile("[^\\s,{}]+");

    private GiftBlocks() {
    }

    static List<Block> split(String giftText, String fileName, List<Problem> problems) {
        var blocks = new ArrayList<Block>();
        var lines = Lines.of(giftText);
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean blank = i == lines.size() || lines.get(i).isBlank();
            if (blank && start >= 0) {
                block(lines.subList(start, i), start + 1, fileName, problems).ifPresent(blocks::add);
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return blocks;
    }

    private static Optional<Block> block(List<String> lines, int firstLine, String fileName, List<Problem> problems) {
        var extras = GiftQuestion.Extras.NONE;
        int first = -1;
        var text = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean comment = line.startsWith("//");
            if (comment) {
                Matcher m = EXTRAS.matcher(line);
                if (m.matches()) {
                    extras = extras(m.group(1), fileName, firstLine + i, problems);
                }
            }
            if (first < 0 && comment) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            text.add(comment ? "" : line);
        }
        if (first < 0) {
            return Optional.empty();    // only comments
        }
        return Optional.of(new Block(firstLine + first, GiftText.hide(String.join("\n", text).strip()), extras));
    }

    /** Reads {@code difficulty=easy points=2 tags=a,b verify=output}; anything else is reported and ignored. */
    private static GiftQuestion.Extras extras(String raw, String fileName, int line, List<Problem> problems) {
        Optional<Difficulty> difficulty = Optional.empty();
        int points = 1;
        Optional<List<String>> tags = Optional.empty();
        boolean verify = false;
        for (String token : raw.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            switch (key) {
                case "" -> {
                }
                case "difficulty" -> {
                    difficulty = Difficulty.parse(value);
                    if (difficulty.isEmpty()) {
                        problems.add(new Problem(fileName, line, "unknown difficulty '" + value + "' ignored"));
                    }
                }
                case "points" -> {
                    if (value.matches("[1-9][0-9]{0,5}")) {
                        points = Integer.parseInt(value);
                    } else {
                        problems.add(new Problem(fileName, line, "points must be a positive whole number: '" + value
                                + "' ignored"));
                    }
                }
                case "tags" -> tags = Optional.of(Arrays.stream(value.split(",")).filter(t -> TAG.matcher(t).matches())
                        .toList());
                case "verify" -> {
                    verify = value.equals("output");
                    if (!verify) {
                        problems.add(new Problem(fileName, line, "unknown verify '" + value + "' ignored"));
                    }
                }
                default -> problems.add(new Problem(fileName, line, "unknown attribute '" + token + "' ignored"));
            }
        }
        return new GiftQuestion.Extras(difficulty, points, tags, verify);
    }
}
