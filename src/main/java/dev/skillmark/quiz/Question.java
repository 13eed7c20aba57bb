package dev.skillmark.quiz;

import java.util.List;

/**
 * A question as loaded from a bank: rendered, validated and ready to be snapshotted into attempts.
 * {@code contentHash} identifies the exact source text the question came from.
 */
public record Question(
        String id,
        String bankId,
        Source source,
        Difficulty difficulty,
        int points,
        List<String> tags,
        String promptHtml,
        String bodyHtml,
        String explanationHtml,
        AnswerKey key,
        String contentHash,
        boolean verifyOutput) {

    public Question {
        tags = List.copyOf(tags);
    }

    /** The options of a choice question in the trainer's order; none for other types. */
    public List<Option> choiceOptions() {
        return key instanceof AnswerKey.Choice choice ? choice.options() : List.of();
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
