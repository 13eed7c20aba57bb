package dev.skillmark.content.gift;

import dev.skillmark.quiz.Difficulty;
import java.util.List;
import java.util.Optional;

/**
 * A Skillmark question as the markdown parts of a bank file: what {@link BankWriter} writes.
 * {@code answerLine} is the text after {@code Answer:} for short and numeric questions.
 */
record BankQuestion(String id, String prompt, String body, String type, Optional<Difficulty> difficulty, int points,
                    List<String> tags, boolean verifyOutput, List<Option> options, Optional<String> answerLine,
                    String explanation) {

    BankQuestion {
        tags = List.copyOf(tags);
        options = List.copyOf(options);
    }

    record Option(String text, boolean correct) {
    }
}
