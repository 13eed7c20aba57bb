package dev.skillmark.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). Passwords are compared exactly as
 * typed: no trimming, no truncation, any length from 8 to 1024 characters.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
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
        if (password == null || password.length() < MIN_LENGTH) {
            return java.util.Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return java.util.Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        return java.util.Optional.empty();
    }
}
