package dev.skillmark.account;

import dev.skillmark.web.SkillmarkException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * argon2id needs 19 MiB per running hash, so only as many run at once as there are cores. Excess
 * sign-ins wait a little for a turn, then get 429 with Retry-After instead of exhausting memory.
 */
public final class Hashing {

    private final Semaphore turns;
    private final Duration patience;

    public Hashing(int parallel, Duration patience) {
        this.turns = new Semaphore(Math.max(1, parallel), true);
        this.patience = patience;
    }

    /** One turn per core, and two seconds of patience. */
    public static Hashing forThisMachine() {
        return new Hashing(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
    }

    <T> T run(Supplier<T> work) {
        boolean got;
        try {
            got = turns.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new SkillmarkException.Throttled(Duration.ofSeconds(2),
                    "Skillmark is busy signing other people in. Try again in a few seconds.");
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    String hash(String password) {
        return run(() -> Passwords.hash(password));
    }

    boolean matches(String password, String hash) {
        return run(() -> Passwords.matches(password, hash));
    }
}
