package ai.bigdata.benchmarks.recsys;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the used Java heap on a daemon thread (every 10 ms) between {@link #start} and {@link #stop} and keeps
 * the largest value: a peak that includes garbage not yet collected, so an upper bound of what the work needed
 * live. {@link #processPeakRssBytes()} reads the process's resident-set high-water mark (heap, Arrow and other
 * native memory, JIT), where the operating system reports it.
 */
public final class MemoryPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private volatile long peak;
    private Thread sampler;

    /** Starts sampling (after a full collection, so the peak starts from the live heap). */
    public void start() {
        if (sampler != null) {
            throw new IllegalStateException("already sampling");
        }
        System.gc();
        peak = memory.getHeapMemoryUsage().getUsed();
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling; returns the peak used heap in bytes. */
    public long stop() {
        if (sampler == null) {
            throw new IllegalStateException("not sampling");
        }
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler = null;
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    /** The process's peak resident set ({@code VmHWM} of {@code /proc/self/status}) in bytes, or -1 where unknown. */
    public static long processPeakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
