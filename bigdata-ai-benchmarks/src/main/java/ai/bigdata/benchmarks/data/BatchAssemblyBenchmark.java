package ai.bigdata.benchmarks.data;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.util.MemoryUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Arrow to ND4J bridge, one epoch of batches at a time, against a plain memory copy of the same
 * bytes into a preallocated INDArray (peers.md D2: 12-13 GB/s here). Both sides hand every batch to
 * the same consumer, an ND4J sum over the batch, so a view that is never read cannot look free.
 *
 * <ul>
 *   <li>tensor column, 60,000 rows of 784 float32 (Fashion-MNIST sized): zero-copy views vs memcpy;</li>
 *   <li>ten float32 columns, 1,000,000 rows: packed row-major batches vs memcpy of the same 40 MB.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchAssemblyBenchmark {
    static final int IMAGES = 60_000;
    static final int PIXELS = 784;
    static final int ROWS = 1_000_000;
    static final int COLUMNS = 10;

    /** Rows per batch. */
    @Param({"128", "1024"})
    public int batchSize;

    private Dataset tensors;
    private Dataset numeric;
    private long source;
    private INDArray tensorTarget;
    private INDArray numericTarget;

    /** Builds both datasets and the baseline's source and target memory. */
    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        Dataset.RowsBuilder t = Dataset.builder(Schema.of(Column.tensor("x", PIXELS))).chunkRows(IMAGES);
        float[] cell = new float[PIXELS];
        for (int i = 0; i < IMAGES; i++) {
            for (int p = 0; p < PIXELS; p++) {
                cell[p] = rnd.nextFloat();
            }
            t.add((Object) cell.clone());
        }
        tensors = t.build();
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            cols.add(Column.of("f" + c, ColumnType.FLOAT32));
        }
        Dataset.RowsBuilder n = Dataset.builder(new Schema(cols)).chunkRows(65_536);
        for (int i = 0; i < ROWS; i++) {
            Object[] row = new Object[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = rnd.nextFloat();
            }
            n.add(row);
        }
        numeric = n.build();
        long bytes = (long) IMAGES * PIXELS * 4;
        source = MemoryUtil.allocateMemory(bytes);
        MemoryUtil.setMemory(source, bytes, (byte) 1);
        tensorTarget = Nd4j.createUninitialized(DataType.FLOAT, 4096, PIXELS);
        numericTarget = Nd4j.createUninitialized(DataType.FLOAT, 4096, COLUMNS);
        // the row objects built above are garbage now: collect them before measuring, not during
        System.gc();
    }

    /** Frees everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tensors.close();
        numeric.close();
        MemoryUtil.freeMemory(source);
        tensorTarget.close();
        numericTarget.close();
    }

    /** bigdata-ai: one epoch of tensor-column batches (zero-copy views). */
    @Benchmark
    public double tensorViews() {
        double s = 0;
        try (BatchIterator it = tensors.batches().batchSize(batchSize).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                s += consume(b.features());
            }
        }
        return s;
    }

    /** Baseline: memcpy of the same bytes, batch by batch, into a preallocated INDArray. */
    @Benchmark
    public double tensorMemcpy() {
        return memcpyEpoch(IMAGES, PIXELS, tensorTarget);
    }

    /** bigdata-ai: one epoch of ten float32 columns packed into [batch, 10] arrays. */
    @Benchmark
    public double numericPacked() {
        double s = 0;
        try (BatchIterator it = numeric.batches().batchSize(batchSize).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                s += consume(b.features());
            }
        }
        return s;
    }

    /** Baseline: memcpy of the same 40 MB, batch by batch, into a preallocated INDArray. */
    @Benchmark
    public double numericMemcpy() {
        return memcpyEpoch(ROWS, COLUMNS, numericTarget);
    }

    private double memcpyEpoch(int rows, int width, INDArray target) {
        long dst = target.data().address();
        long rowBytes = 4L * width;
        double s = 0;
        for (int r = 0; r < rows; r += batchSize) {
            int n = Math.min(batchSize, rows - r);
            MemoryUtil.copyMemory(source + r * rowBytes, dst, n * rowBytes);
            s += consume(target.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
        }
        return s;
    }

    /** The consumer both sides share: the sum of the batch's values (reads every byte once). */
    private static double consume(INDArray batch) {
        return batch.sumNumber().doubleValue();
    }
}
