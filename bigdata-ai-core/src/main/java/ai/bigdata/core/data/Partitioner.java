package ai.bigdata.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Splits one dataset into disjoint parts that together hold every row once, as a federated simulation
 * needs (one part per client): IID (the same share of every label everywhere), label skew (each label's
 * rows spread over the parts by proportions drawn from a symmetric Dirichlet distribution, so a small
 * concentration gives each part few labels) or quantity skew (part sizes drawn from a Dirichlet
 * distribution). Seeded and reproducible; started by {@link Dataset#partition(int)}.
 */
public final class Partitioner {
    private final Dataset data;
    private final int[] partOfRow;
    private final int parts;

    private Partitioner(Dataset data, int[] partOfRow, int parts) {
        this.data = data;
        this.partOfRow = partOfRow;
        this.parts = parts;
    }

    static Builder builder(Dataset data, int parts) {
        return new Builder(data, parts);
    }

    /** Number of parts. */
    public int count() {
        return parts;
    }

    /** The part of a global row position. */
    public int partOf(int row) {
        if (row < 0 || row >= partOfRow.length) {
            throw new IllegalArgumentException("row must be in [0, " + partOfRow.length + "), got " + row);
        }
        return partOfRow[row];
    }

    /** Rows in each part. */
    public int[] sizes() {
        int[] n = new int[parts];
        for (int p : partOfRow) {
            n[p]++;
        }
        return n;
    }

    /** Part {@code i} as a dataset (rows in their original order); the caller closes it. */
    public Dataset part(int i) {
        if (i < 0 || i >= parts) {
            throw new IllegalArgumentException("part index must be in [0, " + parts + "), got " + i);
        }
        return data.selectRows(RowAssignment.rowsOf(partOfRow, i, data));
    }

    /** Every part, in order; the caller closes them. */
    public List<Dataset> all() {
        List<Dataset> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            out.add(part(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return parts + " parts of " + Arrays.toString(sizes()) + " rows";
    }

    /** How the rows are spread. */
    private enum Kind {
        IID, LABEL_SKEW, QUANTITY_SKEW
    }

    /** Options of a partition; without a choice it is IID. */
    public static final class Builder {
        private static final int ATTEMPTS = 1000;
        private final Dataset data;
        private final int parts;
        private Kind kind = Kind.IID;
        private String labelColumn;
        private double concentration = Double.NaN;
        private int minRows = 1;
        private long seed = 42;

        Builder(Dataset data, int parts) {
            if (parts < 1) {
                throw new IllegalArgumentException("a partition needs at least 1 part, got " + parts);
            }
            if (data.rowCount() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot partition more than 2^31 rows in one dataset");
            }
            this.data = data;
            this.parts = parts;
        }

        /** Rows shuffled and dealt out in equal shares (sizes differ by at most one row). */
        public Builder iid() {
            this.kind = Kind.IID;
            return this;
        }

        /**
         * Each value of {@code column} (usually the label) has its rows spread over the parts by
         * proportions drawn from Dirichlet(concentration, ..., concentration): 0.1 gives most parts one or
         * two labels, 100 is close to IID.
         */
        public Builder labelSkew(String column, double concentration) {
            data.schema().indexOf(column);
            this.kind = Kind.LABEL_SKEW;
            this.labelColumn = column;
            this.concentration = positive("concentration", concentration);
            return this;
        }

        /** Part sizes drawn from Dirichlet(concentration, ...); rows are shuffled, so labels stay mixed. */
        public Builder quantitySkew(double concentration) {
            this.kind = Kind.QUANTITY_SKEW;
            this.labelColumn = null;
            this.concentration = positive("concentration", concentration);
            return this;
        }

        /**
         * The fewest rows a part may get (default 1): skewed draws are repeated, up to 1000 times, until
         * every part has at least this many.
         */
        public Builder minRows(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("minRows must be >= 0, got " + n);
            }
            this.minRows = n;
            return this;
        }

        /** The seed of the shuffle and the Dirichlet draws (default 42). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Assigns every row to a part.
         *
         * @throws IllegalArgumentException when there are fewer rows than {@code parts * minRows}, or no
         *     draw in 1000 gives every part {@code minRows} rows (say which, with the concentration)
         */
        public Partitioner build() {
            int n = (int) data.rowCount();
            if ((long) parts * minRows > n) {
                throw new IllegalArgumentException(parts + " parts of at least " + minRows + " rows need " + (long) parts * minRows
                        + " rows; the dataset has " + n);
            }
            Random rnd = new Random(seed);
            Well19937c gammaSource = new Well19937c(seed);
            return switch (kind) {
                case IID -> new Partitioner(data, bySizes(RowAssignment.permutation(n, rnd), equalSizes(n)), parts);
                case QUANTITY_SKEW -> new Partitioner(data, quantitySkew(n, rnd, gammaSource), parts);
                case LABEL_SKEW -> new Partitioner(data, labelSkew(RowKeys.of(data, labelColumn, "partition"), rnd, gammaSource),
                        parts);
            };
        }

        private int[] equalSizes(int n) {
            double[] f = new double[parts];
            Arrays.fill(f, 1.0 / parts);
            return RowAssignment.sizes(n, f);
        }

        private int[] quantitySkew(int n, Random rnd, Well19937c gammaSource) {
            int[] perm = RowAssignment.permutation(n, rnd);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int[] sizes = RowAssignment.sizes(n, dirichlet(gammaSource));
                if (Arrays.stream(sizes).min().orElse(0) >= minRows) {
                    return bySizes(perm, sizes);
                }
            }
            throw noDraw("quantity skew");
        }

        private int[] labelSkew(RowKeys keys, Random rnd, Well19937c gammaSource) {
            int[][] members = RowAssignment.members(keys.ids, keys.groups);
            for (int[] m : members) {
                RowAssignment.shuffle(m, rnd);
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int[] part = new int[keys.ids.length];
                int[] size = new int[parts];
                for (int[] m : members) {
                    int[] share = RowAssignment.sizes(m.length, dirichlet(gammaSource));
                    int at = 0;
                    for (int p = 0; p < parts; p++) {
                        for (int i = 0; i < share[p]; i++) {
                            part[m[at++]] = p;
                        }
                        size[p] += share[p];
                    }
                }
                if (Arrays.stream(size).min().orElse(0) >= minRows) {
                    return part;
                }
            }
            throw noDraw("label skew by '" + labelColumn + "'");
        }

        private IllegalArgumentException noDraw(String what) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "no %s draw with concentration %.4g in %d attempts gave all %d parts at least %d rows; raise the"
                            + " concentration or lower minRows", what, concentration, ATTEMPTS, parts, minRows));
        }

        /** A Dirichlet(concentration, ...) draw of {@code parts} proportions, from normalised Gamma variates. */
        private double[] dirichlet(Well19937c source) {
            GammaDistribution gamma = new GammaDistribution(source, concentration, 1.0);
            double[] g = new double[parts];
            double sum = 0;
            for (int p = 0; p < parts; p++) {
                g[p] = gamma.sample();
                sum += g[p];
            }
            if (!(sum > 0)) {
                // every variate underflowed (tiny concentration): one part takes it all, chosen by the same source
                Arrays.fill(g, 0);
                g[source.nextInt(parts)] = 1;
                return g;
            }
            for (int p = 0; p < parts; p++) {
                g[p] /= sum;
            }
            return g;
        }

        private int[] bySizes(int[] perm, int[] sizes) {
            int[] part = new int[perm.length];
            int at = 0;
            for (int p = 0; p < sizes.length; p++) {
                for (int i = 0; i < sizes[p]; i++) {
                    part[perm[at++]] = p;
                }
            }
            return part;
        }

        private static double positive(String name, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
            }
            return v;
        }
    }
}
