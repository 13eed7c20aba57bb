package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import dev.skillmark.quiz.Draw;
import dev.skillmark.quiz.Quiz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 5 of issue 12: {@code form: fixed} gives every candidate the same questions; only the order shuffles. */
class FixedFormTest {

    private static final String QUIZ = """
        ---
        title: Comparable
        form: %s
        shuffle_questions: true
        draw:
          - bank: alpha
            count: 3
        ---
        Same questions for everyone.
        """;

    private Catalog load(Path dir, String form) throws Exception {
        Path content = Fixtures.content("content", dir);
        Files.writeString(content.resolve("quizzes/comparable.md"), QUIZ.formatted(form));
        return new ContentLoader(new Markdown()).load(content);
    }

    private static List<String> drawn(Catalog catalog, long seed) {
        var quiz = catalog.quiz("comparable").orElseThrow();
        return Draw.draw(quiz, id -> catalog.bank(id).orElseThrow(), id -> catalog.question(id).orElseThrow(), seed)
                .stream().map(d -> d.question().id()).toList();
    }

    @Test
    void a_fixed_form_draws_the_same_questions_for_every_seed_in_shuffled_orders(@TempDir Path dir) throws Exception {
        var catalog = load(dir, "fixed");
        assertThat(catalog.quiz("comparable").orElseThrow().form()).isEqualTo(Quiz.Form.FIXED);
        var sets = new HashSet<Set<String>>();
        var orders = new HashSet<List<String>>();
        for (long seed = 1; seed <= 30; seed++) {
            var ids = drawn(catalog, seed);
            assertThat(ids).hasSize(3);
            sets.add(Set.copyOf(ids));
            orders.add(ids);
        }
        assertThat(sets).hasSize(1);
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void a_random_form_draws_different_questions_for_different_seeds(@TempDir Path dir) throws Exception {
        var catalog = load(dir, "random");
        var sets = new HashSet<Set<String>>();
        for (long seed = 1; seed <= 30; seed++) {
            sets.add(Set.copyOf(drawn(catalog, seed)));
        }
        assertThat(sets).hasSizeGreaterThan(1);
    }

    @Test
    void an_unknown_form_is_a_problem_at_its_line(@TempDir Path dir) throws Exception {
        var catalog = load(dir, "same");
        assertThat(catalog.problems()).extracting(Problem::toString)
                .contains("quizzes/comparable.md:3: unknown form 'same' (known: random, fixed)");
        assertThat(catalog.quiz("comparable")).isEmpty();
    }
}
