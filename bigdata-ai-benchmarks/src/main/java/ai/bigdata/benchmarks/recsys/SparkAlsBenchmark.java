package ai.bigdata.benchmarks.recsys;

import ai.bigdata.recsys.ExplicitAls;
import ai.bigdata.recsys.InteractionSplit;
import ai.bigdata.recsys.RatingEvaluator;
import ai.bigdata.recsys.RatingReport;
import ai.bigdata.recsys.UnknownPolicy;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.ml.recommendation.ALSModel;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Explicit ALS side by side with Apache Spark MLlib on MovieLens latest-small ({@link MovieLensSplit}: the recsys
 * module's random 80/20 split, seed 42, the same rows for both), rank 10, 10 iterations, regularisation 0.1
 * (weighted-lambda on both sides), 2 threads each: ours on a 2-thread pool ({@link OnThreads}), Spark in
 * {@code local[2]}. Our model also fits a user and an item bias (bias lambda 2, its default); MLlib's has none.
 * Each method times one fit (single shot; the warm-up fits are discarded, so Spark's fit is a warm one in a
 * running session with both DataFrames cached); after each measured fit, outside the timing, the fitted model
 * scores the test part and the runner reports {@code :rmse} and {@code :rows} next to the time. Cold test rows
 * (user or item not in train) are left out on both sides: ours by {@link UnknownPolicy#SKIP}, Spark's by
 * {@code coldStartStrategy = drop}, so both RMSEs are over the same warm rows.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparkAlsBenchmark {
    static final int RANK = 10;
    static final int ITERATIONS = 10;
    static final double REG = 0.1;
    static final int THREADS = 2;

    /** Our side: the split and a 2-thread pool. */
    @State(Scope.Benchmark)
    public static class Ours {
        InteractionSplit split;
        OnThreads threads;

        /** Reads and splits the data. */
        @Setup(Level.Trial)
        public void setup() {
            split = MovieLensSplit.load();
            threads = new OnThreads(THREADS);
        }

        /** Stops the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            threads.close();
        }
    }

    /** Spark's side: a local session with the same split cached as DataFrames. */
    @State(Scope.Benchmark)
    public static class Spark {
        SparkAlsBaseline spark;

        /** Reads and splits the data, starts Spark and caches both parts. */
        @Setup(Level.Trial)
        public void setup() {
            InteractionSplit split = MovieLensSplit.load();
            spark = new SparkAlsBaseline(split.train(), split.test(), THREADS, RANK, ITERATIONS, REG);
        }

        /** Stops Spark. */
        @TearDown(Level.Trial)
        public void tearDown() {
            spark.close();
        }
    }

    /**
     * The test RMSE over the warm rows and their count, computed after each measured fit (outside its time)
     * and reported by JMH as secondary results of the method.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Quality {
        /** Test RMSE of the last fit (warm rows). */
        public double rmse;
        /** Test rows scored (warm rows). */
        public double rows;
        Supplier<double[]> pending;

        /** Scores the iteration's fit. */
        @TearDown(Level.Iteration)
        public void score() {
            if (pending != null) {
                double[] r = pending.get();
                rmse = r[0];
                rows = r[1];
                pending = null;
            }
        }
    }

    /** One fit of our explicit ALS (with biases) on 2 threads. */
    @Benchmark
    public ExplicitAls oursFit(Ours ours, Quality quality) {
        ExplicitAls model = ours.threads.call(() -> ExplicitAls.builder().rank(RANK).iterations(ITERATIONS).lambda(REG)
                .fit(ours.split.train()));
        quality.pending = () -> {
            RatingReport r = RatingEvaluator.evaluate(model, ours.split.test(), UnknownPolicy.SKIP);
            return new double[] {r.rmse(), r.scored()};
        };
        return model;
    }

    /** One warm fit of Spark MLlib's ALS in {@code local[2]}. */
    @Benchmark
    public ALSModel sparkFit(Spark spark, Quality quality) {
        ALSModel model = spark.spark.fit();
        quality.pending = () -> spark.spark.rmse(model);
        return model;
    }
}
