package ai.bigdata.core.eval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The running state of an evaluation of one part of the data ({@link Evaluator#partial}): counters, and
 * for classification with curves the scores of the part's rows. Parts of the same evaluation, computed
 * anywhere (on Spark executors, say), {@link #merge} into one part whose {@link #report()} is the report of
 * all their rows: the same confusion matrix, counts and curves as one evaluation over all rows; sums of
 * floating-point values (log loss, errors) add in another order, so they agree to rounding. A part travels
 * as bytes ({@link #toBytes()}, {@link #fromBytes(byte[])}: versioned, checksummed and checked on reading).
 * Not thread-safe.
 */
public final class EvaluationPart {
    private static final byte[] MAGIC = "BDAIEVAL".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final byte CLASSIFICATION = 1;
    private static final byte REGRESSION = 2;

    private final ClassificationTally classification;
    private final RegressionTally regression;

    EvaluationPart(ClassificationTally classification) {
        this.classification = classification;
        this.regression = null;
    }

    EvaluationPart(RegressionTally regression) {
        this.classification = null;
        this.regression = regression;
    }

    /** Rows in this part. */
    public long rows() {
        return classification != null ? classification.rows : regression.rows;
    }

    /**
     * One part holding the rows of all {@code parts} (which stay as they were).
     *
     * @throws IllegalArgumentException when there are no parts, or they are not parts of one kind of
     *     evaluation (classification over the same classes, with or without curves alike; regression with
     *     as many outputs)
     */
    public static EvaluationPart merge(List<EvaluationPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts to merge");
        }
        EvaluationPart first = parts.get(0);
        long rows = 0;
        for (EvaluationPart p : parts) {
            if ((p.classification == null) != (first.classification == null)) {
                throw new IllegalArgumentException("cannot merge a classification part with a regression part");
            }
            rows += p.rows();
        }
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " rows in one evaluation");
        }
        if (first.classification != null) {
            ClassificationTally c = first.classification;
            boolean floats = c.scores == null || c.scores[c.scores.length - 1].floats();
            ClassificationTally merged = new ClassificationTally(c.classes, c.scores != null, floats, (int) rows);
            parts.forEach(p -> merged.absorb(p.classification));
            return new EvaluationPart(merged);
        }
        RegressionTally merged = new RegressionTally(first.regression.outputs);
        parts.forEach(p -> merged.absorb(p.regression));
        return new EvaluationPart(merged);
    }

    /**
     * The report of this part's rows: a {@link ClassificationReport} or a {@link RegressionReport}.
     *
     * @throws IllegalArgumentException when the part has no rows
     */
    public Report report() {
        return classification != null ? new ClassificationReport(classification) : new RegressionReport(regression);
    }

    /** The part as bytes, for {@link #fromBytes(byte[])}. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            if (classification != null) {
                out.writeByte(CLASSIFICATION);
                writeClassification(out, classification);
            } else {
                out.writeByte(REGRESSION);
                writeRegression(out, regression);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeClassification(DataOutputStream out, ClassificationTally t) throws IOException {
        int k = t.classes.size();
        out.writeInt(k);
        for (String c : t.classes) {
            out.writeUTF(c);
        }
        out.writeInt(t.rows);
        for (long[] row : t.confusion) {
            for (long v : row) {
                out.writeLong(v);
            }
        }
        for (long v : t.rankCounts) {
            out.writeLong(v);
        }
        out.writeDouble(t.logLossSum());
        out.writeBoolean(t.scores != null);
        if (t.scores == null) {
            return;
        }
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            ClassScores s = t.scores[c];
            out.writeBoolean(s.floats());
            out.writeInt(s.positives());
            out.writeInt(s.negatives());
            for (int i = 0; i < s.positives(); i++) {
                writeScore(out, s.floats(), s.positive(i));
            }
            for (int i = 0; i < s.negatives(); i++) {
                writeScore(out, s.floats(), s.negative(i));
            }
        }
    }

    private static void writeScore(DataOutputStream out, boolean floats, double v) throws IOException {
        if (floats) {
            out.writeFloat((float) v);
        } else {
            out.writeDouble(v);
        }
    }

    private static void writeRegression(DataOutputStream out, RegressionTally t) throws IOException {
        out.writeInt(t.outputs);
        out.writeInt(t.rows);
        for (double[] a : List.of(t.squared, t.absolute, t.relative, t.mean, t.m2)) {
            for (double v : a) {
                out.writeDouble(v);
            }
        }
        out.writeLong(t.sampleStride);
        out.writeInt(t.sampled);
        for (int i = 0; i < t.sampled; i++) {
            out.writeDouble(t.sampleTruth[i]);
            out.writeDouble(t.samplePredicted[i]);
        }
    }

    /**
     * The part that {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such a part, or are truncated, altered (the
     *     checksum), of another version, or inconsistent (counts that do not add up), saying what was found
     */
    public static EvaluationPart fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 + 1 + 8) {
            throw new IllegalArgumentException("not an evaluation part: " + bytes.length + " bytes is too short");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not an evaluation part: the bytes do not start with " + new String(MAGIC, StandardCharsets.US_ASCII));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = 0;
        for (int i = bytes.length - 8; i < bytes.length; i++) {
            stored = stored << 8 | (bytes[i] & 0xFF);
        }
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException("evaluation part damaged: its checksum does not match its " + bytes.length + " bytes");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - 8 - MAGIC.length))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("evaluation part of version " + version + "; this library reads version " + VERSION);
            }
            byte kind = in.readByte();
            EvaluationPart part = switch (kind) {
                case CLASSIFICATION -> new EvaluationPart(readClassification(in));
                case REGRESSION -> new EvaluationPart(readRegression(in));
                default -> throw new IllegalArgumentException("evaluation part of unknown kind " + kind);
            };
            if (in.available() != 0) {
                throw new IllegalArgumentException("evaluation part has " + in.available() + " bytes after its end");
            }
            return part;
        } catch (EOFException e) {
            throw new IllegalArgumentException("evaluation part truncated: it ends inside its data", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static ClassificationTally readClassification(DataInputStream in) throws IOException {
        int k = in.readInt();
        // every class costs at least its name's length prefix and k + 1 counters
        requireCount(in, k, 2, 2 + 8L * (k + 1), "classes");
        List<String> classes = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            classes.add(in.readUTF());
        }
        int rows = in.readInt();
        if (rows < 0) {
            throw new IllegalArgumentException("evaluation part with " + rows + " rows");
        }
        long[][] confusion = new long[k][k];
        long total = 0;
        for (long[] row : confusion) {
            for (int p = 0; p < k; p++) {
                row[p] = nonNegative(in.readLong(), "confusion count");
                total += row[p];
            }
        }
        long[] rank = new long[k];
        long rankTotal = 0;
        for (int a = 0; a < k; a++) {
            rank[a] = nonNegative(in.readLong(), "rank count");
            rankTotal += rank[a];
        }
        if (total != rows || rankTotal != rows) {
            throw new IllegalArgumentException("evaluation part inconsistent: " + rows + " rows, but the confusion matrix counts " + total
                    + " and the rank counts " + rankTotal);
        }
        double logLoss = in.readDouble();
        if (!Double.isFinite(logLoss) || logLoss < 0) {
            throw new IllegalArgumentException("evaluation part with a log-loss sum of " + logLoss);
        }
        boolean curves = in.readBoolean();
        ClassificationTally t = new ClassificationTally(classes, curves, true, 16); // the stores are replaced below
        if (curves) {
            for (int c = k == 2 ? 1 : 0; c < k; c++) {
                boolean floats = in.readBoolean();
                int positives = in.readInt();
                int negatives = in.readInt();
                if (positives < 0 || negatives < 0 || (long) positives + negatives != rows) {
                    throw new IllegalArgumentException("evaluation part inconsistent: class " + c + " has " + positives + " + " + negatives
                            + " scores for " + rows + " rows");
                }
                requireCount(in, rows, 0, floats ? 4 : 8, "scores");
                ClassScores s = floats ? ClassScores.floats(rows) : ClassScores.doubles(rows);
                for (int i = 0; i < rows; i++) {
                    double v = floats ? in.readFloat() : in.readDouble();
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("evaluation part has a score of " + v);
                    }
                    s.add(i < positives, v);
                }
                t.scores[c] = s;
            }
        }
        for (int r = 0; r < k; r++) {
            t.confusion[r] = confusion[r];
        }
        System.arraycopy(rank, 0, t.rankCounts, 0, k);
        t.rows = rows;
        t.restoreLogLoss(logLoss);
        return t;
    }

    private static RegressionTally readRegression(DataInputStream in) throws IOException {
        int outputs = in.readInt();
        requireCount(in, outputs, 1, 5 * 8, "outputs");
        RegressionTally t = new RegressionTally(outputs);
        int rows = in.readInt();
        if (rows < 0) {
            throw new IllegalArgumentException("evaluation part with " + rows + " rows");
        }
        for (double[] a : List.of(t.squared, t.absolute, t.relative, t.mean, t.m2)) {
            for (int j = 0; j < outputs; j++) {
                a[j] = in.readDouble();
                if (!Double.isFinite(a[j])) {
                    throw new IllegalArgumentException("evaluation part has a regression sum of " + a[j]);
                }
            }
        }
        long stride = in.readLong();
        int sampled = in.readInt();
        if (stride < 1 || sampled < 0 || sampled > RegressionTally.SAMPLE || sampled > rows) {
            throw new IllegalArgumentException("evaluation part with a chart sample of " + sampled + " pairs every " + stride + " rows");
        }
        for (int i = 0; i < sampled; i++) {
            t.sampleTruth[i] = in.readDouble();
            t.samplePredicted[i] = in.readDouble();
        }
        t.rows = rows;
        t.sampled = sampled;
        t.sampleStride = stride;
        return t;
    }

    /** Checks a count read from the bytes against its bounds and the bytes left, before anything is allocated for it. */
    private static void requireCount(DataInputStream in, long count, long min, long bytesEach, String what) throws IOException {
        if (count < min || count * bytesEach > in.available()) {
            throw new IllegalArgumentException("evaluation part damaged: " + count + " " + what + " cannot be in the " + in.available()
                    + " bytes left");
        }
    }

    private static long nonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException("evaluation part with a " + what + " of " + v);
        }
        return v;
    }
}
