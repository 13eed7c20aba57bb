package dev.skillmark.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrawTest {

    private static final Source SRC = new Source("quizzes/q.md", 1);
    private static final Bank BANK = new Bank("b", "Bank", "", SRC, IntStream.rangeClosed(1, 10)
            .mapToObj(i -> question("q" + i, i <= 4 ? Difficulty.EASY : Difficulty.HARD, i % 2 == 0 ? "even" : "odd"))
            .toList());
    private static final Map<String, Question> BY_ID = new java.util.HashMap<>();

    static {
        BANK.questions().forEach(q -> BY_ID.put(q.id(), q));
    }

    @Test
    void the_same_seed_always_gives_the_same_questions_options_and_order() {
        var quiz = quiz(true, true, new DrawRule.FromBank("b", OptionalInt.of(5), Set.of(), Set.of(), Set.of(), SRC));
        assertThat(draw(quiz, 42)).isEqualTo(draw(quiz, 42));
    }

    @Test
    void different_seeds_shuffle_differently_when_the_quiz_asks_for_it() {
        var quiz = quiz(true, true, new DrawRule.FromBank("b", OptionalInt.empty(), Set.of(), Set.of(), Set.of(), SRC));
        var orders = new HashSet<List<String>>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(draw(quiz, seed).stream().map(d -> d.question().id()).toList());
        }
        assertThat(orders).hasSizeGreaterThan(15);
    }

    @Test
    void without_shuffling_questions_and_options_keep_the_trainers_order() {
        var quiz = quiz(false, false, new DrawRule.FromBank("b", OptionalInt.empty(), Set.of(), Set.of(), Set.of(), SRC));
        var drawn = draw(quiz, 7);
        assertThat(drawn).extracting(d -> d.question().id()).containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
        assertThat(drawn.get(0).optionOrder()).containsExactly(0, 1, 2);
    }

    @Test
    void filters_by_difficulty_and_tag_and_never_draws_a_question_twice() {
        var quiz = quiz(false, false,
                new DrawRule.FromBank("b", OptionalInt.of(2), Set.of(Difficulty.EASY), Set.of("even"), Set.of(), SRC),
                new DrawRule.FromBank("b", OptionalInt.empty(), Set.of(Difficulty.EASY), Set.of(), Set.of(), SRC),
                new DrawRule.Fixed(List.of("q9", "q2"), SRC));
        var ids = draw(quiz, 3).stream().map(d -> d.question().id()).toList();
        assertThat(ids.subList(0, 1)).containsExactly("q4"); // q2 is reserved for the fixed rule
        assertThat(ids).containsExactlyInAnyOrder("q4", "q1", "q3", "q9", "q2").doesNotHaveDuplicates();
    }

    private static List<Draw.Drawn> draw(Quiz quiz, long seed) {
        return Draw.draw(quiz, id -> BANK, BY_ID::get, seed);
    }

    private static Quiz quiz(boolean shuffleQuestions, boolean shuffleOptions, DrawRule... rules) {
        return new Quiz("q", "Quiz", "", "", Optional.empty(), 60, Quiz.Mode.EXAM, Quiz.Review.SCORE,
                shuffleQuestions, shuffleOptions, List.of(rules), SRC, Optional.empty(), Optional.empty());
    }

    private static Question question(String id, Difficulty difficulty, String tag) {
        var answer = new AnswerKey.Choice(List.of(new Option("a", true), new Option("b", false), new Option("c", false)), false);
        return new Question(id, "b", SRC, difficulty, 1, List.of(tag), id, "", "", answer, id, false);
    }
}
