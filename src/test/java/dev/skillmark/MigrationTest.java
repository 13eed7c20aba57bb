package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations that change what stored data means keep what interviewers saw, on H2 and on PostgreSQL. */
class MigrationTest {

    @TempDir
    Path dir;

    /** A fresh database migrated up to {@code version}; the configuration migrates the rest. */
    private org.flywaydb.core.api.configuration.FluentConfiguration migratedTo(String version) {
        var config = config();
        var flyway = Database.migrations().dataSource(config.databaseUrl(), config.databaseUser(), config.databasePassword());
        flyway.target(version).load().migrate();
        return flyway;
    }

    private Jdbi jdbi() {
        var config = config();
        return Jdbi.create(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }

    private Config config() {
        return TestDatabase.config(dir.resolve("data"), dir.resolve("content"));
    }

    @Test
    void the_bursts_of_saves_recorded_as_events_before_version_11_become_burst_events() {
        var flyway = migratedTo("10");
        var jdbi = jdbi();
        jdbi.useHandle(h -> {
            for (String id : new String[]{"a", "b"}) {
                h.execute("insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name, seed, started_at, status,"
                        + " max_score, content_version) values (?, 'q', 'Q', 'EXAM', 'ANSWERS', 50, ?, 1, 0, 'IN_PROGRESS', 10, 'v')", id, id);
            }
            // a: four questions within 10 s twice (the second time five), and three in another stretch; b: slow saves
            long[][] saves = {{20_000, 1}, {21_000, 2}, {22_000, 2}, {23_000, 3}, {29_999, 4},
                {40_000, 1}, {41_000, 2}, {42_000, 3}, {43_000, 4}, {44_000, 5}, {50_000, 1}, {51_000, 2}, {52_000, 3}};
            for (long[] save : saves) {
                h.execute("insert into attempt_event (attempt_id, at, type, slot) values ('a', ?, 'SAVED', ?)", save[0], (int) save[1]);
            }
            for (int slot = 1; slot <= 6; slot++) {
                h.execute("insert into attempt_event (attempt_id, at, type, slot) values ('b', ?, 'SAVED', ?)", 20_000L * slot, slot);
            }
        });
        flyway.target("latest").load().migrate();
        jdbi.useHandle(h -> {
            assertThat(h.createQuery("select attempt_id || ' ' || at from attempt_event where type = 'BURST' order by attempt_id, at")
                    .mapTo(String.class).list()).containsExactly("a 20000", "a 40000");
            assertThat(h.createQuery("select count(*) from attempt_event where type = 'SAVED'").mapTo(Integer.class).one())
                    .as("the old timeline entries stay").isEqualTo(19);
        });
    }

    @Test
    void version_14_stores_each_question_once_and_every_attempt_still_shows_and_grades_what_it_did() {
        var flyway = migratedTo("13");
        var jdbi = jdbi();
        String prompt = "<p>Which are <em>idempotent</em>?</p>";
        String[] options = {"<p>GET</p>", "<p>POST</p>", "<p>PUT</p>"};
        boolean[] correct = {true, false, true};
        // a and b showed the same question in the same order; c in another order; each has an essay second
        var shown = java.util.Map.of("a", new int[]{2, 0, 1}, "b", new int[]{2, 0, 1}, "c", new int[]{1, 2, 0});
        jdbi.useHandle(h -> {
            for (var attempt : new java.util.TreeMap<>(shown).entrySet()) {
                String id = attempt.getKey();
                h.execute("insert into attempt (id, quiz_id, quiz_title, mode, review, pass_mark, candidate_name, seed, started_at, status,"
                        + " max_score, content_version) values (?, 'q', 'Q', 'EXAM', 'ANSWERS', 50, ?, 1, 0, 'SUBMITTED', 3, 'v')", id, id);
                h.execute("insert into attempt_question (attempt_id, slot, question_id, bank_id, area, kind, source, prompt_html, body_html,"
                        + " explanation_html, rubric_html, answer_keys, answer_display, points, content_hash) values"
                        + " (?, 1, 'http/idem', 'http', 'HTTP', 'multiple', 'http.md:3', ?, '', '<p>Why</p>', '', '', '', 1, 'h1'),"
                        + " (?, 2, 'http/essay', 'http', 'HTTP', 'essay', 'http.md:9', '<p>Explain</p>', '<pre><code>x</code></pre>', '',"
                        + " '<ul><li>names REST</li></ul>', '', '', 2, 'h2')", id, prompt, id);
                for (int position = 0; position < 3; position++) {
                    int option = attempt.getValue()[position];
                    h.execute("insert into attempt_option (attempt_id, slot, position, html, correct) values (?, 1, ?, ?, ?)",
                            id, position, options[option], correct[option]);
                }
                h.execute("insert into answer (attempt_id, slot, response) values (?, 1, ?), (?, 2, 'Because')", id, "0,2", id);
            }
        });

        flyway.target("latest").load().migrate();

        jdbi.useHandle(h -> {
            assertThat(h.createQuery("select count(*) from question_snapshot").mapTo(Integer.class).one())
                    .as("one stored question for a and b's question, one for c's order, one for the essay").isEqualTo(3);
            for (var attempt : shown.entrySet()) {
                var slots = h.createQuery("select q.slot, s.prompt_html, s.body_html, s.explanation_html, s.rubric_html, q.kind, q.points"
                                + " from attempt_question q join question_snapshot s on s.snapshot_hash = q.snapshot_hash"
                                + " where q.attempt_id = :id order by q.slot")
                        .bind("id", attempt.getKey()).map((rs, ctx) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
                assertThat(slots).containsExactly("1|" + prompt + "||<p>Why</p>||multiple|1",
                        "2|<p>Explain</p>|<pre><code>x</code></pre>||<ul><li>names REST</li></ul>|essay|2");
                var read = h.createQuery(dev.skillmark.attempt.OptionSnapshot.SHOWN + " where q.attempt_id = :id")
                        .bind("id", attempt.getKey()).map(new dev.skillmark.attempt.OptionSnapshot.Shown()).list().stream()
                        .sorted(dev.skillmark.attempt.OptionSnapshot.SHOWN_ORDER)
                        .map(o -> o.slot() + ":" + o.position() + ":" + o.html() + ":" + o.correct()).toList();
                int[] order = attempt.getValue();
                // the answer "0,2" (the first and third options shown) grades as it did before the migration
                var key = new dev.skillmark.quiz.AnswerKey.Choice(h.createQuery(dev.skillmark.attempt.OptionSnapshot.SHOWN
                                + " where q.attempt_id = :id").bind("id", attempt.getKey()).map(new dev.skillmark.attempt.OptionSnapshot.Shown())
                        .list().stream().sorted(dev.skillmark.attempt.OptionSnapshot.SHOWN_ORDER)
                        .map(o -> new dev.skillmark.quiz.Option(o.html(), o.correct())).toList(), true);
                var before = new dev.skillmark.quiz.AnswerKey.Choice(java.util.Arrays.stream(attempt.getValue())
                        .mapToObj(i -> new dev.skillmark.quiz.Option(options[i], correct[i])).toList(), true);
                var firstAndThird = new dev.skillmark.quiz.Response.Choices(java.util.Set.of(0, 2));
                assertThat(dev.skillmark.quiz.Grading.grade(key, firstAndThird))
                        .isEqualTo(dev.skillmark.quiz.Grading.grade(before, firstAndThird));
                assertThat(read).as("attempt %s shows its options where it showed them", attempt.getKey()).containsExactly(
                        "1:0:" + options[order[0]] + ":" + correct[order[0]],
                        "1:1:" + options[order[1]] + ":" + correct[order[1]],
                        "1:2:" + options[order[2]] + ":" + correct[order[2]]);
            }
            assertThat(h.createQuery("select count(*) from information_schema.tables where lower(table_name) = 'attempt_option'")
                    .mapTo(Integer.class).one()).as("the options live with their stored question now").isZero();
        });
    }

    @Test
    void version_15_numbers_each_browsers_attempts_at_a_quiz_in_the_order_they_started() {
        var flyway = migratedTo("14");
        var jdbi = jdbi();
        jdbi.useHandle(h -> {
            // browser x took quiz q three times (two in the same millisecond) and quiz r once; browser y took q once
            Object[][] rows = {{"x", "q", "a3", 300L}, {"x", "q", "a1", 100L}, {"x", "q", "a2", 100L}, {"x", "r", "a4", 50L},
                {"y", "q", "a5", 10L}};
            for (Object[] row : rows) {
                h.execute("insert into public_attempt (browser_hash, quiz_id, attempt_id, started_at) values (?, ?, ?, ?)", row);
            }
        });
        flyway.target("latest").load().migrate();
        jdbi.useHandle(h -> {
            assertThat(h.createQuery("select browser_hash || quiz_id || ' ' || attempt_id || ' ' || place from public_attempt"
                    + " order by browser_hash, quiz_id, place").mapTo(String.class).list())
                    .containsExactly("xq a1 1", "xq a2 2", "xq a3 3", "xr a4 1", "yq a5 1");
            // the place is unique: a second attempt cannot take place 3 of x at q
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> h.execute("insert into public_attempt"
                    + " (browser_hash, quiz_id, attempt_id, started_at, place) values ('x', 'q', 'a6', 400, 3)")))
                    .isNotNull();
        });
    }
}
