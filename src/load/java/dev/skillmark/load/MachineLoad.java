package dev.skillmark.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What else the machine was doing: the 1-minute load average every 5 s during the run, and the CPU this JVM (Gatling,
 * and Skillmark when started here) used. Other work on a shared machine shows as load beyond this JVM's share.
 */
final class MachineLoad {

    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "machine-load");
        t.setDaemon(true);
        return t;
    });
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder samples = new LongAdder();
    private volatile double max;
    private final long startNanos = System.nanoTime();
    private final long startCpu = cpuNanos();

    MachineLoad() {
        every.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            sum.add(load);
            samples.increment();
            max = Math.max(max, load);
        } catch (IOException | RuntimeException e) {
            // no /proc here: nothing to report
        }
    }

    String summary() {
        every.shutdownNow();
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double jvmCores = (cpuNanos() - startCpu) / 1e9 / seconds;
        long n = samples.sum();
        return String.format(Locale.ROOT, "Machine: %d cores; load average (1 min) mean %.2f, max %.2f over %.0f s;"
                + " this JVM used %.2f cores on average, so about %.2f cores of the load were other processes",
                cores, n == 0 ? 0 : sum.sum() / n, max, seconds, jvmCores, Math.max(0, (n == 0 ? 0 : sum.sum() / n) - jvmCores));
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
