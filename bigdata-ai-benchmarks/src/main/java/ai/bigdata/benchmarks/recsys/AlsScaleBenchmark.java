package ai.bigdata.benchmarks.recsys;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.recsys.DuplicatePolicy;
import ai.bigdata.recsys.ExplicitAls;
import ai.bigdata.recsys.Interactions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Explicit ALS (rank 10, lambda 0.1, bias lambda 2, 2 threads) on a synthetic MovieLens-20M-shaped data set
 * ({@link SyntheticRatings}: 138,000 users, 27,000 items, 20 million ratings, Zipf item popularity, seed 42;
 * {@code scale} shrinks users and ratings, 0.01 in smoke runs). The set-up generates the ratings into a core
 * dataset (Arrow memory), turns it into the heap form {@link Interactions} and closes the dataset; each call
 * then fits a model of {@code iterations} sweeps, the training index included (single shot). Seconds per
 * iteration = (time at 5 iterations - time at 1) / 4. Reported next to the time: the peak used heap during
 * the fit (sampled, garbage included) and the process's peak resident set ({@code :peakHeapMb},
 * {@code :peakRssMb}), the Arrow memory of the generated dataset and the heap arrays of the interactions
 * ({@code :arrowMb}, {@code :inputHeapMb}), and the seconds the generation and the import took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AlsScaleBenchmark {
    /** Fraction of the MovieLens-20M shape's users and ratings (1 = 20 million ratings). */
    @Param({"1"})
    public double scale;

    /** Alternating sweeps per fit. */
    @Param({"1", "5"})
    public int iterations;

    private Interactions ratings;
    private OnThreads threads;
    private double arrowMb;
    private double generateSeconds;
    private double importSeconds;

    /** Generates the ratings and imports them into the heap form. */
    @Setup(Level.Trial)
    public void setup() {
        threads = new OnThreads(2);
        long t0 = System.nanoTime();
        try (Dataset data = SyntheticRatings.movieLens20mShape(scale, 42).write()) {
            long t1 = System.nanoTime();
            arrowMb = Memory.allocatedBytes() / 1e6;
            ratings = threads.call(() -> Interactions.from(data, DuplicatePolicy.ERROR));
            long t2 = System.nanoTime();
            generateSeconds = (t1 - t0) / 1e9;
            importSeconds = (t2 - t1) / 1e9;
        }
        System.out.printf("%s: generated in %.1f s (Arrow %.0f MB), imported in %.1f s%n", ratings, generateSeconds,
                arrowMb, importSeconds);
    }

    /** Stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        threads.close();
    }

    /** Memory and set-up figures, reported by JMH as secondary results of the fit. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Figures {
        /** Peak used heap during the fit, MB (sampled every 10 ms, garbage included). */
        public double peakHeapMb;
        /** The process's peak resident set so far, MB (-1 where unknown). */
        public double peakRssMb;
        /** Arrow memory of the generated dataset, MB. */
        public double arrowMb;
        /** Heap arrays of the imported interactions (28 bytes a rating), MB. */
        public double inputHeapMb;
        /** Seconds to generate the dataset. */
        public double generateSeconds;
        /** Seconds to import it into the heap form. */
        public double importSeconds;
        private final MemoryPeak heap = new MemoryPeak();
        AlsScaleBenchmark source;

        /** Starts the heap sampler. */
        @Setup(Level.Iteration)
        public void start() {
            heap.start();
        }

        /** Stops the sampler and records the figures. */
        @TearDown(Level.Iteration)
        public void record() {
            peakHeapMb = heap.stop() / 1e6;
            peakRssMb = MemoryPeak.processPeakRssBytes() / 1e6;
            if (source != null) {
                arrowMb = source.arrowMb;
                inputHeapMb = source.ratings.size() * 28.0 / 1e6;
                generateSeconds = source.generateSeconds;
                importSeconds = source.importSeconds;
            }
        }
    }

    /** One fit of {@code iterations} sweeps on 2 threads. */
    @Benchmark
    public ExplicitAls fit(Figures figures) {
        figures.source = this;
        return threads.call(() -> ExplicitAls.builder().rank(10).iterations(iterations).lambda(0.1).fit(ratings));
    }
}
