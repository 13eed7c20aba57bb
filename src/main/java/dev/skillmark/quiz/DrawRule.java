package dev.skillmark.quiz;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** How a quiz picks questions: some from a bank, optionally filtered, or fixed ids from any bank. */
public sealed interface DrawRule {

    Source source();

    /** Empty filters match everything; a question matches a tag filter when it has one of the tags. */
    record FromBank(String bankId, OptionalInt count, Set<Difficulty> difficulties, Set<String> tags, Set<String> types,
                    Source source) implements DrawRule {
        public FromBank {
            difficulties = Set.copyOf(difficulties);
            tags = Set.copyOf(tags);
            types = Set.copyOf(types);
        }

        public boolean matches(Question q) {
            return (difficulties.isEmpty() || difficulties.contains(q.difficulty()))
                    && (tags.isEmpty() || q.tags().stream().anyMatch(tags::contains))
                    && (types.isEmpty() || types.contains(q.key().typeName()));
        }
    }

    record Fixed(List<String> ids, Source source) implements DrawRule {
        public Fixed {
            ids = List.copyOf(ids);
        }
    }
}
