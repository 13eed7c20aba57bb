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

    /** A {@code <pre>} start tag without a tabindex; see {@link #focusableCode}. */
    private static final java.util.regex.Pattern PRE_WITHOUT_TABINDEX =
            java.util.regex.Pattern.compile("<pre(?=[\\s>])(?![^>]*\\btabindex\\s*=)");

    public SlotSnapshot {
        promptHtml = focusableCode(promptHtml);
        bodyHtml = focusableCode(bodyHtml);
        explanationHtml = focusableCode(explanationHtml);
        rubricHtml = focusableCode(rubricHtml);
    }

    /**
     * Code blocks take keyboard focus, so a wide one can be scrolled without a mouse (axe: scrollable-region-focusable).
     * The renderer marks them so today; a snapshot stored before it did gets the mark here when it is read (for a new
     * one this changes nothing), and the stored row itself never changes.
     */
    static String focusableCode(String html) {
        return html == null || !html.contains("<pre") ? html : PRE_WITHOUT_TABINDEX.matcher(html).replaceAll("<pre tabindex=\"0\"");
    }

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
