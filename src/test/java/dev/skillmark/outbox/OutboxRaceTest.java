package dev.skillmark.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillmark.TestApp;
import dev.skillmark.web.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two senders (two instances, as it were) on one real database deliver every message exactly once. */
class OutboxRaceTest {

    static final int TRIALS = 25;
    static final int MESSAGES = 20;
    @TempDir
    Path dir;
    TestApp app;
    ExecutorService threads;

    @BeforeEach
    void start() {
        // the app's own sender stays out of the way: the two below are the ones racing
        app = TestApp.start(dir, c -> c.withOutbound(Outbound.NONE.withSendEvery(Duration.ofDays(1))), List.of());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        app.close();
    }

    @Test
    void two_senders_at_once_deliver_each_message_exactly_once() throws Exception {
        var deliveries = new ConcurrentHashMap<Long, AtomicInteger>();
        Delivery.Channel counting = d -> deliveries.computeIfAbsent(d.id(), id -> new AtomicInteger()).incrementAndGet();
        var outbound = Outbound.NONE.withWebhook(new Outbound.Webhook("http://127.0.0.1:9/unused", "secret"));
        var templates = new Templates(Optional.empty());
        var first = new Outbox(app.app.jdbi(), app.clock, outbound, templates, Optional.empty(), Optional.of(counting));
        var second = new Outbox(app.app.jdbi(), app.clock, outbound, templates, Optional.empty(), Optional.of(counting));

        for (int trial = 0; trial < TRIALS; trial++) {
            String about = "trial-" + trial;
            app.app.jdbi().useTransaction(h -> {
                for (int i = 0; i < MESSAGES; i++) {
                    first.webhook(h, "test.event", about, Map.of("n", i));
                }
            });
            var barrier = new CyclicBarrier(2);
            List<Future<Integer>> runs = List.of(
                    threads.submit(() -> { barrier.await(); return first.deliverDue() + first.deliverDue(); }),
                    threads.submit(() -> { barrier.await(); return second.deliverDue() + second.deliverDue(); }));
            int delivered = runs.get(0).get() + runs.get(1).get();
            assertThat(delivered).as("trial %d", trial).isEqualTo(MESSAGES);
            app.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(deliveries).hasSize(TRIALS * MESSAGES);
        assertThat(deliveries.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        int unsent = app.app.jdbi().withHandle(h -> h.createQuery("select count(*) from outbox where status <> 'SENT'")
                .mapTo(Integer.class).one());
        assertThat(unsent).isZero();
    }
}
