package dev.skillmark.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Shown" events wait for the timeline writer instead of taking a commit each; nothing waiting is lost on close. */
class TimelineWriterTest {

    @TempDir
    Path dir;
    private TestAttempts world;
    private AttemptSignals signals;

    @BeforeEach
    void start() {
        world = new TestAttempts(dir);
        signals = new AttemptSignals(world.database.jdbi(), world.clock, world.attempts);
    }

    @AfterEach
    void stop() {
        signals.close();
        world.close();
    }

    private int shownInTable(String id) {
        return world.database.jdbi().withExtension(AttemptDao.class, dao -> dao.countEvents(id, EventType.SHOWN));
    }

    @Test
    void shown_events_are_written_in_one_batch_by_flush_and_keep_the_time_they_happened() {
        String id = world.start("timed", "Ada");
        long first = world.clock.millis();
        signals.shown(id, 1);
        world.clock.advance(Duration.ofSeconds(30));
        signals.shown(id, 2);
        signals.flush();
        assertThat(signals.pending()).isEmpty();
        assertThat(shownInTable(id)).isEqualTo(2);
        var shown = world.pages.timeline(id).stream().filter(e -> e.type() == EventType.SHOWN).toList();
        assertThat(shown).extracting(Event::at).containsExactly(first, first + 30_000);
        assertThat(shown).extracting(Event::slot).containsExactly(1, 2);
    }

    @Test
    void close_writes_every_waiting_event() {
        String id = world.start("timed", "Ada");
        for (int i = 0; i < 50; i++) {
            signals.shown(id, 1 + i % 3);
        }
        signals.close();
        assertThat(signals.pending()).isEmpty();
        assertThat(shownInTable(id)).isEqualTo(50);
    }

    @Test
    void a_flushed_shown_event_counts_in_the_time_spent_computed_at_submit() {
        String id = world.start("timed", "Ada");
        signals.shown(id, 1);
        world.clock.advance(Duration.ofSeconds(40));
        signals.shown(id, 2);
        world.clock.advance(Duration.ofSeconds(20));
        signals.flush();
        world.attempts.submit(id);
        var times = world.database.jdbi().withHandle(h -> h.createQuery(
                "select time_spent_ms from answer where attempt_id = :id and slot in (1, 2) order by slot")
                .bind("id", id).mapTo(Long.class).list());
        assertThat(times).containsExactly(40_000L, 20_000L);
    }
}
