package dev.skillmark.quiz;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/** Named fixtures for the domain, so a test says which quiz and bank it means, not how to build them. */
final class Quizzes {

    static final Source SOURCE = new Source("quizzes/fixture.md", 1);

    private Quizzes() {
    }

    /** Ten single-choice questions q1..q10 with three options each: q1-q4 easy, q5-q10 hard; even ones tagged "even". */
    static Bank tenQuestions() {
        return new Bank("b", "Bank", "", SOURCE, IntStream.rangeClosed(1, 10)
                .mapToObj(i -> singleChoice("q" + i, i <= 4 ? Difficulty.EASY : Difficulty.HARD, i % 2 == 0 ? "even" : "odd"))
                .toList());
    }

    static Question singleChoice(String id, Difficulty difficulty, String tag) {
        var key = new AnswerKey.Choice(List.of(new Option("a", true), new Option("b", false), new Option("c", false)), false);
        return new Question(id, "b", SOURCE, difficulty, 1, List.of(tag), id, "", "", key, id, false);
    }

    /** An exam that keeps the trainer's order of questions and options. */
    static Quiz inOrder(DrawRule... rules) {
        return exam(false, false, rules);
    }

    /** An exam that shuffles questions and options with the attempt's seed. */
    static Quiz shuffled(DrawRule... rules) {
        return exam(true, true, rules);
    }

    /** Every question of bank {@code b}. */
    static DrawRule.FromBank all() {
        return new DrawRule.FromBank("b", OptionalInt.empty(), Set.of(), Set.of(), Set.of(), SOURCE);
    }

    /** {@code count} questions of bank {@code b}, drawn at random. */
    static DrawRule.FromBank some(int count) {
        return new DrawRule.FromBank("b", OptionalInt.of(count), Set.of(), Set.of(), Set.of(), SOURCE);
    }

    static DrawRule.FromBank some(int count, Set<Difficulty> difficulties, Set<String> tags) {
        return new DrawRule.FromBank("b", count < 0 ? OptionalInt.empty() : OptionalInt.of(count), difficulties, tags, Set.of(), SOURCE);
    }

    static DrawRule.Fixed fixed(String... ids) {
        return new DrawRule.Fixed(List.of(ids), SOURCE);
    }

    /** The same quiz with one form for every candidate: {@code form: fixed}. */
    static Quiz fixedForm(Quiz q) {
        return new Quiz(q.id(), q.title(), q.summary(), q.instructionsHtml(), q.timeLimit(), q.passMark(), q.mode(), q.review(),
                q.shuffleQuestions(), q.shuffleOptions(), q.rules(), q.source(), q.opens(), q.closes(), q.access(), Quiz.Form.FIXED);
    }

    /** The same bank with another question list (reworded, reordered, grown). */
    static Bank withQuestions(Bank bank, List<Question> questions) {
        return new Bank(bank.id(), bank.title(), bank.summary(), bank.source(), questions);
    }

    private static Quiz exam(boolean shuffleQuestions, boolean shuffleOptions, DrawRule... rules) {
        return new Quiz("q", "Quiz", "", "", Optional.empty(), 60, Quiz.Mode.EXAM, Quiz.Review.SCORE,
                shuffleQuestions, shuffleOptions, List.of(rules), SOURCE, Optional.empty(), Optional.empty());
    }
}
