package ai.bigdata.core.prep;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Statistics of one numeric column, computed in one streaming pass and mergeable (so partitions or
 * chunks can be summarised apart and combined): count, missing, mean and variance (Welford's update,
 * Chan's merge), min, max. When asked to, it also keeps the values for exact quantiles (sorted once;
 * 8 bytes per row), which median imputation and robust scaling need, or feeds a KLL quantile sketch
 * (Apache DataSketches; fixed memory whatever the row count, mergeable, approximate) for data larger
 * than the heap.
 */
public final class NumericStatistics {
    private long count;
    private long missing;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final boolean keepValues;
    private double[] values;
    private int size;
    private boolean sorted;
    private final KllDoublesSketch sketch;

    /** Empty statistics; {@code keepValues} enables exact quantiles. */
    public NumericStatistics(boolean keepValues) {
        this(keepValues, null);
    }

    private NumericStatistics(boolean keepValues, KllDoublesSketch sketch) {
        this.keepValues = keepValues;
        this.values = keepValues ? new double[1024] : null;
        this.sketch = sketch;
    }

    /**
     * Empty statistics whose quantiles come from a KLL sketch with parameter {@code k} (8 to 65535;
     * normalised rank error about 1.65 % at 200, see DataSketches' {@code KllSketch.getNormalizedRankError}).
     */
    public static NumericStatistics sketched(int k) {
        return new NumericStatistics(false, KllDoublesSketch.newHeapInstance(QuantileSketch.checkK(k)));
    }

