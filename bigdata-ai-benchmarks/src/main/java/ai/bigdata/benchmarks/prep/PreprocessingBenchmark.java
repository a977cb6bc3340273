package ai.bigdata.benchmarks.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.Encode;
import ai.bigdata.core.prep.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Fitting and applying standard scaling on 10 million rows x 10 float64 columns, and one-hot encoding
 * of a 10-category column of 10 million rows, against plain Java loops over the same values in
 * arrays (two passes for the scaler, a count and a fill for the encoder). Our scaler works on all
 * cores (column statistics and chunk transforms on the common fork-join pool), so its fair baseline is
 * the same plain loop run column-parallel on the same pool; the one-thread loop stays as information.
 * Each operation takes over 100 ms, so every invocation is timed on its own (single-shot mode).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PreprocessingBenchmark {
    static final int ROWS = 10_000_000;
    static final int COLUMNS = 10;
    static final int CATEGORIES = 10;

    private Dataset numeric;
    private Dataset categorical;
    private double[][] values;
    private double[][] scaled;
    private int[] codes;
    private float[][] oneHot;

    /** Builds the datasets and the arrays of the plain loops. */
    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            cols.add(Column.of("x" + c, ColumnType.FLOAT64));
        }
        values = new double[COLUMNS][ROWS];
        scaled = new double[COLUMNS][ROWS];
        codes = new int[ROWS];
        oneHot = new float[CATEGORIES][ROWS];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < CATEGORIES; k++) {
            names.add("cat" + k);
        }
        try (DatasetWriter a = Dataset.writer(new Schema(cols), 65_536);
                DatasetWriter b = Dataset.writer(Schema.of(Column.categorical("c", ColumnRole.FEATURE, names)), 65_536)) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    double v = rnd.nextGaussian() * (c + 1) + c;
                    values[c][r] = v;
                    a.column(c).appendDouble(v);
                }
                a.endRow();
                codes[r] = rnd.nextInt(CATEGORIES);
                b.column(0).appendCategory(names.get(codes[r]));
                b.endRow();
            }
            numeric = a.build();
            categorical = b.build();
        }
        System.gc();
    }

    /** Frees the datasets. */
    @TearDown(Level.Trial)
    public void tearDown() {
        numeric.close();
        categorical.close();
    }

    /** bigdata-ai: fit a standard scaler and apply it (a new 10-column Arrow dataset). */
    @Benchmark
    public long standardScaling() {
        try (Dataset out = Scale.standard().fit(numeric).apply(numeric)) {
            return out.rowCount();
        }
    }

    /** Baseline: mean and population standard deviation per column, then (x - mean) / std into arrays; one thread. */
    @Benchmark
    public double standardScalingPlainLoop() {
        double check = 0;
        for (int c = 0; c < COLUMNS; c++) {
            check += scaleColumn(c);
        }
        return check;
    }

    /** Baseline: the same plain loop with the columns spread over the common fork-join pool (all cores, as ours). */
    @Benchmark
    public double standardScalingPlainLoopParallel() {
        return java.util.stream.IntStream.range(0, COLUMNS).parallel().mapToDouble(this::scaleColumn).sum();
    }

    private double scaleColumn(int c) {
        double[] x = values[c];
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / ROWS;
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        double std = Math.sqrt(ss / ROWS);
        double[] out = scaled[c];
        for (int i = 0; i < ROWS; i++) {
            out[i] = (x[i] - mean) / std;
        }
        return out[ROWS - 1];
    }

    /** bigdata-ai: fit a one-hot encoder and apply it (ten float32 0/1 columns). */
    @Benchmark
    public long oneHot() {
        try (Dataset out = Encode.oneHot().fit(categorical).apply(categorical)) {
            return out.rowCount();
        }
    }

    /** Baseline: count the categories, then write ten 0/1 float arrays. */
    @Benchmark
    public double oneHotPlainLoop() {
        long[] counts = new long[CATEGORIES];
        for (int code : codes) {
            counts[code]++;
        }
        for (int i = 0; i < ROWS; i++) {
            int hot = codes[i];
            for (int k = 0; k < CATEGORIES; k++) {
                oneHot[k][i] = k == hot ? 1f : 0f;
            }
        }
        return counts[0] + oneHot[0][ROWS - 1];
    }
}
