package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {

    private final Format fmt = Format.INSTANCE;

    @Test
    void the_clock_shows_minutes_and_seconds_under_an_hour_and_hours_from_one_hour() {
        assertThat(fmt.clock(Duration.ZERO)).isEqualTo("00:00");
        assertThat(fmt.clock(Duration.ofMillis(999))).isEqualTo("00:00");
        assertThat(fmt.clock(Duration.ofSeconds(9))).isEqualTo("00:09");
        assertThat(fmt.clock(Duration.ofSeconds(59))).isEqualTo("00:59");
        assertThat(fmt.clock(Duration.ofMinutes(10))).isEqualTo("10:00");
        assertThat(fmt.clock(Duration.ofSeconds(44 * 60 + 58))).isEqualTo("44:58");
        assertThat(fmt.clock(Duration.ofSeconds(3599))).isEqualTo("59:59");
        assertThat(fmt.clock(Duration.ofHours(1))).isEqualTo("1:00:00");
        assertThat(fmt.clock(Duration.ofSeconds(10 * 3600 + 5 * 60 + 9))).isEqualTo("10:05:09");
        assertThat(fmt.clock(Duration.ofHours(100))).isEqualTo("100:00:00");
    }

    @Test
    void a_clock_past_its_end_stops_at_zero() {
        assertThat(fmt.clock(Duration.ofSeconds(-5))).isEqualTo("00:00");
    }

    @Test
    void option_letters_count_from_a() {
        assertThat(fmt.letter(0)).isEqualTo("A");
        assertThat(fmt.letter(3)).isEqualTo("D");
    }
}