    /** Adds one present value. */
    public void add(double x) {
        count++;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        if (sketch != null) {
            sketch.update(x);
        }
        if (keepValues) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = x;
            sorted = false;
        }
    }

    /**
     * Adds {@code n} present values at once: a two-pass mean and squared deviation for the block, merged
     * with Chan's formula (as stable as Welford's update, and a tight loop).
     */
    public void addAll(double[] x, int n) {
        if (n == 0) {
            return;
        }
        // four partial sums and two min/max pairs: independent chains the processor runs side by side
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double lo0 = x[0];
        double lo1 = x[0];
        double hi0 = x[0];
        double hi1 = x[0];
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a = x[i];
            double b = x[i + 1];
            double c = x[i + 2];
            double d = x[i + 3];
            s0 += a;
            s1 += b;
            s2 += c;
            s3 += d;
            lo0 = a < lo0 ? a : lo0;
            hi0 = a > hi0 ? a : hi0;
            lo1 = b < lo1 ? b : lo1;
            hi1 = b > hi1 ? b : hi1;
            lo0 = c < lo0 ? c : lo0;
            hi0 = c > hi0 ? c : hi0;
            lo1 = d < lo1 ? d : lo1;
            hi1 = d > hi1 ? d : hi1;
        }
        for (; i < n; i++) {
            s0 += x[i];
            lo0 = x[i] < lo0 ? x[i] : lo0;
            hi0 = x[i] > hi0 ? x[i] : hi0;
        }
        double lo = Math.min(lo0, lo1);
        double hi = Math.max(hi0, hi1);
        double m = ((s0 + s1) + (s2 + s3)) / n;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        for (i = 0; i + 3 < n; i += 4) {
            double d0 = x[i] - m;
            double d1 = x[i + 1] - m;
            double d2 = x[i + 2] - m;
            double d3 = x[i + 3] - m;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = x[i] - m;
            q0 += d * d;
        }
        long total = count + n;
        double delta = m - mean;
        mean += delta * n / total;
        m2 += (q0 + q1) + (q2 + q3) + delta * delta * ((double) count * n / total);
        count = total;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
        if (sketch != null) {
            sketch.update(x, 0, n);
        }
        if (keepValues) {
            if (size + n > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + n));
            }
            System.arraycopy(x, 0, values, size, n);
            size += n;
            sorted = false;
        }
    }

    /** Counts one missing value. */
    public void addMissing() {
        missing++;
    }

    /** These statistics combined with {@code other}'s, as if one pass had seen both inputs. */
    public NumericStatistics merge(NumericStatistics other) {
        KllDoublesSketch merged = null;
        if (sketch != null && other.sketch != null) {
            merged = KllDoublesSketch.newHeapInstance(Math.min(sketch.getK(), other.sketch.getK()));
            merged.merge(sketch);
            merged.merge(other.sketch);
        }
        NumericStatistics out = new NumericStatistics(keepValues && other.keepValues, merged);
        out.count = count + other.count;
        out.missing = missing + other.missing;
        if (out.count > 0) {
            double d = other.mean - mean;
            out.mean = mean + d * other.count / out.count;
            out.m2 = m2 + other.m2 + d * d * ((double) count * other.count / out.count);
        }
        out.min = Math.min(min, other.min);
        out.max = Math.max(max, other.max);
        if (out.keepValues) {
            out.values = Arrays.copyOf(values, size + other.size);
            System.arraycopy(other.values, 0, out.values, size, other.size);
            out.size = size + other.size;
        }
        return out;
    }

    /**
     * Writes these statistics in a compact byte form that {@link #read} restores exactly (the moments bit
     * for bit, the kept values, the sketch through DataSketches' own serial form), so that statistics of
     * partitions can travel between machines.
     */
    void write(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeLong(missing);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeDouble(min);
        out.writeDouble(max);
        out.writeBoolean(keepValues);
        if (keepValues) {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeDouble(values[i]);
            }
        }
        byte[] sketchBytes = sketch == null ? new byte[0] : sketch.toByteArray();
        out.writeInt(sketch == null ? -1 : sketchBytes.length);
        out.write(sketchBytes);
    }

    /** Statistics written by {@link #write}. */
    static NumericStatistics read(DataInput in) throws IOException {
        long count = in.readLong();
        long missing = in.readLong();
        double mean = in.readDouble();
        double m2 = in.readDouble();
        double min = in.readDouble();
        double max = in.readDouble();
        boolean keepValues = in.readBoolean();
        double[] values = null;
        int size = 0;
        if (keepValues) {
            size = in.readInt();
            values = new double[Math.max(1, size)];
            for (int i = 0; i < size; i++) {
                values[i] = in.readDouble();
            }
        }
        int sketchLength = in.readInt();
        KllDoublesSketch sketch = null;
        if (sketchLength >= 0) {
            byte[] b = new byte[sketchLength];
            in.readFully(b);
            sketch = KllDoublesSketch.heapify(Memory.wrap(b));
        }
        NumericStatistics out = new NumericStatistics(keepValues, sketch);
        out.count = count;
        out.missing = missing;
        out.mean = mean;
        out.m2 = m2;
        out.min = min;
        out.max = max;
        if (keepValues) {
            out.values = values;
            out.size = size;
        }
        return out;
    }

    /** Present values. */
    public long count() {
        return count;
    }

    /** Missing values. */
    public long missing() {
        return missing;
    }

    /** Mean of present values. */
    public double mean() {
        return mean;
    }

    /** Variance with {@code ddof} degrees of freedom removed (0: population, as scikit-learn's scalers). */
    public double variance(int ddof) {
        return m2 / (count - ddof);
    }

    /** Smallest present value. */
    public double min() {
        return min;
    }

    /** Largest present value. */
    public double max() {
        return max;
    }

    /** Largest absolute present value. */
    public double maxAbs() {
        return Math.max(Math.abs(min), Math.abs(max));
    }

    private void sort() {
        if (!keepValues) {
            throw new IllegalStateException("exact quantiles and the most frequent value need statistics made with keepValues = true");
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }

    /**
     * The q-quantile (0..1): exact, with linear interpolation between order statistics (numpy's
     * default); or, for {@link #sketched} statistics, the sketch's estimate (a value seen, whose rank is
     * within the sketch's rank error of q).
     */
    public double quantile(double q) {
        if (sketch != null) {
            return sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
        }
        sort();
        double pos = q * (size - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, size - 1);
        double t = pos - lo;
        double gap = values[hi] - values[lo];
        // the gap between two finite values can overflow (-1e308 and 1e308): interpolate without it
        return Double.isFinite(gap) ? values[lo] + t * gap : (1 - t) * values[lo] + t * values[hi];
    }

    /** The most frequent present value; ties go to the smallest (as scikit-learn's imputer). */
    public double mostFrequent() {
        sort();
        double best = values[0];
        int bestRun = 0;
        for (int i = 0; i < size;) {
            int j = i;
            while (j < size && values[j] == values[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = values[i];
            }
            i = j;
        }
        return best;
    }
}
