package ai.bigdata.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Cuts {@link Interactions} into train and test. Every splitter returns disjoint parts that together are
 * exactly the input rows, each part in the input's row order. The seeded ones use {@link java.util.Random},
 * whose sequence the Java specification fixes, so a seed gives the same split on every JVM.
 */
public final class InteractionSplitter {
    private InteractionSplitter() {
    }

    /**
     * A random split over all rows: a seeded Fisher-Yates shuffle of the row numbers, the first
     * {@code round(size * testFraction)} go to test.
     */
    public static InteractionSplit random(Interactions data, double testFraction, long seed) {
        checkFraction(testFraction);
        int n = data.size();
        int[] order = shuffled(n, new Random(seed));
        int testRows = (int) Math.round(n * testFraction);
        boolean[] test = new boolean[n];
        for (int k = 0; k < testRows; k++) {
            test[order[k]] = true;
        }
        return cut(data, test);
    }

    /**
     * The random split of scikit-learn's {@code train_test_split(rows, test_size=testFraction, random_state=seed,
     * shuffle=True)}: NumPy's {@code RandomState(seed).permutation(size)}, the first {@code ceil(size * testFraction)}
     * rows of it to test. Given the rows in file order, it cuts exactly the rows a Python baseline cut, so results
     * can be compared on identical test rows.
     */
    public static InteractionSplit scikitLearn(Interactions data, double testFraction, long seed) {
        checkFraction(testFraction);
        int n = data.size();
        int[] order = NumpyPermutation.permutation(seed, n);
        int testRows = (int) Math.ceil(n * testFraction);
        boolean[] test = new boolean[n];
        for (int k = 0; k < testRows; k++) {
            test[order[k]] = true;
        }
        return cut(data, test);
    }

    /**
     * A random holdout inside each user: of a user's {@code m} rows, {@code min(m - 1, round(m * testFraction))}
     * go to test (so every user keeps at least one training row), chosen by a seeded shuffle of that user's
     * rows; users are visited in ascending id order with one {@code Random(seed)}.
     */
    public static InteractionSplit perUser(Interactions data, double testFraction, long seed) {
        checkFraction(testFraction);
        Random rnd = new Random(seed);
        boolean[] test = new boolean[data.size()];
        for (int[] rows : rowsByUser(data).values()) {
            int m = rows.length;
            int take = (int) Math.min(m - 1, Math.round(m * testFraction));
            int[] order = shuffled(m, rnd);
            for (int k = 0; k < take; k++) {
                test[rows[order[k]]] = true;
            }
        }
        return cut(data, test);
    }

    /** A global temporal cut: rows with timestamp strictly before {@code cutoff} train, the others test. */
    public static InteractionSplit temporal(Interactions data, long cutoff) {
        boolean[] test = new boolean[data.size()];
        for (int r = 0; r < data.size(); r++) {
            test[r] = data.time(r) >= cutoff;
        }
        return cut(data, test);
    }

    /**
     * Leave the last {@code n} per user: each user's {@code n} latest rows (by timestamp, a later row first among
     * equal timestamps) go to test; a user with {@code n} rows or fewer keeps them all in train.
     */
    public static InteractionSplit leaveLastN(Interactions data, int n) {
        Arguments.atLeastOne("n", n);
        boolean[] test = new boolean[data.size()];
        for (int[] rows : rowsByUser(data).values()) {
            if (rows.length <= n) {
                continue;
            }
            Integer[] sorted = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, (a, b) -> data.time(a) != data.time(b) ? Long.compare(data.time(b), data.time(a))
                    : Integer.compare(b, a));
            for (int k = 0; k < n; k++) {
                test[sorted[k]] = true;
            }
        }
        return cut(data, test);
    }

    private static void checkFraction(double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + f);
        }
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Each user's rows in input order, users in ascending id order. */
    private static Map<Long, int[]> rowsByUser(Interactions data) {
        Map<Long, List<Integer>> lists = new TreeMap<>();
        for (int r = 0; r < data.size(); r++) {
            lists.computeIfAbsent(data.user(r), u -> new ArrayList<>()).add(r);
        }
        Map<Long, int[]> out = new LinkedHashMap<>();
        lists.forEach((u, l) -> out.put(u, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static InteractionSplit cut(Interactions data, boolean[] test) {
        int t = 0;
        for (boolean b : test) {
            t += b ? 1 : 0;
        }
        int[] trainRows = new int[test.length - t];
        int[] testRows = new int[t];
        int a = 0;
        int b = 0;
        for (int r = 0; r < test.length; r++) {
            if (test[r]) {
                testRows[b++] = r;
            } else {
                trainRows[a++] = r;
            }
        }
        return new InteractionSplit(data.rows(trainRows), data.rows(testRows));
    }
}
