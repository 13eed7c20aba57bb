package dev.skillmark.quiz;

import static dev.skillmark.quiz.Quizzes.all;
import static dev.skillmark.quiz.Quizzes.fixed;
import static dev.skillmark.quiz.Quizzes.inOrder;
import static dev.skillmark.quiz.Quizzes.shuffled;
import static dev.skillmark.quiz.Quizzes.some;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DrawTest {

    private static final Bank BANK = Quizzes.tenQuestions();
    private static final Map<String, Question> BY_ID = BANK.questions().stream()
            .collect(Collectors.toMap(Question::id, Function.identity()));

    @Test
    void the_same_seed_always_gives_the_same_questions_options_and_order() {
        var quiz = shuffled(some(5));
        assertThat(draw(quiz, 42)).isEqualTo(draw(quiz, 42));
    }

    @Test
    void different_seeds_shuffle_differently_when_the_quiz_asks_for_it() {
        var quiz = shuffled(all());
        var orders = new HashSet<List<String>>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(draw(quiz, seed).stream().map(d -> d.question().id()).toList());
        }
        assertThat(orders).hasSizeGreaterThan(15);
    }

    @Test
    void without_shuffling_questions_and_options_keep_the_trainers_order() {
        var drawn = draw(inOrder(all()), 7);
        assertThat(drawn).extracting(d -> d.question().id()).containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
        assertThat(drawn.get(0).optionOrder()).containsExactly(0, 1, 2);
    }

    @Test
    void filters_by_difficulty_and_tag_and_never_draws_a_question_twice() {
        var quiz = inOrder(
                some(2, Set.of(Difficulty.EASY), Set.of("even")),
                some(-1, Set.of(Difficulty.EASY), Set.of()),
                fixed("q9", "q2"));
        var ids = draw(quiz, 3).stream().map(d -> d.question().id()).toList();
        assertThat(ids.subList(0, 1)).containsExactly("q4"); // q2 is reserved for the fixed rule
        assertThat(ids).containsExactlyInAnyOrder("q4", "q1", "q3", "q9", "q2").doesNotHaveDuplicates();
    }

    private static List<Draw.Drawn> draw(Quiz quiz, long seed) {
        return Draw.draw(quiz, id -> BANK, BY_ID::get, seed);
    }
}
