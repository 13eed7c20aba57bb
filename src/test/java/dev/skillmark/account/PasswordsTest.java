package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST SP 800-63B: length, a blocklist of common and guessable passwords, and not whitespace alone. */
class PasswordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "        ", "            ", "\t\t\t\t\t\t\t\t\t\t\t\t",
            "passwordpassword", "password1234", "qwertyuiop123", "iloveyou1234", "123456789012", "aaaaaaaaaaaa",
            "abcdefghijkl", "Password123!", "short one", "monkey123456"})
    void refuses_short_common_guessable_and_blank_passwords(String password) {
        assertThat(Passwords.problem(password)).as(password).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zebra violin cactus", "a long passphrase here", "Tr0ub4dor&3xyz", "mañana río dorado 7",
            "   leading and trailing spaces kept   "})
    void accepts_long_unguessable_passwords_of_any_characters(String password) {
        assertThat(Passwords.problem(password)).as(password).isEmpty();
    }

    @Test
    void the_test_fixtures_password_passes_the_rules() {
        assertThat(Passwords.problem(Fixtures.PASSWORD)).isEmpty();
    }

    @Test
    void length_counts_characters_not_bytes_and_has_a_generous_cap() {
        assertThat(Passwords.problem("ñ".repeat(11))).isPresent();
        var generated = new StringBuilder();
        new java.util.Random(7).ints(1024, 33, 127).forEach(generated::appendCodePoint); // a password manager's
        assertThat(Passwords.problem(generated.toString())).isEmpty();
        assertThat(Passwords.problem("x".repeat(1025))).isPresent();
    }
}
