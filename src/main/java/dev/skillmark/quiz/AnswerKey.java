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

    /**
     * Keys compared ignoring case and whitespace runs (line breaks included); a key written /re/ or /re/i is a
     * regular expression. A key of several lines (what a program prints) asks for a multi-line field.
     */
    record ShortText(List<String> keys) implements AnswerKey {
        public ShortText {
            keys = List.copyOf(keys);
        }

        /** Lines of the longest key: 1 for a one-line field, more for a multi-line one. */
        public int lines() {
            return keys.stream().mapToInt(k -> (int) k.lines().count()).max().orElse(1);
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
