package dev.skillmark.attempt;

import dev.skillmark.content.Hashes;
import dev.skillmark.quiz.AnswerKey;
import dev.skillmark.quiz.Draw;
import dev.skillmark.quiz.Grading;
import dev.skillmark.quiz.Option;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Freezes a drawn question into the rows an attempt keeps for good. The rendered parts (prompt, body, explanation,
 * rubric, options) are the bulk of a snapshot and the same for every attempt that draws the question, so they are
 * stored once, as a {@link Question}, under the SHA-256 of exactly those parts; an attempt's slot names that hash and
 * keeps what is its own: the order it shows the options in, and the grading fields.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * A question's rendered parts as stored: options in the order of {@code options} (the source order for snapshots
     * taken since these rows exist; the order one attempt showed them for the snapshots migrated from before).
     * {@code hash} names exactly these parts, so a row stored under it never needs to change.
     */
    record Question(String hash, String promptHtml, String bodyHtml, String explanationHtml, String rubricHtml,
                    List<Option> options) {

        static Question of(String promptHtml, String bodyHtml, String explanationHtml, String rubricHtml, List<Option> options) {
            var text = new StringBuilder();
            for (String part : List.of(promptHtml, bodyHtml, explanationHtml, rubricHtml)) {
                text.append(part.length()).append(':').append(part);
            }
            for (var option : options) {
                text.append(option.correct() ? '+' : '-').append(option.html().length()).append(':').append(option.html());
            }
            return new Question(Hashes.sha256(text.toString()), promptHtml, bodyHtml, explanationHtml, rubricHtml, List.copyOf(options));
        }
    }

    /** One slot's row: what the attempt keeps of its own, and the hash of the stored question it shows. */
    public record Slot(String attemptId, int slot, String questionId, String bankId, String area, String kind, String source,
                String answerKeys, Double numericMin, Double numericMax, String answerDisplay, int points,
                String contentHash, String snapshotHash, String optionOrder) {
    }

    /** A drawn question, frozen: its slot row and the stored question it names. */
    record Frozen(Slot slot, Question question) {
    }

    static Frozen freeze(String attemptId, int slot, Draw.Drawn drawn, String area) {
        var q = drawn.question();
        String keys = "";
        Double min = null;
        Double max = null;
        String display = "";
        String rubric = "";
        List<Option> options = List.of();
        if (q.key() instanceof AnswerKey.Choice choice) {
            options = choice.options();
        } else if (q.key() instanceof AnswerKey.ShortText s) {
            keys = SlotSnapshot.encodeKeys(s.keys());
            // candidates see one readable accepted answer, never a raw regular expression
            display = s.keys().stream().filter(k -> !Grading.isRegex(k)).findFirst().orElse("");
        } else if (q.key() instanceof AnswerKey.Numeric n) {
            min = n.min();
            max = n.max();
            display = n.display();
        } else if (q.key() instanceof AnswerKey.Essay e) {
            rubric = e.rubricHtml();
        }
        var stored = Question.of(q.promptHtml(), q.bodyHtml(), q.explanationHtml(), rubric, options);
        return new Frozen(new Slot(attemptId, slot, q.id(), q.bankId(), area, q.key().typeName(), q.source().toString(),
                keys, min, max, display, q.points(), q.contentHash(), stored.hash(), encodeOrder(drawn.optionOrder())), stored);
    }

    /** The shown order of a slot's options: indexes into its stored question's options, position by position. */
    static String encodeOrder(List<Integer> order) {
        return order.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    /** Where an option of the stored question is shown (0 first), given the slot's {@link #encodeOrder order}. */
    static int position(String order, int optionIndex) {
        int[] indexes = order.isEmpty() ? new int[0] : Arrays.stream(order.split(" ")).mapToInt(Integer::parseInt).toArray();
        for (int position = 0; position < indexes.length; position++) {
            if (indexes[position] == optionIndex) {
                return position;
            }
        }
        throw new IllegalStateException("option " + optionIndex + " is not in the shown order '" + order + "'");
    }
}
