package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The redirect after sign-in: only same-origin paths survive, everything else means "your home page". */
class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/review", "/review/attempts/abc?tab=answers", "/trainer/stats/alpha", "/",
            "/content#bank-x", "/invitations?q=a%20b"})
    void keeps_local_paths(String next) {
        assertThat(AccountController.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example",
            "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "https://evil.example", "http:/evil.example",
            "evil.example", "javascript:alert(1)", " /review", "/review//x", "///evil.example", "/ /evil.example",
            "/\u0000/evil.example", "/\u00a0/evil.example", "/\u2028/evil.example", "/\u200b/evil.example",
            "/\u007f/evil.example", "/review?next=//evil.example", "", "%2F%2Fevil.example", "/%09/evil.example x"})
    void refuses_everything_else(String next) {
        assertThat(AccountController.safeNext(next)).isEmpty();
    }
}
