package dev.skillmark.content.gift;

import dev.skillmark.content.Lines;
import dev.skillmark.content.Problem;
import dev.skillmark.content.QuestionParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The markdown a question was written in, split the way the bank parser splits it, so an export carries
 * the trainer's own text rather than HTML turned back into text. What the text means (which option is
 * correct, the keys) is taken from the loaded question, not from here.
 */
record SourceQuestion(String prompt, String body, List<String> options, String explanation, boolean hasRubric) {

    SourceQuestion {
        options = List.copyOf(options);
    }

    /** Reads a question block: its {@code ##} heading line and the lines up to the next question. */
    static Optional<SourceQuestion> read(Lines.Block block) {
        var prompt = QuestionParts.prompt(block.lines().get(0));
        if (prompt.isEmpty()) {
            return Optional.empty();
        }
        var parts = QuestionParts.split("", block, new ArrayList<Problem>());
        return Optional.of(new SourceQuestion(prompt.get(), GiftText.trimBlankLines(parts.body()),
                parts.options().stream().map(QuestionParts.OptionLine::text).toList(), parts.explanation(),
                parts.rubric().isPresent()));
    }
}
