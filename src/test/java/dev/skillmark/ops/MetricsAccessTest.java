package dev.skillmark.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillmark.Config;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may read /metrics, and how the settings that decide it are read. */
class MetricsAccessTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void loopback_is_any_127_address_or_ipv6_loopback_and_names_are_never_resolved() {
        for (String loopback : new String[]{"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1"}) {
            assertThat(MetricsAccess.loopback(loopback)).as(loopback).isTrue();
        }
        for (String other : new String[]{"10.0.0.1", "203.0.113.9", "::2", "localhost", "abc.def", "", "127.0.0.1.example"}) {
            assertThat(MetricsAccess.loopback(other)).as(other).isFalse();
        }
    }

    @Test
    void the_trusted_proxies_themselves_may_read_but_not_the_clients_behind_them() {
        var access = new MetricsAccess(Set.of("loopback", "proxies"), Set.of("10.0.0.5"), NONE);
        assertThat(access.allows("10.0.0.5", NONE)).isTrue();
        assertThat(access.allows("203.0.113.9", NONE)).isFalse();
        assertThat(access.allows("127.0.0.1", NONE)).isTrue();
        assertThat(new MetricsAccess(Set.of("10.1.2.3"), Set.of(), NONE).allows("10.1.2.3", NONE)).isTrue();
    }

    @Test
    void the_token_lets_anyone_in_only_as_a_bearer_token() {
        var access = new MetricsAccess(Set.of(), Set.of(), Optional.of("s3cret"));
        assertThat(access.allows("203.0.113.9", Optional.of("Bearer s3cret"))).isTrue();
        assertThat(access.allows("203.0.113.9", Optional.of("Bearer s3cre"))).isFalse();
        assertThat(access.allows("203.0.113.9", Optional.of("s3cret"))).isFalse();
        assertThat(access.allows("127.0.0.1", NONE)).isFalse();
        assertThat(new MetricsAccess(Set.of(), Set.of(), NONE).allows("127.0.0.1", Optional.of("Bearer "))).isFalse();
    }

    @Test
    void the_settings_default_to_loopback_and_proxies_and_a_log_format_is_text_or_json() {
        var defaults = Config.fromEnvironment(Map.of()).monitoring();
        assertThat(defaults.logFormat()).isEqualTo("text");
        assertThat(defaults.metricsFrom()).containsExactlyInAnyOrder("loopback", "proxies");
        assertThat(defaults.metricsToken()).isEmpty();

        var set = Config.fromEnvironment(Map.of("SKILLMARK_LOG_FORMAT", "json", "SKILLMARK_METRICS_FROM", "none",
                "SKILLMARK_METRICS_TOKEN", " s3cret ")).monitoring();
        assertThat(set.logFormat()).isEqualTo("json");
        assertThat(set.metricsFrom()).isEmpty();
        assertThat(set.metricsToken()).contains("s3cret");
        assertThat(set.toString()).doesNotContain("s3cret");

        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SKILLMARK_LOG_FORMAT", "JSON")))
                .hasMessage("SKILLMARK_LOG_FORMAT must be text or json, not 'JSON'");
        assertThat(Config.SETTINGS).containsKeys("SKILLMARK_LOG_FORMAT", "SKILLMARK_METRICS_FROM", "SKILLMARK_METRICS_TOKEN");
    }
}
