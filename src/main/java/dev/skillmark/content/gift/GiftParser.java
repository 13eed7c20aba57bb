package dev.skillmark.content.gift;

import dev.skillmark.content.Problem;
import dev.skillmark.content.gift.GiftQuestion.Weighted;
import dev.skillmark.content.gift.GiftText.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the questions of a GIFT file, telling the kinds apart as Moodle does. A question that has no
 * Skillmark equivalent is reported at its first line and counted as skipped, never dropped quietly.
 */
final class GiftParser {

    /** The questions read, and how many questions were reported and left out. */
    record Parsed(List<GiftQuestion> questions, int skipped) {
        Parsed {
            questions = List.copyOf(questions);
        }
    }

    private static final String CATEGORY = "$CATEGORY:";
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d*)?)%");
    private static final Set<String> TRUE_FALSE = Set.of("T", "TRUE", "F", "FALSE");

    /** Whether an answer is an option shown to the candidate or a key compared with what they type. */
    private enum Role { OPTION, KEY }

    private final String fileName;
    private final List<Problem> problems;
    private Optional<String> category = Optional.empty();
    private int skipped;

    private GiftParser(String fileName, List<Problem> problems) {
        this.fileName = fileName;
        this.problems = problems;
    }

    static Parsed parse(String giftText, String fileName, List<Problem> problems) {
        var parser = new GiftParser(fileName, problems);
        var questions = new ArrayList<GiftQuestion>();
        for (var block : GiftBlocks.split(giftText, fileName, problems)) {
            parser.question(block).ifPresent(questions::add);
        }
        return new Parsed(questions, parser.skipped);
    }

    private Optional<GiftQuestion> question(GiftBlocks.Block block) {
        String text = block.hidden();
        if (text.startsWith(CATEGORY)) {
            int end = text.indexOf('\n');
            category = Optional.of(GiftText.reveal(text.substring(CATEGORY.length(), end < 0 ? text.length() : end)).strip());
            if (end >= 0 && !text.substring(end).isBlank()) {
                // Moodle would read the whole run of lines as the category's name
                return skip(block.lineAt(end + 1), "a question directly below $CATEGORY is read as part of the "
                        + "category name: put a blank line between them");
            }
            return Optional.empty();
        }
        int pos = 0;
        Optional<String> title = Optional.empty();
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            pos = end < 0 ? 2 : end + 2;
            if (end >= 0) {
                title = Optional.of(GiftText.reveal(text.substring(2, end)).strip()).filter(t -> !t.isEmpty());
            }
        }
        int open = text.indexOf('{', pos);
        int close = text.indexOf('}', pos);
        int line = block.firstLine();
        if (open < 0 && close < 0) {
            return skip(line, "a description (text without an answer in braces) has no Skillmark equivalent");
        }
        if (open < 0 || close < open) {
            return skip(line, "unbalanced braces: write a literal brace as \\{ or \\}");
        }
        if (!text.substring(close + 1).isBlank()) {
            return skip(line, "a missing-word (cloze) question, with text after the answer braces, has no Skillmark "
                    + "equivalent");
        }
        String questionText = text.substring(pos, open).strip();
        Format format = GiftText.formatOf(questionText, Format.MOODLE);
        var answers = new Answers(block, open + 1, text.substring(open + 1, close), format);
        var converted = GiftText.toMarkdown(questionText, Format.MOODLE);
        var kind = answers.kind(line);
        if (kind.isEmpty()) {
            skipped++;
            return Optional.empty();
        }
        if (converted.markupDropped() || answers.markupDropped) {
            problems.add(new Problem(fileName, line, "HTML formatting was dropped: the text is imported as plain text"));
        }
        return Optional.of(new GiftQuestion(line, title, converted.markdown(), kind.get(), answers.generalFeedback,
                block.extras(), category));
    }

    private Optional<GiftQuestion> skip(int line, String message) {
        problems.add(new Problem(fileName, line, "question skipped: " + message));
        skipped++;
        return Optional.empty();
    }

    /** The text between the braces of one question, with offsets kept so each answer knows its line. */
    private final class Answers {
        final GiftBlocks.Block block;
        final int offset;
        final String text;
        final Format format;
        final String generalFeedback;
        boolean markupDropped;

        Answers(GiftBlocks.Block block, int offset, String raw, Format format) {
            this.block = block;
            this.format = format;
            int general = raw.lastIndexOf("####");
            this.offset = offset;
            this.text = general < 0 ? raw : raw.substring(0, general);
            this.generalFeedback = general < 0 ? "" : markdown(raw.substring(general + 4));
        }

        Optional<GiftQuestion.Kind> kind(int line) {
            String answers = text.strip();
            if (answers.isEmpty()) {
                return Optional.of(new GiftQuestion.Essay());
            }
            if (answers.startsWith("#")) {
                return numerical(line);
            }
            if (answers.contains("~")) {
                var choices = split(0, text.length(), "~=", Role.OPTION);
                if (choices.size() < 2) {
                    return report(line, "a multiple-choice question needs at least two answers");
                }
                return Optional.of(new GiftQuestion.Choice(choices, answers.contains("=")));
            }
            if (answers.contains("=") && answers.contains("->")) {
                return report(line, "matching questions (=item -> match) have no Skillmark equivalent");
            }
            String[] bits = answers.split("#", 3);
            if (TRUE_FALSE.contains(bits[0].strip())) {
                return Optional.of(new GiftQuestion.TrueFalse(bits[0].strip().startsWith("T"),
                        bits.length > 1 ? markdown(bits[1]) : "", bits.length > 2 ? markdown(bits[2]) : ""));
            }
            var keys = split(0, text.length(), "=", Role.KEY).stream()
                    .map(k -> new Weighted(GiftText.reveal(GiftText.withoutPrefix(k.text())).strip(), k.weight(),
                            k.feedback(), k.line()))
                    .toList();
            return Optional.of(new GiftQuestion.ShortText(keys));
        }

        private Optional<GiftQuestion.Kind> numerical(int line) {
            int hash = text.indexOf('#');
            int other = text.indexOf('~', hash);
            String otherFeedback = "";
            int end = text.length();
            if (other >= 0) {
                String rest = text.substring(other + 1);
                int fb = rest.indexOf('#');
                otherFeedback = fb < 0 ? "" : markdown(rest.substring(fb + 1));
                end = other;
            }
            var answers = split(hash + 1, end, "=", Role.KEY).stream()
                    .map(a -> new Weighted(GiftText.reveal(a.text()).strip(), a.weight(), a.feedback(), a.line()))
                    .toList();
            if (answers.isEmpty()) {
                return report(line, "a numerical question ({#...}) has no answer");
            }
            return Optional.of(new GiftQuestion.Numerical(answers, otherFeedback));
        }

        /** Answers start at each marker; text before the first marker is an answer too, as in Moodle. */
        private List<Weighted> split(int from, int to, String markers, Role role) {
            var answers = new ArrayList<Weighted>();
            int start = from;
            char marker = 0;
            for (int i = from; i <= to; i++) {
                boolean atMarker = i < to && markers.indexOf(text.charAt(i)) >= 0;
                if (atMarker || i == to) {
                    String piece = text.substring(start, i);
                    if (marker != 0 || !piece.isBlank()) {
                        answers.add(answer(piece, marker, role, start));
                    }
                    if (atMarker) {
                        marker = text.charAt(i);
                        start = i + 1;
                    }
                }
            }
            return answers;
        }

        /** For an option {@code =} means full marks and no weight means none; a key is worth full marks unless weighted. */
        private Weighted answer(String piece, char marker, Role role, int start) {
            int lead = piece.length() - piece.stripLeading().length();
            int line = block.lineAt(offset + start + lead);
            String body = piece.strip();
            double weight = role == Role.KEY ? 100 : 0;
            Matcher w = WEIGHT.matcher(body);
            if (role == Role.OPTION && marker == '=') {
                weight = 100;
            } else if (w.find()) {
                weight = Double.parseDouble(w.group(1));
                body = body.substring(w.end());
            }
            int hash = body.indexOf('#');
            String answer = hash < 0 ? body : body.substring(0, hash);
            String feedback = hash < 0 ? "" : markdown(body.substring(hash + 1));
            // options are shown to people, so they become markdown; keys and numbers are compared as written
            return new Weighted(role == Role.OPTION ? markdown(answer) : answer, weight, feedback, line);
        }

        private String markdown(String hiddenText) {
            var converted = GiftText.toMarkdown(hiddenText, format);
            markupDropped |= converted.markupDropped();
            return converted.markdown();
        }

        private Optional<GiftQuestion.Kind> report(int line, String message) {
            problems.add(new Problem(fileName, line, "question skipped: " + message));
            return Optional.empty();
        }
    }
}
