package dev.skillmark.quiz;

import java.util.List;

/** One skill area's question bank, from {@code content/skills/<id>.md}. */
public record Bank(String id, String title, String summary, Source source, List<Question> questions) {
    public Bank {
        questions = List.copyOf(questions);
    }
}
