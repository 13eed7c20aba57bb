package dev.skillmark.quiz;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What a candidate answered. Choices are positions in the order the candidate saw the options. */
public sealed interface Response {

    boolean isEmpty();

    /** The form stored in the database: positions as "0,2", or the text as typed. */
    String encode();

    record Choices(Set<Integer> positions) implements Response {
        public Choices {
            positions = Set.copyOf(new TreeSet<>(positions));
        }

        @Override
        public boolean isEmpty() {
            return positions.isEmpty();
        }

        @Override
        public String encode() {
            return new TreeSet<>(positions).stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    record Text(String text) implements Response {
        @Override
        public boolean isEmpty() {
            return text.isBlank();
        }

        @Override
        public String encode() {
            return text;
        }
    }

    /** Reads a stored response back, for the question's kind of answer. */
    static Response decode(AnswerKey answer, String stored) {
        String raw = stored == null ? "" : stored;
        if (answer instanceof AnswerKey.Choice) {
            if (raw.isBlank()) {
                return new Choices(Set.of());
            }
            return new Choices(Arrays.stream(raw.split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toSet()));
        }
        return new Text(raw);
    }
}
