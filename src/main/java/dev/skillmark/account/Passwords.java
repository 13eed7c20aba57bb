package dev.skillmark.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.password4j.types.Argon2;

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). Passwords are compared exactly as
 * typed: no trimming, no truncation. The rules follow NIST SP 800-63B: at least 12 characters (any
 * characters, spaces included, up to 1024), not whitespace alone, and not a common or easily guessed
 * password (zxcvbn's dictionaries of common passwords, names, words, keyboard patterns, repeats and
 * sequences, with a score of at least 3 of 4). No composition rules, and paste is welcome.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    private static final int MIN_SCORE = 3;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();
    public static final int MAX_LENGTH = 1024;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** Verified against when a username is unknown, so both cases take the same time. */
    private static final String DUMMY = hash("not a real password, only for timing");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        return Argon2Function.getInstanceFromHash(hash).check(password, hash);
    }

    static boolean spendTheSameTime(String password) {
        matches(password, DUMMY);
        return false;
    }

    /** Empty when acceptable; otherwise a message for the form. */
    public static java.util.Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return java.util.Optional.of("Use at least " + MIN_LENGTH + " characters; a few unrelated words make a good one.");
        }
        if (password.length() > MAX_LENGTH) {
            return java.util.Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (password.isBlank()) {
            return java.util.Optional.of("A password cannot be only spaces.");
        }
        // zxcvbn's cost grows with length; the first 100 characters decide whether it is guessable
        var strength = ZXCVBN.measure(password.length() > 100 ? password.substring(0, 100) : password);
        if (strength.getScore() < MIN_SCORE) {
            return java.util.Optional.of("That password is too common or too easy to guess. "
                    + "Try a few unrelated words, or let your password manager make one.");
        }
        return java.util.Optional.empty();
    }
}
