package dev.skillmark.quiz;

import java.util.List;
import java.util.Set;

/** How a question is answered and graded; the part of a question that differs by type. */
public sealed interface AnswerKey {

    String typeName();

    /** Options in the order the trainer wrote them; {@code multiple} asks for checkboxes. */
    record Choice(List<Option> options, boolean multiple) implements AnswerKey {
        public Choice {
            options = List.copyOf(options);
        }

        public long correctCount() {
            return options.stream().filter(Option::correct).count();
        }

        @Override
        public String typeName() {
            return multiple ? "multiple" : "single";
        }
    }

    /** Keys compared ignoring case and whitespace runs; a key written /re/ or /re/i is a regular expression. */
    record ShortText(List<String> keys) implements AnswerKey {
        public ShortText {
            keys = List.copyOf(keys);
        }

        @Override
        public String typeName() {
            return "short";
        }
    }

    /** Any number in [min, max]; {@code display} is the key as the trainer wrote it. */
    record Numeric(double min, double max, String display) implements AnswerKey {
        @Override
        public String typeName() {
            return "numeric";
        }
    }

    /**
     * Graded by a person; the rubric (rendered whole, and line by line with points) and the model answer are
     * for interviewers only.
     */
    record Essay(String rubricHtml, List<RubricLine> rubric, String modelAnswerHtml) implements AnswerKey {
        public Essay {
            rubric = List.copyOf(rubric);
        }

        public Essay(String rubricHtml) {
            this(rubricHtml, List.of(), "");
        }

        @Override
        public String typeName() {
            return "essay";
        }
    }

    Set<String> TYPES = Set.of("single", "multiple", "short", "numeric", "essay");
}
