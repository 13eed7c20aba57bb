package dev.skillmark.content.gift;

import dev.skillmark.quiz.Difficulty;
import java.util.List;
import java.util.Optional;

/**
 * One question as a GIFT file states it, before it is mapped to Skillmark. Texts shown to people are
 * already markdown; answer keys and numbers are kept as written. {@code line} is where it starts.
 */
record GiftQuestion(int line, Optional<String> title, String text, Kind kind, String generalFeedback,
                    Extras extras, Optional<String> category) {

    /** What the braces hold, as Moodle tells the kinds apart. */
    sealed interface Kind {
    }

    /** {@code {=right ~wrong}} (radio buttons) or, with no {@code =}, weighted checkboxes. */
    record Choice(List<Weighted> answers, boolean single) implements Kind {
        Choice {
            answers = List.copyOf(answers);
        }
    }

    /** {@code {T}} or {@code {FALSE}}; the first feedback is for a wrong answer, the second for a right one. */
    record TrueFalse(boolean value, String wrongFeedback, String rightFeedback) implements Kind {
    }

    /** {@code {=key =key}}; keys are raw text, where Moodle reads {@code *} as a wildcard. */
    record ShortText(List<Weighted> keys) implements Kind {
        ShortText {
            keys = List.copyOf(keys);
        }
    }

    /** {@code {#3.14:0.01}}, {@code {#10..20}}; {@code otherFeedback} is for any other number ({@code ~#...}). */
    record Numerical(List<Weighted> answers, String otherFeedback) implements Kind {
        Numerical {
            answers = List.copyOf(answers);
        }
    }

    /** {@code {}}: graded by a person. */
    record Essay() implements Kind {
    }

    /** One answer: its text, Moodle's percentage weight, its feedback (markdown) and its GIFT line. */
    record Weighted(String text, double weight, String feedback, int line) {
    }

    /**
     * Skillmark attributes carried in the comment above a question that Skillmark exported
     * ({@code // id {difficulty=easy points=2 tags=a,b}}), so a round trip keeps them.
     */
    record Extras(Optional<Difficulty> difficulty, int points, Optional<List<String>> tags, boolean verifyOutput) {
        static final Extras NONE = new Extras(Optional.empty(), 1, Optional.empty(), false);
    }
}
