package dev.skillmark.attempt;

import dev.skillmark.quiz.Numbers;
import dev.skillmark.quiz.Response;
import dev.skillmark.web.SkillmarkException;
import java.util.List;
import java.util.TreeSet;

/** What the candidate's form sent: ticked option positions, or typed text. */
public record AnswerInput(List<String> choices, String text) {

    /** The response this input gives to a question, or a message for the field when it cannot be one. */
    Response toResponse(SlotSnapshot question, int optionCount) {
        if (!question.choice()) {
            String typed = text == null ? "" : text;
            if (typed.length() > Attempts.MAX_RESPONSE) {
                throw new SkillmarkException.InvalidInput("response", "Answers can be at most " + Attempts.MAX_RESPONSE + " characters.");
            }
            if (question.kind().equals("numeric") && !typed.isBlank() && Numbers.parse(typed).isEmpty()) {
                throw new SkillmarkException.InvalidInput("response", "Not saved: '" + abbreviated(typed)
                        + "' is not a number. Enter " + Numbers.FORMAT + ".");
            }
            return new Response.Text(typed);
        }
        var positions = new TreeSet<Integer>();
        for (String raw : choices) {
            if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) >= optionCount) {
                throw new SkillmarkException.InvalidInput("choice", "That option is not part of this question.");
            }
            positions.add(Integer.parseInt(raw));
        }
        if (!question.multiple() && positions.size() > 1) {
            throw new SkillmarkException.InvalidInput("choice", "Choose one option for this question.");
        }
        return new Response.Choices(positions);
    }

    private static String abbreviated(String text) {
        String t = text.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
