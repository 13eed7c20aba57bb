package dev.skillmark.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicatesTest {

    /** The definition: every pair compared with every other, the similarity of their word sets measured with sets. */
    private static List<NearDuplicates.Match> everyPair(List<NearDuplicates.Item> items) {
        var found = new ArrayList<NearDuplicates.Match>();
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                var x = items.get(a);
                var y = items.get(b);
                if (x.words().size() < NearDuplicates.MIN_WORDS || y.words().size() < NearDuplicates.MIN_WORDS
                        || x.bank().equals(y.bank())) {
                    continue;
                }
                var union = new HashSet<>(x.words());
                union.addAll(y.words());
                long common = x.words().stream().filter(y.words()::contains).count();
                double similarity = common / (double) union.size();
                if (similarity >= NearDuplicates.THRESHOLD) {
                    found.add(new NearDuplicates.Match(a, b, similarity));
                }
            }
        }
        return found;
    }

    @Test
    void the_prefix_filter_finds_exactly_the_pairs_that_comparing_every_pair_finds() {
        var random = new Random(20261202);
        int matches = 0;
        for (int trial = 0; trial < 300; trial++) {
            // a small vocabulary and a few banks, so that many pairs are near the threshold on either side
            int vocabulary = 20 + random.nextInt(60);
            var items = new ArrayList<NearDuplicates.Item>();
            for (int i = 0, n = 20 + random.nextInt(60); i < n; i++) {
                var words = new HashSet<String>();
                for (int w = 0, size = random.nextInt(30); w < size; w++) {
                    words.add("w" + random.nextInt(vocabulary));
                }
                items.add(new NearDuplicates.Item("bank" + random.nextInt(4), Set.copyOf(words)));
            }
            var expected = everyPair(items);
            assertThat(NearDuplicates.matches(items)).as("trial %d", trial).isEqualTo(expected);
            matches += expected.size();
        }
        assertThat(matches).as("the trials hold pairs to find").isGreaterThan(1_000);
    }

    @Test
    void on_the_shipped_content_it_finds_what_comparing_every_pair_finds() {
        var catalog = new ContentLoader(new Markdown()).load(Fixtures.projectDir().resolve("content"));
        var shipped = catalog.banks().stream().flatMap(b -> b.questions().stream())
                .map(q -> new NearDuplicates.Item(q.bankId(), NearDuplicates.words(q))).toList();
        // and each question again in a bank of its own: every question then has a twin, and its near neighbours
        // in the other banks have one each too
        var items = new ArrayList<>(shipped);
        shipped.forEach(i -> items.add(new NearDuplicates.Item(i.bank() + "-again", i.words())));

        var expected = everyPair(items);
        assertThat(NearDuplicates.matches(items)).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(shipped.size() / 2)
                .anyMatch(m -> m.similarity() < 0.5 && !items.get(m.a()).bank().startsWith(items.get(m.b()).bank()));
    }

    @Test
    void a_near_duplicate_in_another_bank_is_a_warning_at_its_line_and_an_accepted_pair_is_not(@TempDir Path dir) throws Exception {
        String question = """
                ## Which isolation level prevents lost updates between two concurrent read-modify-write transactions? {#%s}

                - [x] Repeatable read, or serializable, in PostgreSQL
                - [ ] Read committed, the default isolation level
                - [ ] Read uncommitted, which allows dirty reads

                """;
        Files.createDirectories(dir.resolve("skills"));
        Files.writeString(dir.resolve("skills/one.md"), "---\ntitle: One\n---\n\n" + question.formatted("one-a") + question.formatted("one-b"));
        Files.writeString(dir.resolve("skills/two.md"), "---\ntitle: Two\n---\n\n" + question.formatted("two-a"));
        var loader = new ContentLoader(new Markdown());

        var warnings = loader.load(dir).warnings().stream().map(Problem::toString).toList();
        assertThat(warnings).containsExactly(
                "skills/one.md:5: warning: 'one-a' is a near-duplicate of 'two-a' at skills/two.md:5 (word overlap 1.00, "
                        + "warned at 0.25); rewrite one, or accept the pair in near-duplicates.txt",
                "skills/one.md:11: warning: 'one-b' is a near-duplicate of 'two-a' at skills/two.md:5 (word overlap 1.00, "
                        + "warned at 0.25); rewrite one, or accept the pair in near-duplicates.txt");

        Files.writeString(dir.resolve("near-duplicates.txt"), "two-a one-a\n");
        assertThat(loader.load(dir).warnings()).extracting(Problem::toString).singleElement().asString().startsWith("skills/one.md:11:");
    }
}
