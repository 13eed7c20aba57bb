package dev.skillmark.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A read for a probe or a gauge, run on a thread of its own and waited for at most a timeout, one at a time: a
 * caller who comes while it runs waits for the same run. A database that does not answer (the pool waits up to
 * 30 s for a connection) then costs one blocked thread, and every caller gets its answer within the timeout.
 */
final class SingleFlight<T> implements AutoCloseable {

    /** How a run ended, as far as the caller waited. */
    sealed interface Outcome<T> {
    }

    record Done<T>(T value) implements Outcome<T> {
    }

    record Failed<T>(Throwable cause) implements Outcome<T> {
    }

    record TooSlow<T>(Duration waited) implements Outcome<T> {
    }

    private final Supplier<T> work;
    private final Duration timeout;
    private final ExecutorService thread;
    private CompletableFuture<T> running; // guarded by this

    SingleFlight(String name, Duration timeout, Supplier<T> work) {
        this.work = work;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            var t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    Outcome<T> call() {
        CompletableFuture<T> run;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(work, thread);
            }
            run = running;
        }
        try {
            return new Done<>(run.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new TooSlow<>(timeout);
        } catch (ExecutionException e) {
            return new Failed<>(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed<>(e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
