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
 * What else the machine was doing: the CPU the whole machine used during the run ({@code /proc/stat}) next to what this
 * JVM (Gatling, and Skillmark when started here) used; other work on a shared machine shows as the difference. The
 * 1-minute load average is printed too, but it counts runnable threads, not cores: a JVM with thousands of busy
 * threads alone can show a load of 30 on 2 cores, so nothing is inferred from it.
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
    private final long[] startMachine = machineJiffies();

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
        long[] machine = machineJiffies();
        // USER_HZ is 100 on Linux: /proc/stat counts hundredths of a second
        double machineCores = machine[0] < 0 || startMachine[0] < 0 ? Double.NaN : (machine[0] - startMachine[0]) / 100.0 / seconds;
        long n = samples.sum();
        return String.format(Locale.ROOT, "Machine: %d cores; busy %.2f cores on average over %.0f s, this JVM %.2f, other processes %.2f;"
                + " load average (1 min, runnable threads) mean %.2f, max %.2f",
                cores, machineCores, seconds, jvmCores, Math.max(0, machineCores - jvmCores), n == 0 ? 0 : sum.sum() / n, max);
    }

    /** {busy jiffies} of all cores since boot (user, nice, system, irq, softirq, steal), or {-1} without /proc. */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return new long[]{busy};
        } catch (IOException | RuntimeException e) {
            return new long[]{-1};
        }
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
