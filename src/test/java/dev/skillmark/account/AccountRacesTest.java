package dev.skillmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.AppTest;
import dev.skillmark.Fixtures;
import dev.skillmark.HttpSession;
import dev.skillmark.web.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Races on accounts with real threads against the real server and H2 file database, many trials each. */
class AccountRacesTest extends AppTest {

    @Test
    void twenty_parallel_uses_of_the_setup_link_create_exactly_one_admin() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            clearUsers();
            String token = app.app.accounts().setupTokenIfNoAdmin().orElseThrow();
            var statuses = race(20, i -> {
                var s = new HttpSession(app.app.port());
                String csrf = s.csrf();
                return () -> s.postRaw("/setup/" + token, "csrf", csrf, "username", "admin" + i, "displayName", "A" + i,
                        "password", Fixtures.PASSWORD, "confirm", Fixtures.PASSWORD).status();
            });
            assertThat(statuses).as("trial " + trial).containsOnlyOnce(303);
            assertThat(statuses).as("trial " + trial).allMatch(s -> s == 303 || s == 404 || s == 429); // 429: busy hashing, try later
            assertThat(app.app.accounts().users()).as("trial " + trial).hasSize(1)
                    .allMatch(u -> u.roles().contains(Role.ADMIN));
            assertThat(app.app.accounts().setupTokenIsOpen(token)).isFalse();
        }
    }

    @Test
    void a_setup_that_fails_on_its_input_leaves_the_link_usable() {
        String token = app.app.accounts().setupTokenIfNoAdmin().orElseThrow();
        var s = new HttpSession(app.app.port());
        assertThat(s.post("/setup/" + token, "username", "!", "password", Fixtures.PASSWORD, "confirm", Fixtures.PASSWORD)
                .status()).isEqualTo(400);
        assertThat(s.post("/setup/" + token, "username", "alice", "password", Fixtures.PASSWORD, "confirm", Fixtures.PASSWORD)
                .status()).isEqualTo(303);
    }

    @Test
    void forty_parallel_wrong_passwords_cannot_exceed_the_account_limit_and_the_owner_gets_back_in() throws Exception {
        for (int trial = 0; trial < 4; trial++) {
            String name = "owner" + trial;
            app.app.accounts().create(name, name, Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
            var statuses = race(40, i -> {
                var s = new HttpSession(app.app.port());
                String csrf = s.csrf();
                return () -> s.postRaw("/sign-in", "csrf", csrf, "username", name, "password", "wrong guess " + i).status();
            });
            long rejected = statuses.stream().filter(s -> s == 401).count();
            assertThat(rejected).as("trial " + trial + ": " + statuses).isBetween(1L, (long) Throttle.PER_ACCOUNT.allowed());
            assertThat(statuses).as("trial " + trial).allMatch(s -> s == 401 || s == 429);
            var owner = new HttpSession(app.app.port());
            var blocked = owner.post("/sign-in", "username", name, "password", Fixtures.PASSWORD);
            assertThat(blocked.status()).as("the right password after the limit").isEqualTo(429);
            assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 15 * 60);
            // never locked out for good: once the block is over, the right password works
            app.clock.advance(Duration.ofSeconds(Integer.parseInt(blocked.header("Retry-After")) + 1));
            assertThat(owner.post("/sign-in", "username", name, "password", Fixtures.PASSWORD).status()).isEqualTo(303);
            app.clock.advance(Duration.ofMinutes(16));
        }
    }

    @Test
    void forty_parallel_wrong_passwords_on_many_accounts_cannot_exceed_the_address_limit() throws Exception {
        app.app.accounts().create("real", "Real", Fixtures.PASSWORD, Set.of(Role.INTERVIEWER), "test");
        for (int trial = 0; trial < 3; trial++) {
            int t = trial;
            var statuses = race(40, i -> {
                var s = new HttpSession(app.app.port());
                String csrf = s.csrf();
                return () -> s.postRaw("/sign-in", "csrf", csrf, "username", "nobody" + t + "-" + i, "password", "guess").status();
            });
            long rejected = statuses.stream().filter(s -> s == 401).count();
            assertThat(rejected).as("trial " + trial).isBetween(1L, (long) Throttle.PER_ADDRESS.allowed());
            var real = new HttpSession(app.app.port());
            assertThat(real.post("/sign-in", "username", "real", "password", Fixtures.PASSWORD).status()).isEqualTo(429);
            app.clock.advance(Duration.ofMinutes(16));
            assertThat(real.post("/sign-in", "username", "real", "password", Fixtures.PASSWORD).status()).isEqualTo(303);
        }
    }

    interface Racer {
        Callable<Integer> prepare(int i) throws Exception;
    }

    /** Prepares {@code n} callers, then releases them all at once and collects their statuses. */
    private static List<Integer> race(int n, Racer racer) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < n; i++) {
                var call = racer.prepare(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private void clearUsers() {
        app.app.jdbi().useHandle(h -> {
            h.execute("delete from user_session");
            h.execute("delete from user_role");
            h.execute("delete from app_user");
        });
    }
}
