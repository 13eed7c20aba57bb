package dev.skillmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A small closed-loop load generator for the benchmark: {@code clients} threads share one JDK HttpClient
 * and send requests back to back for a while; each request is built by {@code next} from a global counter.
 * Measures and prints; never fails.
 */
final class Load {

    /** What one run measured: requests per second, latency quantiles and the replies by status. */
    record Result(String name, double perSecond, double p50, double p99, long count, Map<Integer, Long> statuses, double cores,
                  double serverMicros, long warmedSeconds) {
        String line(Result ceiling) {
            String ratio = ceiling == null ? "(ceiling)" : String.format(Locale.ROOT, "%5.1f%% of %s", 100 * perSecond / ceiling.perSecond, ceiling.name);
            long failed = statuses.entrySet().stream().filter(e -> e.getKey() >= 400).mapToLong(Map.Entry::getValue).sum();
            return String.format(Locale.ROOT, "%-40s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %-28s CPU %.2f cores, server %4.0f µs a request  warmed %3d s  statuses %s%s",
                    name, perSecond, p50, p99, ratio, cores, serverMicros, warmedSeconds, statuses,
                    failed > 0 ? "  <- " + failed + " refused: these figures do not measure the real work" : "");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    /** Warm-up windows, and the most warm-up a probe gets past its minimum ({@code -DmaxWarm} seconds). */
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration MAX_WARM = Duration.ofSeconds(Long.getLong("maxWarm", 150));

    /**
     * Runs a warm-up of at least {@code warmUp}, then the measured period, with {@code clients} concurrent clients.
     * The warm-up goes on in windows of 5 s until three in a row gain no more than 2% on the best before them while the
     * JIT compiles for less than 250 ms of each (or {@code -DmaxWarm} runs out): on two cores the JIT compiles a question page's code for a minute or more while
     * it also serves it, and a probe measured before that is done measures the compiler as much as the page.
     */
    static Result run(String name, int clients, Duration warmUp, Duration measure, LongFunction<HttpRequest> next) throws InterruptedException {
        loop(clients, warmUp, next, null, null);
        long warmed = warmUp.toSeconds();
        long best = 0;
        int flat = 0;
        boolean extend = warmUp.compareTo(WINDOW) >= 0; // a warm-up shorter than a window (-Dquick) is not extended
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        while (extend && flat < 3 && warmed - warmUp.toSeconds() < MAX_WARM.toSeconds()) {
            long compiling = jit.getTotalCompilationTime();
            long done = loop(clients, WINDOW, next, null, null);
            warmed += WINDOW.toSeconds();
            // settled: no gain on the best window, and the JIT compiled for less than a twentieth of the window. On
            // two busy cores the compiler gets little time, so throughput can stall for a while with the page's
            // code half compiled: one run stopped at 55 s with 1,163 µs of server CPU a question page, another went
            // on to 115 s and 484 µs
            boolean compiled = jit.getTotalCompilationTime() - compiling < WINDOW.toMillis() / 20;
            flat = done > best * 1.02 || !compiled ? 0 : flat + 1;
            best = Math.max(best, done);
        }
        var samples = Collections.synchronizedList(new ArrayList<long[]>());
        var statuses = new TreeMap<Integer, Long>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        var server = serverThreadCpu();
        long t = System.nanoTime();
        long from = System.currentTimeMillis();
        loop(clients, measure, next, samples, statuses);
        double seconds = (System.nanoTime() - t) / 1e9;
        if (Boolean.getBoolean("marks")) { // -Dmarks: the measured window, to cut a profile recorded over the whole run
            System.out.printf("measured %s: from %d to %d (epoch ms)%n", name, from, System.currentTimeMillis());
        }
        double cores = (os.getProcessCpuTime() - cpu) / 1e9 / seconds;
        var after = serverThreadCpu();
        long serverNanos = after.entrySet().stream().mapToLong(e -> e.getValue() - server.getOrDefault(e.getKey(), 0L)).sum();
        var all = new long[samples.stream().mapToInt(s -> s.length).sum()];
        int i = 0;
        for (var s : samples) {
            System.arraycopy(s, 0, all, i, s.length);
            i += s.length;
        }
        java.util.Arrays.sort(all);
        var result = new Result(name, all.length / seconds, quantile(all, 0.50), quantile(all, 0.99), all.length, statuses, cores,
                all.length == 0 ? 0 : serverNanos / 1e3 / all.length, warmed);
        return result;
    }

    /** Sends exactly {@code total} requests with {@code clients} clients; returns the elapsed seconds. */
    static double count(int clients, long total, LongFunction<HttpRequest> next, Map<Integer, Long> statuses) throws InterruptedException {
        var counter = new AtomicLong();
        var done = new CountDownLatch(clients);
        long t = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            start(() -> {
                try {
                    for (long n = counter.getAndIncrement(); n < total; n = counter.getAndIncrement()) {
                        int status = send(next.apply(n));
                        synchronized (statuses) {
                            statuses.merge(status, 1L, Long::sum);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return (System.nanoTime() - t) / 1e9;
    }

    /** Sends requests back to back from {@code clients} threads for {@code period}; returns how many were sent. */
    private static long loop(int clients, Duration period, LongFunction<HttpRequest> next, List<long[]> samples,
                             Map<Integer, Long> statuses) throws InterruptedException {
        var counter = new AtomicLong();
        long end = System.nanoTime() + period.toNanos();
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            start(() -> {
                var mine = new long[1 << 16];
                int n = 0;
                var counts = new TreeMap<Integer, Long>();
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        int status = send(next.apply(counter.getAndIncrement()));
                        if (n == mine.length) {
                            mine = java.util.Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t;
                        counts.merge(status, 1L, Long::sum);
                    }
                } finally {
                    if (samples != null) {
                        samples.add(java.util.Arrays.copyOf(mine, n));
                        synchronized (statuses) {
                            counts.forEach((k, v) -> statuses.merge(k, v, Long::sum));
                        }
                    }
                    done.countDown();
                }
            });
        }
        done.await();
        return counter.get();
    }

    /**
     * The CPU time of every thread but the load's own (its clients and the JDK HttpClient's): the server's cost of a
     * request, apart from the load generator's, which shares the two cores and the JVM. A thread that ends within the
     * window loses its share, so this is a floor.
     */
    private static Map<Long, Long> serverThreadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var cpu = new java.util.HashMap<Long, Long>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && !info.getThreadName().equals("load") && !info.getThreadName().startsWith("HttpClient")) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static void start(Runnable body) {
        var thread = new Thread(body, "load");
        thread.setDaemon(true);
        thread.start();
    }

    private static int send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
