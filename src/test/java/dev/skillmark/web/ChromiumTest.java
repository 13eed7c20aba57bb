package dev.skillmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which browser the browser tests drive, and the one line they fail with when there is none. */
class ChromiumTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void the_configured_chromium_comes_first() {
        var chromium = Chromium.choose(Map.of("skillmark.chromium", "/opt/chrome/chrome")::get, NONE::get,
                on("/opt/chrome/chrome", "/usr/bin/chromium"));
        assertThat(chromium.executable()).contains(Path.of("/opt/chrome/chrome"));
        var fromVariable = Chromium.choose(NONE::get, Map.of("SKILLMARK_CHROMIUM", "/opt/chrome/chrome")::get,
                on("/opt/chrome/chrome"));
        assertThat(fromVariable.executable()).contains(Path.of("/opt/chrome/chrome"));
    }

    @Test
    void a_configured_chromium_that_is_not_there_fails_in_one_line_that_says_how_to_get_one() {
        assertThatThrownBy(() -> Chromium.choose(NONE::get, Map.of("SKILLMARK_CHROMIUM", "/nowhere/chrome")::get,
                on("/usr/bin/chromium")))
                .hasMessageContaining("/nowhere/chrome").hasMessageContaining("apt-get install chromium")
                .hasMessageContaining("-Dskillmark.chromium").hasMessageContaining("SKILLMARK_CHROMIUM")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void otherwise_the_system_chromium() {
        assertThat(Chromium.choose(NONE::get, NONE::get, on("/usr/bin/chromium")).executable())
                .contains(Path.of("/usr/bin/chromium"));
    }

    @Test
    void without_one_playwright_downloads_its_own_unless_told_not_to() {
        assertThat(Chromium.choose(NONE::get, NONE::get, on()).playwrightsOwn()).isTrue();
        assertThat(Chromium.choose(NONE::get, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "0")::get, on()).playwrightsOwn())
                .isTrue();
        assertThatThrownBy(() -> Chromium.choose(NONE::get, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")::get, on()))
                .hasMessageContaining("apt-get install chromium").hasMessageContaining("-Dskillmark.chromium")
                .hasMessageContaining("SKILLMARK_CHROMIUM").hasMessageContaining("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Chromium.downloadFailed(new RuntimeException("Failed to install browsers\nError: getaddrinfo EAI_AGAIN")))
                .startsWith("No system Chromium, and Playwright could not download its own (Failed to install browsers)")
                .contains("apt-get install chromium").doesNotContain("\n");
    }

    private static java.util.function.Predicate<Path> on(String... paths) {
        Set<Path> present = java.util.Arrays.stream(paths).map(Path::of).collect(java.util.stream.Collectors.toSet());
        return present::contains;
    }
}
