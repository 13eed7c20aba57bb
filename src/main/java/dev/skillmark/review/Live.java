package dev.skillmark.review;

import dev.skillmark.web.Format;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Attempts in progress, for the staff's live view: time left by the server's deadline, and the last activity. */
public final class Live {

    /** One attempt in progress, as of {@code now}. */
    public record Row(LiveDao.Open data, Optional<Duration> timeLeft, Duration sinceActivity) {
        /** Past the deadline, waiting for the grace period or the sweeper to finalise it. */
        public boolean overdue() {
            return timeLeft.map(Duration::isZero).orElse(false);
        }

        /** "04:30", "untimed" or "past the deadline": the page and its JSON say it the same way. */
        public String timeLeftText() {
            if (timeLeft.isEmpty()) {
                return "untimed";
            }
            return overdue() ? "past the deadline" : Format.INSTANCE.clock(timeLeft.get());
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Live(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public List<Row> inProgress() {
        long now = clock.millis();
        return jdbi.withExtension(LiveDao.class, LiveDao::open).stream().map(o -> {
            long last = Math.max(o.startedAt(), Math.max(o.lastEvent() == null ? 0 : o.lastEvent(), o.lastSave() == null ? 0 : o.lastSave()));
            var left = Optional.ofNullable(o.deadlineAt()).map(d -> Duration.ofMillis(Math.max(0, d - now)));
            return new Row(o, left, Duration.ofMillis(Math.max(0, now - last)));
        }).toList();
    }

    public long now() {
        return clock.millis();
    }
}
