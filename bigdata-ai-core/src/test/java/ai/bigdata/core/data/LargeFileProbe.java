package ai.bigdata.core.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Run in a child JVM with a small heap by {@link LargerThanHeapIT}: opens a memory-mapped Arrow file,
 * iterates every batch of its tensor column and computes column statistics, then prints them.
 */
public final class LargeFileProbe {
    private LargeFileProbe() {
    }

    /** Prints "rows=... views=... tensorSum=... xMean=... xMax=... heapMax=...". */
    public static void main(String[] args) {
        try (Dataset d = Dataset.readArrow(Path.of(args[0]));
             BatchIterator it = d.batches().features("v").batchSize(4096).build()) {
            double tensorSum = 0;
            long views = 0;
            long rows = 0;
            while (it.hasNext()) {
                Batch b = it.next();
                tensorSum += b.features().sumNumber().doubleValue();
                views += b.isView() ? 1 : 0;
                rows += b.size();
            }
            Summary s = d.summary();
            System.out.printf(Locale.ROOT, "rows=%d views=%d tensorSum=%.1f xMean=%.9f xMax=%.3f heapMax=%d%n", rows, views,
                    tensorSum, s.column("x").mean(), s.column("x").max(), Runtime.getRuntime().maxMemory());
        }
        if (Memory.allocatedBytes() != 0) {
            throw new IllegalStateException("leaked " + Memory.allocatedBytes() + " bytes of Arrow memory");
        }
    }
}
