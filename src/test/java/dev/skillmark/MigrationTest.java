package dev.skillmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations that change what stored data means keep what interviewers saw, on H2 and on PostgreSQL. */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void the_bursts_of_saves_recorded_as_events_before_version_11_become_burst_events() {
        var config = TestDatabase.config(dir.resolve("data"), dir.resolve("content"));
        var flyway = Flyway.configure().dataSource(config.databaseUrl(), config.databaseUser(), config.databasePassword())
                .locations("classpath:db/migration");
        flyway.target("10").load().migrate();
        var jdbi = Jdbi.create(config.databaseUrl(), config.databaseUser(), config.databasePassword());
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
}
