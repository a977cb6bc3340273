package ai.bigdata.core.data;

import java.util.Random;

/**
 * K-fold cross-validation: every row is in the validation part of exactly one fold. Folds can be
 * stratified by a column or grouped by a key. Seeded and reproducible.
 */
public final class Folds {
    private final Dataset data;
    private final int[] foldOfRow;
    private final int k;

    private Folds(Dataset data, int[] foldOfRow, int k) {
        this.data = data;
        this.foldOfRow = foldOfRow;
        this.k = k;
    }

    static Builder builder(Dataset data, int k) {
        return new Builder(data, k);
    }

    /** Number of folds. */
    public int count() {
        return k;
    }

    /** The fold of a global row position. */
    public int foldOf(int row) {
        return foldOfRow[row];
    }

    /**
     * Fold {@code i}: its rows form the validation part, all others the train part; the test part is
     * empty. The caller closes the returned split.
     */
    public Split fold(int i) {
        if (i < 0 || i >= k) {
            throw new IllegalArgumentException("fold index must be in [0, " + k + "), got " + i);
        }
        int[] part = new int[foldOfRow.length];
        for (int r = 0; r < part.length; r++) {
            part[r] = foldOfRow[r] == i ? 1 : 0;
        }
        return new Split(data.selectRows(RowAssignment.rowsOf(part, 0, data)),
                data.selectRows(RowAssignment.rowsOf(part, 1, data)),
                data.selectRows(RowAssignment.rowsOf(part, 2, data)));
    }

    /** Options of k-fold cross-validation. */
    public static final class Builder {
        private final Dataset data;
        private final int k;
        private String stratify;
        private String group;
        private long seed = 42;

        Builder(Dataset data, int k) {
            if (k < 2) {
                throw new IllegalArgumentException("k-fold needs k >= 2, got " + k);
            }
            if (data.rowCount() < k) {
                throw new IllegalArgumentException("k-fold with k=" + k + " needs at least " + k + " rows, the dataset has "
                        + data.rowCount());
            }
            this.data = data;
            this.k = k;
        }

        /** Keeps each value's share of this column about equal in every fold. */
        public Builder stratifyBy(String column) {
            data.schema().indexOf(column);
            this.stratify = column;
            return this;
        }

        /** Keeps all rows of a key in one fold. */
        public Builder groupBy(String column) {
            data.schema().indexOf(column);
            this.group = column;
            return this;
        }

        /** The seed (default 42). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Assigns every row to a fold. */
        public Folds build() {
            if (stratify != null && group != null) {
                throw new IllegalArgumentException("stratifyBy and groupBy cannot be combined in one k-fold");
            }
            Random rnd = new Random(seed);
            int n = (int) data.rowCount();
            int[] fold = new int[n];
            if (stratify != null) {
                RowKeys keys = RowKeys.of(data, stratify, "stratify");
                int next = 0;
                for (int[] members : RowAssignment.members(keys.ids, keys.groups)) {
                    RowAssignment.shuffle(members, rnd);
                    for (int r : members) {
                        fold[r] = next;
                        next = (next + 1) % k;
                    }
                }
            } else if (group != null) {
                RowKeys keys = RowKeys.of(data, group, "group");
                if (keys.groups < k) {
                    throw new IllegalArgumentException("grouped k-fold with k=" + k + " needs at least " + k
                            + " groups in '" + group + "', found " + keys.groups);
                }
                int[][] members = RowAssignment.members(keys.ids, keys.groups);
                long[] size = new long[k];
                for (int g : RowAssignment.permutation(keys.groups, rnd)) {
                    int best = 0;
                    for (int f = 1; f < k; f++) {
                        if (size[f] < size[best]) {
                            best = f;
                        }
                    }
                    for (int r : members[g]) {
                        fold[r] = best;
                    }
                    size[best] += members[g].length;
                }
            } else {
                int[] perm = RowAssignment.permutation(n, rnd);
                for (int i = 0; i < n; i++) {
                    fold[perm[i]] = i % k;
                }
            }
            return new Folds(data, fold, k);
        }
    }
}
