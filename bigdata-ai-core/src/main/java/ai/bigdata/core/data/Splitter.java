package ai.bigdata.core.data;

import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Splits a dataset into train, validation and test parts: by fractions (plain, stratified by a column
 * or grouped so that all rows of a key land on one side) or by time. Seeded and reproducible; the
 * parts are disjoint and together hold every row, in their original order.
 */
public final class Splitter {
    private Splitter() {
    }

    static Builder builder(Dataset data) {
        return new Builder(data);
    }

    /** Options of a split. */
    public static final class Builder {
        private final Dataset data;
        private double train = Double.NaN;
        private double validation = 0;
        private double test = Double.NaN;
        private String stratify;
        private String group;
        private String timeColumn;
        private double trainBefore;
        private double validationBefore;
        private long seed = 42;

        Builder(Dataset data) {
            this.data = data;
        }

        private static double fraction(String name, double f) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(name + " fraction must be in [0, 1], got " + f);
            }
            return f;
        }

        /** Fraction of rows for training. */
        public Builder train(double f) {
            this.train = fraction("train", f);
            return this;
        }

        /** Fraction of rows for validation (default 0). */
        public Builder validation(double f) {
            this.validation = fraction("validation", f);
            return this;
        }

        /** Fraction of rows for testing (default: whatever train and validation leave). */
        public Builder test(double f) {
            this.test = fraction("test", f);
            return this;
        }

        /**
         * Keeps each value's share of this column equal in every part: each value's count in a part is
         * within one row of its exact share, and the part sizes are those of a plain split.
         */
        public Builder stratifyBy(String column) {
            data.schema().indexOf(column);
            this.stratify = column;
            return this;
        }

        /** Keeps all rows with the same value of this column (a user, a session) in one part. */
        public Builder groupBy(String column) {
            data.schema().indexOf(column);
            this.group = column;
            return this;
        }

        /** Rows before {@code trainBefore} train, the rest test (timestamp column). */
        public Builder byTime(String column, Instant trainBefore) {
            return byTime(column, trainBefore, trainBefore);
        }

        /** Rows before {@code trainBefore} train, then until {@code validationBefore} validate, the rest test. */
        public Builder byTime(String column, Instant trainBefore, Instant validationBefore) {
            return timeSplit(column, trainBefore.toEpochMilli(), validationBefore.toEpochMilli(), ColumnType.TIMESTAMP);
        }

        /** As {@link #byTime(String, Instant)} for a numeric time column (for example epoch seconds). */
        public Builder byTime(String column, double trainBefore) {
            return byTime(column, trainBefore, trainBefore);
        }

        /** As {@link #byTime(String, Instant, Instant)} for a numeric time column. */
        public Builder byTime(String column, double trainBefore, double validationBefore) {
            return timeSplit(column, trainBefore, validationBefore, null);
        }

        private Builder timeSplit(String column, double a, double b, ColumnType needed) {
            Column c = data.schema().column(column);
            boolean ok = needed == null ? c.type().isNumeric() : c.type() == needed;
            if (!ok) {
                throw new IllegalArgumentException("time column '" + column + "' is " + c.type() + "; this cut-off needs a "
                        + (needed == null ? "numeric" : needed.name()) + " column");
            }
            if (b < a) {
                throw new IllegalArgumentException("validation cut-off must not be before the train cut-off");
            }
            this.timeColumn = column;
            this.trainBefore = a;
            this.validationBefore = b;
            return this;
        }

        /** The seed (default 42). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Performs the split. */
        public Split build() {
            int[] part;
            if (timeColumn != null) {
                if (!Double.isNaN(train) || !Double.isNaN(test) || validation != 0 || stratify != null || group != null) {
                    throw new IllegalArgumentException("a time split takes cut-offs, not fractions, strata or groups");
                }
                part = byTimeParts();
            } else {
                double[] f = fractions();
                if (stratify != null && group != null) {
                    throw new IllegalArgumentException("stratifyBy and groupBy cannot be combined in one split");
                }
                int n = rows();
                Random rnd = new Random(seed);
                if (stratify != null) {
                    part = stratified(RowKeys.of(data, stratify, "stratify"), f, rnd);
                } else if (group != null) {
                    part = grouped(RowKeys.of(data, group, "group"), f, rnd);
                } else {
                    part = plain(n, f, rnd);
                }
            }
            Dataset tr = data.selectRows(RowAssignment.rowsOf(part, 0, data));
            Dataset va = data.selectRows(RowAssignment.rowsOf(part, 1, data));
            Dataset te = data.selectRows(RowAssignment.rowsOf(part, 2, data));
            return new Split(tr, va, te);
        }

        private int rows() {
            long n = data.rowCount();
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot split more than 2^31 rows in one dataset");
            }
            return (int) n;
        }

        private double[] fractions() {
            double tr = Double.isNaN(train) ? Double.NaN : train;
            double te = test;
            if (Double.isNaN(tr)) {
                throw new IllegalArgumentException("a split needs train(fraction) or byTime(...)");
            }
            if (Double.isNaN(te)) {
                te = Math.max(0, 1 - tr - validation);
            }
            double sum = tr + validation + te;
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "train + validation + test must be 1 so that the parts cover every row, got %.6g + %.6g + %.6g = %.6g",
                        tr, validation, te, sum));
            }
            return new double[] {tr, validation, te};
        }

        private static int[] plain(int n, double[] f, Random rnd) {
            int[] perm = RowAssignment.permutation(n, rnd);
            int[] sizes = RowAssignment.sizes(n, f);
            int[] part = new int[n];
            int at = 0;
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < sizes[p]; i++) {
                    part[perm[at++]] = p;
                }
            }
            return part;
        }

        private static int[] stratified(RowKeys keys, double[] f, Random rnd) {
            int[] part = new int[keys.ids.length];
            int[][] strata = RowAssignment.members(keys.ids, keys.groups);
            int[] counts = new int[strata.length];
            for (int s = 0; s < strata.length; s++) {
                counts[s] = strata[s].length;
            }
            int[][] allocation = StratifiedAllocation.allocate(counts, f, rnd);
            for (int s = 0; s < strata.length; s++) {
                int[] members = strata[s];
                RowAssignment.shuffle(members, rnd);
                int[] sizes = allocation[s];
                int at = 0;
                for (int p = 0; p < 3; p++) {
                    for (int i = 0; i < sizes[p]; i++) {
                        part[members[at++]] = p;
                    }
                }
            }
            return part;
        }

        private static int[] grouped(RowKeys keys, double[] f, Random rnd) {
            int[][] members = RowAssignment.members(keys.ids, keys.groups);
            int[] order = RowAssignment.permutation(keys.groups, rnd);
            int n = keys.ids.length;
            int[] part = new int[n];
            long done = 0;
            double[] cumulative = {f[0], f[0] + f[1], 1.0};
            for (int g : order) {
                // the part whose share of rows the group's middle falls into
                double mid = (done + members[g].length / 2.0) / n;
                int p = mid < cumulative[0] ? 0 : mid < cumulative[1] ? 1 : 2;
                if (f[p] == 0) {
                    p = f[0] > 0 ? 0 : f[2] > 0 ? 2 : 1;
                }
                for (int r : members[g]) {
                    part[r] = p;
                }
                done += members[g].length;
            }
            return part;
        }

        private int[] byTimeParts() {
            int n = rows();
            int[] part = new int[n];
            ChunkSource src = data.source();
            int c = src.schema().indexOf(timeColumn);
            Column col = src.schema().column(c);
            int at = 0;
            try (ChunkReader r = src.open()) {
                for (int k = 0; k < src.chunkCount(); k++) {
                    Chunk chunk = r.chunk(k);
                    for (int i = 0; i < chunk.rowCount(); i++, at++) {
                        if (chunk.vector(c).isNull(i)) {
                            throw new IllegalArgumentException("time column '" + timeColumn + "' is null in row " + at
                                    + "; a time split needs a time on every row");
                        }
                        double t = Cells.asDouble(col, chunk.vector(c), i);
                        part[at] = t < trainBefore ? 0 : t < validationBefore ? 1 : 2;
                    }
                }
            }
            return part;
        }
    }
}
