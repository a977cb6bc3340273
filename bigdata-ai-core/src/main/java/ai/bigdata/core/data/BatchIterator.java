package ai.bigdata.core.data;

import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.internal.ArrowNd4j;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkChecks;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.ColumnPacker;
import ai.bigdata.core.internal.MaskPacker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Turns a dataset's chunks into ND4J mini-batches: the one bridge from Arrow to ND4J.
 *
 * <p>Without shuffling, a batch of a single tensor column that lies inside one chunk is a view of the
 * Arrow memory (no copy, O(1) per batch). Every other batch is packed with typed bulk copies into
 * arrays that are allocated once and reused. With shuffling, an in-memory dataset is shuffled over all
 * rows; a streamed one visits its chunks in shuffled order and shuffles rows inside each chunk, so it
 * never holds more than one chunk. Each {@link #reset()} starts a new epoch with a new, seeded order.
 *
 * <p>The iterator asks its reader for a chunk once per visit, however many batches the chunk feeds, and
 * checks its float columns then: a value that float32 cannot hold (NaN, +-Infinity, 1e39) fails with
 * the column and row, as does a null or a category code outside the label's classes.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
    private final ChunkSource source;
    private final ChunkReader reader;
    private final Column[] featureCols;
    private final int[] featureIdx;
    private final int[] featureOffset;
    private final int featureWidth;
    private final long[] featureShape;
    private final Column labelCol;
    private final int labelIdx;
    private final int labelWidth;
    private final int batchSize;
    private final boolean dropLast;
    private final RowOrder order;
    private final long rows;
    private final INDArray featureBuffer;
    /** Scalar-only features are packed column by column ('f' order): each column's slice is one bulk copy. */
    private final boolean columnMajor;
    /** Null counts per chunk and column, -1 until first needed (a vector's null count costs a scan). */
    private final int[][] nullCounts;
    /** The chunk the reader gave last (valid until the reader's next call), and its position; -1 before any. */
    private int heldIndex = -1;
    private Chunk held;
    /** A wrap of the held chunk's tensor memory, or null; dropped whenever the reader moves to another chunk. */
    private org.nd4j.linalg.api.buffer.DataBuffer viewBuffer;
    /** In-memory chunks never change, so their float columns are checked once, not on every visit. */
    private final boolean[] checked;
    private final INDArray labelBuffer;

    private int epoch;
    private long position;
    private boolean closed;

    private BatchIterator(Builder b) {
        Dataset data = b.data;
        this.source = data.source();
        Schema s = source.schema();
        List<String> names = b.features != null ? b.features : defaultFeatures(s);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no feature columns: choose some with features(...); columns are " + s);
        }
        featureCols = new Column[names.size()];
        featureIdx = new int[names.size()];
        featureOffset = new int[names.size()];
        int width = 0;
        for (int i = 0; i < names.size(); i++) {
            featureIdx[i] = s.indexOf(names.get(i));
            featureCols[i] = s.column(featureIdx[i]);
            ColumnType t = featureCols[i].type();
            if (!(t.isNumeric() || t == ColumnType.BOOLEAN || t == ColumnType.TENSOR || t == ColumnType.SPARSE)) {
                throw new IllegalArgumentException("feature column '" + names.get(i) + "' is " + t
                        + "; features must be numeric, boolean, tensor or sparse (encode categoricals and text first)");
            }
            featureOffset[i] = width;
            width = Math.addExact(width, featureCols[i].width());
        }
        featureWidth = width;
        boolean oneTensor = featureCols.length == 1 && featureCols[0].type() == ColumnType.TENSOR && !b.flat;
        featureShape = oneTensor ? Arrays.stream(featureCols[0].shape()).asLongStream().toArray() : new long[] {width};

        String label = b.label != null ? b.label : s.withRole(ColumnRole.LABEL).map(Column::name).orElse(null);
        if (label != null) {
            labelIdx = s.indexOf(label);
            labelCol = s.column(labelIdx);
            if (Arrays.stream(featureIdx).anyMatch(x -> x == labelIdx)) {
                throw new IllegalArgumentException("column '" + label + "' cannot be both a feature and the label");
            }
            ColumnType t = labelCol.type();
            if (labelCol.isMask()) {
                // one-hot per mask element, channels first: [classes, ...maskShape] per row
                labelWidth = Math.multiplyExact(labelCol.categories().size(), labelCol.width());
            } else if (t == ColumnType.CATEGORICAL) {
                labelWidth = labelCol.categories().size();
                if (labelWidth == 0) {
                    throw new IllegalArgumentException("categorical label '" + label + "' has no categories");
                }
            } else if (t.isNumeric() || t == ColumnType.BOOLEAN || t == ColumnType.TENSOR) {
                labelWidth = labelCol.width();
            } else {
                throw new IllegalArgumentException("label column '" + label + "' is " + t + "; a label must be categorical, numeric,"
                        + " boolean or tensor");
            }
        } else {
            labelIdx = -1;
            labelCol = null;
            labelWidth = 0;
        }
        this.batchSize = b.batchSize;
        this.dropLast = b.dropLast;
        order = new RowOrder(source, b.shuffle, b.seed);
        rows = order.rows();
        // everything is validated: from here on the iterator holds the dataset's memory
        source.retain();
        reader = source.open();
        columnMajor = Arrays.stream(featureCols).noneMatch(c -> c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE);
        nullCounts = new int[source.chunkCount()][];
        checked = new boolean[source.chunkCount()];
        featureBuffer = Nd4j.createUninitialized(DataType.FLOAT, shapeOf(batchSize, featureShape), columnMajor ? 'f' : 'c');
        labelBuffer = labelCol == null ? null : Nd4j.createUninitialized(DataType.FLOAT, batchSize, labelWidth);
        epoch = b.startEpoch;
        startEpoch();
    }

    private static List<String> defaultFeatures(Schema s) {
        List<Column> f = s.allWithRole(ColumnRole.FEATURE);
        List<String> bad = f.stream().filter(c -> !(c.type().isNumeric() || c.type() == ColumnType.BOOLEAN
                || c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE)).map(Column::toString).collect(Collectors.toList());
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("feature columns " + bad + " are not numeric; choose features(...) explicitly,"
                    + " or encode them first");
        }
        return f.stream().map(Column::name).collect(Collectors.toList());
    }

    private static long[] shapeOf(long batch, long[] cell) {
        long[] shape = new long[cell.length + 1];
        shape[0] = batch;
        System.arraycopy(cell, 0, shape, 1, cell.length);
        return shape;
    }

    static Builder builder(Dataset data) {
        return new Builder(data);
    }

    /** Width of one feature row (sum of the feature columns' widths). */
    public int featureWidth() {
        return featureWidth;
    }

    /**
     * Width of one label row (number of classes for a categorical label, classes times elements for a
     * class mask, whose rows are one-hot per element, channels first), or 0 without label.
     */
    public int labelWidth() {
        return labelWidth;
    }

    /** The label column, or null. */
    public Column labelColumn() {
        return labelCol;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Batches in one epoch. */
    public long batchesPerEpoch() {
        return dropLast ? rows / batchSize : (rows + batchSize - 1) / batchSize;
    }

    /** The current epoch (0 before the first reset). */
    public int epoch() {
        return epoch;
    }

    private void startEpoch() {
        position = 0;
        order.startEpoch(epoch);
    }

    /** Starts the next epoch (a new order when shuffling). Earlier batches become invalid. */
    public void reset() {
        checkOpen();
        epoch++;
        startEpoch();
    }

    @Override
    public boolean hasNext() {
        checkOpen();
        long left = rows - position;
        return dropLast ? left >= batchSize : left > 0;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " is finished; call reset() for the next one");
        }
        int n = (int) Math.min(batchSize, rows - position);
        if (!order.shuffled() && featureCols.length == 1 && featureCols[0].type() == ColumnType.TENSOR) {
            int k = order.chunkOf(position);
            if (position + n <= order.chunkStart(k + 1)) {
                return viewBatch(k, (int) (position - order.chunkStart(k)), n);
            }
        }
        return packedBatch(n);
    }

    /**
     * Chunk {@code k}, produced by the reader only when it moves to another chunk, so that a chunk is
     * made once per visit however many batches it feeds. A new chunk drops the view wrap of the previous
     * one and has its float columns checked: on every visit for a streamed source (whose chunks are
     * produced anew), once for an in-memory one (whose shuffled batches jump between chunks).
     */
    private Chunk chunk(int k) {
        if (k != heldIndex) {
            heldIndex = -1;
            held = null;
            viewBuffer = null;
            Chunk c = reader.chunk(k);
            if (!checked[k]) {
                for (int f = 0; f < featureCols.length; f++) {
                    ChunkChecks.requireFloat32Finite(featureCols[f], c.vector(featureIdx[f]), c.rowCount(), order.chunkStart(k));
                }
                if (labelCol != null) {
                    ChunkChecks.requireFloat32Finite(labelCol, c.vector(labelIdx), c.rowCount(), order.chunkStart(k));
                }
                checked[k] = source.inMemory();
            }
            held = c;
            heldIndex = k;
        }
        return held;
    }

    private Batch viewBatch(int k, int from, int n) {
        Chunk c = chunk(k);
        FieldVector v = c.vector(featureIdx[0]);
        checkNoNulls(featureCols[0], featureIdx[0], v, k, null, from, n);
        long w = featureWidth;
        if (viewBuffer == null) {
            // one wrap per chunk visit; every batch of the chunk is then an O(1) view with an offset
            FieldVector values = ((FixedSizeListVector) v).getDataVector();
            long floats = (long) c.rowCount() * w;
            if (values.getDataBuffer().capacity() < 4L * floats) {
                throw new IllegalStateException("tensor column '" + featureCols[0].name() + "' holds "
                        + values.getDataBuffer().capacity() + " bytes for " + c.rowCount() + " rows of " + w + " floats");
            }
            viewBuffer = ArrowNd4j.wrapAddress(values.getDataBuffer().memoryAddress(), floats);
        }
        INDArray features = ArrowNd4j.view(viewBuffer, from * w, shapeOf(n, featureShape));
        INDArray labels = null;
        if (labelCol != null) {
            labels = rowsOf(labelBuffer, n);
            if (labelCol.type() == ColumnType.CATEGORICAL || labelCol.isMask()) {
                MemoryUtil.setMemory(ArrowNd4j.address(labels), 4L * n * labelWidth, (byte) 0);
            }
            packLabels(c, k, null, from, n, ArrowNd4j.address(labels), 4L * n * labelWidth);
        }
        position += n;
        return new Batch(features, labels, null, null, true);
    }

    private Batch packedBatch(int n) {
        INDArray features = rowsOf(featureBuffer, n);
        INDArray labels = labelCol == null ? null : rowsOf(labelBuffer, n);
        long fAddr = ArrowNd4j.address(features);
        long lAddr = labels == null ? 0 : ArrowNd4j.address(labels);
        if (labels != null && (labelCol.type() == ColumnType.CATEGORICAL || labelCol.isMask())) {
            MemoryUtil.setMemory(lAddr, 4L * n * labelWidth, (byte) 0);
        }
        int done = 0;
        while (done < n) {
            // one run = consecutive batch rows from the same chunk
            RowOrder.Run run = order.run(position, n - done);
            int k = run.chunk();
            int[] rowsInChunk = run.rowsInChunk();
            int from = run.from();
            int len = run.len();
            Chunk c = chunk(k);
            for (int f = 0; f < featureCols.length; f++) {
                FieldVector v = c.vector(featureIdx[f]);
                checkNoNulls(featureCols[f], featureIdx[f], v, k, rowsInChunk, from, len);
                if (columnMajor) {
                    // column f lives at [f * batchSize, (f + 1) * batchSize) of the reused buffer
                    ColumnPacker.pack(featureCols[f], v, rowsInChunk, from, len, fAddr, 4L * batchSize * featureWidth, 1,
                            featureOffset[f] * batchSize + done);
                } else {
                    ColumnPacker.pack(featureCols[f], v, rowsInChunk, from, len, fAddr + 4L * done * featureWidth,
                            4L * (batchSize - done) * featureWidth, featureWidth, featureOffset[f]);
                }
            }
            if (labels != null) {
                packLabels(c, k, rowsInChunk, from, len, lAddr + 4L * done * labelWidth, 4L * (batchSize - done) * labelWidth);
            }
            done += len;
            position += len;
        }
        return new Batch(features, labels, null, null, false);
    }

    private void packLabels(Chunk c, int k, int[] rowsInChunk, int from, int len, long dst, long dstBytes) {
        FieldVector v = c.vector(labelIdx);
        checkNoNulls(labelCol, labelIdx, v, k, rowsInChunk, from, len);
        if (labelCol.isMask()) {
            MaskPacker.oneHot(labelCol, v, rowsInChunk, from, len, dst, dstBytes, order.chunkStart(k));
        } else if (labelCol.type() == ColumnType.CATEGORICAL) {
            ColumnPacker.oneHot(v, rowsInChunk, from, len, dst, dstBytes, labelWidth, order.chunkStart(k));
        } else {
            ColumnPacker.pack(labelCol, v, rowsInChunk, from, len, dst, dstBytes, labelWidth, 0);
            if (labelCol.isBoxes()) {
                checkBoxes(dst, rowsInChunk, from, len, order.chunkStart(k));
            }
        }
    }

    /** Checks packed box rows against the column's classes and, for one image feature, the image's size. */
    private void checkBoxes(long dst, int[] rowsInChunk, int from, int len, long firstRow) {
        int height = featureShape.length == 3 ? (int) featureShape[1] : 0;
        int width = featureShape.length == 3 ? (int) featureShape[2] : 0;
        float[] row = new float[labelWidth];
        for (int i = 0; i < len; i++) {
            long at = dst + 4L * i * labelWidth;
            for (int j = 0; j < labelWidth; j++) {
                row[j] = Float.intBitsToFloat(MemoryUtil.getInt(at + 4L * j));
            }
            int r = rowsInChunk == null ? from + i : rowsInChunk[from + i];
            ai.bigdata.core.internal.BoxRows.check(labelCol, row, 0, height, width, firstRow + r);
        }
    }

    private void checkNoNulls(Column col, int colIdx, FieldVector v, int k, int[] rowsInChunk, int from, int len) {
        if (nullCounts[k] == null) {
            nullCounts[k] = new int[source.schema().size()];
            Arrays.fill(nullCounts[k], -1);
        }
        if (nullCounts[k][colIdx] < 0) {
            nullCounts[k][colIdx] = v.getNullCount();
        }
        if (nullCounts[k][colIdx] == 0) {
            return;
        }
        for (int i = 0; i < len; i++) {
            int r = rowsInChunk == null ? from + i : rowsInChunk[from + i];
            if (v.isNull(r)) {
                throw new IllegalStateException("column '" + col.name() + "' is null in row " + (order.chunkStart(k) + r)
                        + "; impute or filter missing values before batching");
            }
        }
    }

    private static INDArray rowsOf(INDArray buffer, int n) {
        if (buffer.size(0) == n) {
            return buffer;
        }
        return buffer.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("batch iterator is closed");
        }
    }

    /** Frees the reused arrays and releases the dataset. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        reader.close();
        featureBuffer.close();
        if (labelBuffer != null) {
            labelBuffer.close();
        }
        source.release();
    }

    /** Options of a batch iterator. */
    public static final class Builder {
        private final Dataset data;
        private List<String> features;
        private String label;
        private int batchSize = 32;
        private boolean shuffle;
        private long seed = 42;
        private boolean dropLast;
        private boolean flat;
        private int startEpoch;

        Builder(Dataset data) {
            this.data = data;
        }

        /** The feature columns (default: every column with the feature role). */
        public Builder features(String... columns) {
            this.features = new ArrayList<>(Arrays.asList(columns));
            return this;
        }

        /** The label column (default: the column with the label role, if any). */
        public Builder label(String column) {
            data.schema().indexOf(column);
            this.label = column;
            return this;
        }

        /** Rows per batch (default 32). */
        public Builder batchSize(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("batchSize must be positive, got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Shuffles rows with this seed, a new order every epoch. */
        public Builder shuffle(long s) {
            this.shuffle = true;
            this.seed = s;
            return this;
        }

        /** Leaves out the last batch of an epoch when it is smaller than the batch size. */
        public Builder dropLast(boolean drop) {
            this.dropLast = drop;
            return this;
        }

        /** Gives a single tensor column as {@code [batch, width]} instead of {@code [batch, ...shape]}. */
        public Builder flat(boolean f) {
            this.flat = f;
            return this;
        }

        /**
         * Starts at this epoch number (default 0), so that a resumed training run sees the same shuffled
         * order as an uninterrupted one.
         */
        public Builder startEpoch(int e) {
            if (e < 0) {
                throw new IllegalArgumentException("startEpoch must be >= 0, got " + e);
            }
            this.startEpoch = e;
            return this;
        }

        /** The iterator; close it when done. */
        public BatchIterator build() {
            // here rather than in a static initialiser: a bad engine setting is then an ordinary,
            // recoverable exception instead of an ExceptionInInitializerError for the JVM's life
            Engine.start();
            return new BatchIterator(this);
        }
    }
}
