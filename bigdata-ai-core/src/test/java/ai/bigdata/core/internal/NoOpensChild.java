package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.Float8Vector;

/**
 * Run by {@link NoOpensIT} in a JVM started WITHOUT {@code --add-opens=java.base/java.nio}: prints
 * one line per step, {@code step=OK} or {@code step=<exception class>|<first line of its message>}.
 * Arguments: a CSV file and an Arrow file with a categorical column.
 */
public final class NoOpensChild {
    private NoOpensChild() {
    }

    /** Runs the steps. */
    public static void main(String[] args) throws Exception {
        step("ownViews", NoOpensChild::ownViews);
        step("mappedAddress", () -> mappedAddress(Path.of(args[1])));
        step("readCsv", () -> {
            try (Dataset d = Dataset.readCsv(Path.of(args[0])).read()) {
                d.rowCount();
            }
        });
        step("readArrow", () -> {
            try (Dataset d = Dataset.readArrow(Path.of(args[1]))) {
                d.rowCount();
            }
        });
    }

    /** The library's own float64 bulk copies, on an allocator that does not go through Memory. */
    private static void ownViews() {
        try (BufferAllocator alloc = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(RecyclingAllocationManager.FACTORY).build());
             Float8Vector in = new Float8Vector("x", alloc); Float8Vector out = new Float8Vector("y", alloc)) {
            int rows = 1000;
            in.allocateNew(rows);
            out.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                in.set(i, i * 0.5);
            }
            in.setValueCount(rows);
            double[] x = new double[rows];
            NumericColumn.read(Column.of("x", ColumnType.FLOAT64), in, rows, x);
            NumericColumn.writeAllPresent(out, x, rows);
            out.setValueCount(rows);
            for (int i = 0; i < rows; i++) {
                if (x[i] != i * 0.5 || out.get(i) != i * 0.5) {
                    throw new AssertionError("row " + i + ": " + x[i] + " / " + out.get(i));
                }
            }
        }
    }

    /** The address of a memory-mapped buffer, as the memory-mapped Arrow reader takes it. */
    private static void mappedAddress(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(64, ch.size()));
            long address = NativeMemory.address(m);
            byte[] head = Files.readAllBytes(file);
            for (int i = 0; i < m.capacity(); i++) {
                if (MemoryUtil.getByte(address + i) != head[i]) {
                    throw new AssertionError("byte " + i + " differs");
                }
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) {
        String result;
        try {
            step.run();
            result = "OK";
        } catch (Throwable e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            result = e.getClass().getName() + "|" + (nl < 0 ? m : m.substring(0, nl));
        }
        System.out.println(name + "=" + result);
    }
}
