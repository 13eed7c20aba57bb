package dev.skillmark.quiz;

import static dev.skillmark.quiz.Quizzes.all;
import static dev.skillmark.quiz.Quizzes.fixed;
import static dev.skillmark.quiz.Quizzes.fixedForm;
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

    @Test
    void a_random_form_gives_candidates_different_questions_as_before() {
        var quiz = shuffled(some(4), fixed("q9"));
        var sets = new HashSet<Set<String>>();
        for (long seed = 0; seed < 50; seed++) {
            sets.add(questionSet(draw(quiz, seed)));
        }
        assertThat(sets).hasSizeGreaterThan(10);
        // the random draw is exactly what it was before forms existed: attempts keep replaying the same way
        assertThat(draw(quiz, 42)).extracting(d -> d.question().id()).containsExactly("q2", "q4", "q6", "q5", "q9");
    }

    @Test
    void a_fixed_form_gives_every_candidate_the_same_questions_and_only_the_order_differs() {
        var quiz = fixedForm(shuffled(some(4), some(2, Set.of(Difficulty.HARD), Set.of()), fixed("q9")));
        var sets = new HashSet<Set<String>>();
        var orders = new HashSet<List<String>>();
        var optionOrders = new HashSet<List<Integer>>();
        for (long seed = 0; seed < 200; seed++) {
            var drawn = draw(quiz, seed);
            assertThat(drawn).hasSize(7);
            sets.add(questionSet(drawn));
            orders.add(drawn.stream().map(d -> d.question().id()).toList());
            optionOrders.add(drawn.stream().filter(d -> d.question().id().equals("q9")).findFirst().orElseThrow().optionOrder());
        }
        assertThat(sets).hasSize(1);
        assertThat(orders).hasSizeGreaterThan(150);
        assertThat(optionOrders).hasSizeGreaterThan(3); // all 6 orders of three options, in practice
    }

    @Test
    void a_fixed_form_without_shuffling_is_the_same_paper_for_everyone_in_the_trainers_order() {
        var quiz = fixedForm(inOrder(some(5)));
        var first = draw(quiz, 1);
        for (long seed = 2; seed < 30; seed++) {
            assertThat(draw(quiz, seed)).isEqualTo(first);
        }
        var ids = first.stream().map(d -> Integer.parseInt(d.question().id().substring(1))).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void the_form_follows_the_questions_a_quiz_can_draw_not_their_wording_or_their_place_in_the_file() {
        var quiz = fixedForm(shuffled(some(4)));
        var form = questionSet(draw(quiz, 1));

        var reworded = Quizzes.withQuestions(BANK, BANK.questions().stream().map(q -> new Question(q.id(), q.bankId(),
                q.source(), q.difficulty(), q.points(), q.tags(), "Reworded " + q.promptHtml(), q.bodyHtml(),
                q.explanationHtml(), q.key(), "other hash", q.verifyOutput())).toList());
        var reversed = new java.util.ArrayList<>(BANK.questions());
        java.util.Collections.reverse(reversed);
        assertThat(questionSet(Draw.draw(quiz, id -> reworded, BY_ID::get, 1))).isEqualTo(form);
        assertThat(questionSet(Draw.draw(quiz, id -> Quizzes.withQuestions(BANK, reversed), BY_ID::get, 1))).isEqualTo(form);
        assertThat(Draw.formSeed(quiz, id -> reworded)).isEqualTo(Draw.formSeed(quiz, id -> BANK));

        var grown = new java.util.ArrayList<>(BANK.questions());
        grown.add(Quizzes.singleChoice("q11", Difficulty.EASY, "odd"));
        assertThat(Draw.formSeed(quiz, id -> Quizzes.withQuestions(BANK, grown))).isNotEqualTo(Draw.formSeed(quiz, id -> BANK));
        assertThat(Draw.formSeed(fixedForm(shuffled(some(3))), id -> BANK)).isNotEqualTo(Draw.formSeed(quiz, id -> BANK));
    }

    private static Set<String> questionSet(List<Draw.Drawn> drawn) {
        return drawn.stream().map(d -> d.question().id()).collect(Collectors.toSet());
    }

    private static List<Draw.Drawn> draw(Quiz quiz, long seed) {
        return Draw.draw(quiz, id -> BANK, BY_ID::get, seed);
    }
}
