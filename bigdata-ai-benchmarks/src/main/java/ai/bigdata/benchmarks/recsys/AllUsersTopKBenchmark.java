package ai.bigdata.benchmarks.recsys;

import ai.bigdata.core.engine.Engine;
import ai.bigdata.recsys.ImplicitAls;
import ai.bigdata.recsys.Interactions;
import ai.bigdata.recsys.UnknownPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * Top-10 for every training user of MovieLens latest-small ({@link MovieLensSplit} train part: 671 users
 * and their training items), every item the user rated in train excluded: our implicit ALS model's {@code topKForUsers} (the
 * README's settings: rank 64, 15 iterations, lambda 30, alpha 3, positives rating >= 4) against the plain
 * baseline {@link ProductSortTopK} (an ND4J product of the same model's user and item factors, then a full sort
 * of each row). Same factors, same exclusion, same tie rule, {@code threads} threads on both sides: ours on a
 * pool of that size, the baseline's product on that many native threads ({@link Engine#threads(int)}) and its
 * row sorts on a pool of that size. One call ranks every user; users per second = 671 / time. The set-up
 * checks that both sides list the same items for at least 99% of the users (the product sums in float,
 * ours in double, so near-ties may differ) and prints the agreement. The runner also measures the pair
 * interleaved ({@code PairedComparison}, 1 thread), as the two sides are close on a noisy machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllUsersTopKBenchmark {
    static final int K = 10;
    static final int BATCH = 1024;

    /** Threads on both sides. */
    @Param({"1", "2"})
    public int threads;

    private ImplicitAls model;
    private long[] users;
    private INDArray userFactors;
    private ProductSortTopK baseline;
    private OnThreads pool;

    /** Fits the model, copies its factors into ND4J matrices and each user's training items into index lists. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.threads(threads);
        pool = new OnThreads(threads);
        Interactions train = MovieLensSplit.load().train();
        model = pool.call(() -> ImplicitAls.builder().positiveThreshold(4).fit(train));
        users = train.distinctUsers();
        long[] items = model.catalogue();
        float[][] u = new float[users.length][];
        for (int j = 0; j < users.length; j++) {
            u[j] = model.userVector(users[j]);
        }
        float[][] v = new float[items.length][];
        for (int i = 0; i < items.length; i++) {
            v[i] = model.itemVector(items[i]);
        }
        userFactors = Nd4j.createFromArray(u).castTo(DataType.FLOAT);
        baseline = new ProductSortTopK(Nd4j.createFromArray(v).castTo(DataType.FLOAT), seen(train, users, items), pool);
        int[][] ours = ours();
        int[][] base = productSort();
        int same = 0;
        for (int j = 0; j < users.length; j++) {
            same += Arrays.equals(ours[j], base[j]) ? 1 : 0;
        }
        System.out.printf("top-%d lists equal for %d of %d users%n", K, same, users.length);
        if (same < 0.99 * users.length) {
            throw new IllegalStateException("the baseline disagrees with the model for " + (users.length - same) + " users");
        }
    }

    /** Stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    private static int[][] seen(Interactions train, long[] users, long[] items) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int j = 0; j < users.length; j++) {
            lists.add(new ArrayList<>());
        }
        for (int r = 0; r < train.size(); r++) {
            lists.get(Arrays.binarySearch(users, train.user(r))).add(Arrays.binarySearch(items, train.item(r)));
        }
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }

    /** Every user's top 10 from our model ({@code topKForUsers}, batches of 1,024 users), as item indices. */
    @Benchmark
    public int[][] ours() {
        long[] items = model.catalogue();
        int[][] out = new int[users.length][];
        int[] next = {0};
        pool.call(() -> {
            model.topKForUsers(users, K, BATCH, UnknownPolicy.ERROR, (user, list) -> out[next[0]++] = list.stream()
                    .mapToInt(s -> Arrays.binarySearch(items, s.item())).toArray());
            return null;
        });
        return out;
    }

    /** Every user's top 10 by the ND4J product and per-row sorts, batches of 1,024 users. */
    @Benchmark
    public int[][] productSort() {
        Engine.useOnThisThread(threads); // OpenMP keeps the count per thread: apply it on the measuring thread
        int[][] out = new int[users.length][];
        for (int from = 0; from < users.length; from += BATCH) {
            int to = Math.min(users.length, from + BATCH);
            INDArray batch = userFactors.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            int[][] part = baseline.topK(batch, from, K);
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }
}
