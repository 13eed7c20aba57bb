package dev.skillmark.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradingTest {

    private static final AnswerKey.Choice SINGLE = new AnswerKey.Choice(List.of(
            new Option("a", false), new Option("b", true), new Option("c", false)), false);
    // two correct (0, 1) of four: each right tick earns 1/2, each wrong tick costs 1/2
    private static final AnswerKey.Choice MULTIPLE = new AnswerKey.Choice(List.of(
            new Option("put", true), new Option("delete", true), new Option("post", false), new Option("patch", false)), true);
    private static final AnswerKey.ShortText SHORT = new AnswerKey.ShortText(List.of("Partial<T>", "/partial\\s*<\\s*\\w+\\s*>/i", "six"));
    private static final AnswerKey.Numeric NUMERIC = new AnswerKey.Numeric(3.135, 3.145, "3.14 ± 0.005");
    private static final AnswerKey.Numeric EXACT = new AnswerKey.Numeric(3600, 3600, "3600");

    @ParameterizedTest(name = "single choice {0} -> {1}")
    @CsvSource({"'1', CORRECT", "'0', WRONG", "'2', WRONG", "'', UNANSWERED"})
    void single_choice(String picked, Grade.Outcome outcome) {
        assertThat(Grading.grade(SINGLE, Response.decode(SINGLE, picked)).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "multiple choice {0} -> {1} ({2})")
    @CsvSource({
            "'0,1', CORRECT, 1.0",
            "'0', PARTIAL, 0.5",
            "'0,2', WRONG, 0.0",      // a wrong tick costs what a right tick earns
            "'0,1,2', PARTIAL, 0.5",
            "'0,1,2,3', WRONG, 0.0",  // ticking everything earns nothing
            "'2,3', WRONG, 0.0",      // never below zero
            "'', UNANSWERED, 0.0"})
    void multiple_choice_with_partial_credit(String picked, Grade.Outcome outcome, double fraction) {
        var grade = Grading.grade(MULTIPLE, Response.decode(MULTIPLE, picked));
        assertThat(grade.outcome()).isEqualTo(outcome);
        assertThat(grade.fraction()).isEqualTo(fraction);
    }

    @ParameterizedTest(name = "short answer ''{0}'' -> {1}")
    @CsvSource({
            "'Partial<T>', CORRECT",
            "'  partial<t>  ', CORRECT",     // case and surrounding whitespace do not matter
            "'PARTIAL < K >', CORRECT",      // the regex key
            "'partial  <T>', CORRECT",       // runs of spaces count as one for regex keys too
            "'SIX', CORRECT",
            "'s i x', WRONG",
            "'Partial<T> extra', WRONG",     // a regex must match the whole response
            "'Required<T>', WRONG",
            "'', UNANSWERED"})
    void short_answer(String typed, Grade.Outcome outcome) {
        assertThat(Grading.grade(SHORT, new Response.Text(typed)).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "numeric ''{0}'' -> {1}")
    @CsvSource({"'3.14', CORRECT", "'3.135', CORRECT", "'3.145', CORRECT", "' +3.1400 ', CORRECT", "'3.146', WRONG",
            "'3,14', CORRECT", "' 3,140 ', CORRECT", "'pi', WRONG", "'3.14 s', WRONG", "'3.1.4', WRONG", "'', UNANSWERED"})
    void numeric_with_tolerance(String typed, Grade.Outcome outcome) {
        assertThat(Grading.grade(NUMERIC, new Response.Text(typed)).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "exact numeric ''{0}'' -> {1}")
    @CsvSource({"'3600', CORRECT", "'3600.0', CORRECT", "'3.6e3', CORRECT", "'3599', WRONG"})
    void numeric_without_tolerance(String typed, Grade.Outcome outcome) {
        assertThat(Grading.grade(EXACT, new Response.Text(typed)).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "essay ''{0}'' -> {1}")
    @CsvSource({"'A token bucket in Redis.', PENDING", "'   ', UNANSWERED"})
    void essays_wait_for_a_person(String typed, Grade.Outcome outcome) {
        assertThat(Grading.grade(new AnswerKey.Essay(""), new Response.Text(typed)).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "number ''{0}'' reads as {1}")
    @CsvSource({"'8', 8", "' 8 ', 8", "'8,0', 8", "'-0,25', -0.25", "'.5', 0.5", "'1.5e3', 1500", "'+2', 2"})
    void numbers_take_a_decimal_comma_and_surrounding_spaces(String typed, double value) {
        assertThat(Numbers.parse(typed)).contains(value);
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @CsvSource({"'8 connections'", "'1,000.5'", "'8.0.1'", "'eight'", "'8%'", "'1 000'", "','", "''"})
    void anything_else_is_not_a_number(String typed) {
        assertThat(Numbers.parse(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_regex_key_grades_a_long_hostile_answer_in_linear_time() {
        var key = new AnswerKey.ShortText(List.of("plain", "/(a+)+$/"));
        String hostile = "a".repeat(30_000) + "!";
        Grading.grade(key, new Response.Text("a".repeat(3_000) + "!")); // warm up: class loading is not grading
        long started = System.nanoTime();
        assertThat(Grading.grade(key, new Response.Text(hostile)).outcome()).isEqualTo(Grade.Outcome.WRONG);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(50);
    }

    @org.junit.jupiter.api.Test
    void keys_that_need_backtracking_features_are_reported_not_run() {
        assertThat(Grading.keyProblem("/USER\\s+(?!root)\\S+/")).hasValueSatisfying(p -> assertThat(p).contains("RE2"));
        assertThat(Grading.keyProblem("/(a)\\1/")).isPresent();
        assertThat(Grading.keyProblem("/colou?r/i")).isEmpty();
        assertThat(Grading.keyProblem("plain text (with parentheses")).isEmpty();
    }

    @ParameterizedTest(name = "Dockerfile line ''{0}'' -> {1}")
    @CsvSource({"'USER node', CORRECT", "'user 1000:1000', CORRECT", "'USER rob', CORRECT", "'USER rooted', CORRECT",
            "'USER root', WRONG", "'USER 0', WRONG", "'USER 0:0', WRONG", "'USER root:root', WRONG"})
    void the_shipped_non_root_user_key_runs_on_re2(String typed, Grade.Outcome outcome) {
        var key = new AnswerKey.ShortText(List.of("USER", "/USER\\s+([a-qs-z_][a-z0-9_.-]*|r([a-np-z0-9_.-][a-z0-9_.-]*)?"
                + "|ro([a-np-z0-9_.-][a-z0-9_.-]*)?|roo([a-su-z0-9_.-][a-z0-9_.-]*)?|root[a-z0-9_.-]+|[1-9][0-9]*|0[0-9]+)(:\\S+)?/i"));
        assertThat(Grading.grade(key, new Response.Text(typed)).outcome()).isEqualTo(outcome);
    }

    @org.junit.jupiter.api.Test
    void choices_encode_sorted_and_decode_back() {
        var response = new Response.Choices(Set.of(3, 0, 2));
        assertThat(response.encode()).isEqualTo("0,2,3");
        assertThat(Response.decode(MULTIPLE, "0,2,3")).isEqualTo(response);
    }
}
