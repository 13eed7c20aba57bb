package dev.skillmark.attempt;

import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Option;
import java.util.Arrays;
import java.util.List;

/** The snapshot of one drawn question: everything needed to show and grade it, frozen at start. */
public record SlotSnapshot(
        String attemptId,
        int slot,
        String questionId,
        String bankId,
        String area,
        String kind,
        String source,
        String promptHtml,
        String bodyHtml,
        String explanationHtml,
        String rubricHtml,
        String answerKeys,
        Double numericMin,
        Double numericMax,
        String answerDisplay,
        int points,
        String contentHash) {

    public boolean choice() {
        return kind.equals("single") || kind.equals("multiple");
    }

    public boolean multiple() {
        return kind.equals("multiple");
    }

    public boolean essay() {
        return kind.equals("essay");
    }

    /** Every accepted key, regular expressions included, as interviewers read them. */
    public String acceptedKeys() {
        return kind.equals("short") ? String.join(" | ", keys()) : answerDisplay;
    }

    /** Keys are stored one a line; the line breaks inside a key of several lines are stored as carriage returns. */
    static String encodeKeys(List<String> keys) {
        return String.join("\n", keys.stream().map(k -> k.replace("\r\n", "\n").replace('\n', '\r')).toList());
    }

    private List<String> keys() {
        return Arrays.stream(answerKeys.split("\n")).map(k -> k.replace('\r', '\n')).toList();
    }

    /** Rows of the answer field: 1 for a one-line field, or the lines of a key of several lines. */
    public int answerLines() {
        return kind.equals("short") ? new AnswerKey.ShortText(keys()).lines() : 1;
    }

    /** Rebuilds the answer part for grading; options are in the order this attempt shows them. */
    public AnswerKey key(List<OptionSnapshot> options) {
        return switch (kind) {
            case "single", "multiple" -> new AnswerKey.Choice(
                    options.stream().map(o -> new Option(o.html(), o.correct())).toList(), multiple());
            case "short" -> new AnswerKey.ShortText(keys());
            case "numeric" -> new AnswerKey.Numeric(numericMin, numericMax, answerDisplay);
            default -> new AnswerKey.Essay(rubricHtml);
        };
    }
}
