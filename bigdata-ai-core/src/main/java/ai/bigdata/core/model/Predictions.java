package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.FeatureMatrix;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ArrowColumns;
import ai.bigdata.core.internal.FloatRows;
import ai.bigdata.core.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Appends a model's predictions to a dataset, chunk by chunk (the data is never gathered in one place). */
final class Predictions {
    /** Name of the predicted class or value column. */
    static final String PREDICTION = "prediction";
    /** Name of the class probabilities column. */
    static final String PROBABILITIES = "probabilities";
    /** Name of the reconstruction error column. */
    static final String RECONSTRUCTION_ERROR = "reconstruction_error";

    private Predictions() {
    }

    static Dataset append(Model model, Dataset data) {
        ModelSignature sig = model.signature();
        Schema in = data.schema();
        sig.check(in);
        List<Column> added = outputColumns(sig);
        for (Column c : added) {
            if (in.contains(c.name())) {
                throw new SchemaMismatchException(List.of(c.name()), "the data already has a column '" + c.name()
                        + "'; drop or rename it before predicting");
            }
        }
        List<Column> cols = new ArrayList<>(in.columns());
        cols.addAll(added);
        Schema out = new Schema(cols);
        return Datasets.mapChunks(data, out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                vs.add(Vectors.share(chunk.vector(c), alloc));
            }
            int rows = chunk.rowCount();
            if (sig.task() == Task.DETECTION) {
                try (INDArray x = rows == 0 ? null : FeatureMatrix.pack(sig, chunk, firstRow)) {
                    DetectionColumns.write(sig, x == null ? null : model.output(x), rows, alloc, vs);
                }
                return;
            }
            if (rows == 0) {
                writeColumns(sig, 0, null, alloc, vs);
                return;
            }
            FloatRows read = new FloatRows();
            try (INDArray x = FeatureMatrix.pack(sig, chunk, firstRow)) {
                INDArray o = model.output(x);
                if (sig.task() == Task.RECONSTRUCTION) {
                    INDArray flat = x.reshape(rows, sig.featureWidth());
                    try (INDArray err = o.reshape(rows, sig.featureWidth()).sub(flat)) {
                        read.read(err.muli(err).mean(1));
                    }
                } else if (sig.task() == Task.SEGMENTATION) {
                    // the class id of every mask element: argmax over the channel axis
                    int k = sig.classNames().size();
                    read.read(Nd4j.argMax(o.reshape('c', rows, k, sig.outputWidth() / k), 1).castTo(DataType.FLOAT));
                } else {
                    read.read(o);
                }
            }
            if (read.rows() != rows || read.width() != predictionWidth(sig)) {
                throw new IllegalStateException("the model gave " + read.rows() + " x " + read.width() + " outputs for the " + rows
                        + " rows from row " + firstRow + "; its signature promises " + sig.outputWidth() + " per row");
            }
            writeColumns(sig, rows, read, alloc, vs);
        });
    }

    /** Values per row that the prediction columns are read from. */
    private static int predictionWidth(ModelSignature sig) {
        switch (sig.task()) {
            case RECONSTRUCTION:
                return 1;
            case SEGMENTATION:
                return sig.outputWidth() / sig.classNames().size();
            default:
                return sig.outputWidth();
        }
    }

    private static List<Column> outputColumns(ModelSignature sig) {
        switch (sig.task()) {
            case DETECTION:
                return DetectionColumns.columns(sig);
            case SEGMENTATION: {
                int[] shape = sig.outputShape();
                return List.of(Column.mask(PREDICTION, sig.classNames(), java.util.Arrays.copyOfRange(shape, 1, shape.length))
                        .withRole(ColumnRole.PREDICTION));
            }
            case CLASSIFICATION:
                return List.of(Column.categorical(PREDICTION, ColumnRole.PREDICTION, sig.classNames()),
                        Column.tensor(PROBABILITIES, sig.outputWidth()).withRole(ColumnRole.PREDICTION));
            case REGRESSION:
                return List.of(sig.outputWidth() == 1 ? Column.of(PREDICTION, ColumnType.FLOAT64, ColumnRole.PREDICTION)
                        : Column.tensor(PREDICTION, sig.outputWidth()).withRole(ColumnRole.PREDICTION));
            default:
                return List.of(Column.of(RECONSTRUCTION_ERROR, ColumnType.FLOAT64, ColumnRole.PREDICTION));
        }
    }

    /** Writes the prediction columns of {@code rows} rows from the model's outputs, read in bulk into {@code y}. */
    private static void writeColumns(ModelSignature sig, int rows, FloatRows y, BufferAllocator alloc, List<FieldVector> vs) {
        if (sig.task() == Task.RECONSTRUCTION || (sig.task() == Task.REGRESSION && sig.outputWidth() == 1)) {
            String name = sig.task() == Task.RECONSTRUCTION ? RECONSTRUCTION_ERROR : PREDICTION;
            Float8Vector v = Vectors.float64(name, rows, alloc);
            vs.add(v);
            for (int r = 0; r < rows; r++) {
                v.set(r, y.get(r, 0));
            }
            return;
        }
        if (sig.task() == Task.CLASSIFICATION) {
            IntVector cls = (IntVector) ArrowColumns.newVector(Column.of(PREDICTION, ColumnType.INT32), alloc);
            vs.add(cls);
            cls.allocateNew(Math.max(rows, 1));
            for (int r = 0; r < rows; r++) {
                cls.set(r, argMax(y, r));
            }
            cls.setValueCount(rows);
        }
        String name = sig.task() == Task.CLASSIFICATION ? PROBABILITIES : PREDICTION;
        int width = predictionWidth(sig);
        long values = (long) rows * width;
        if (values > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a chunk of " + rows + " rows with " + width + " outputs each is too large for one"
                    + " Arrow vector; use smaller chunks");
        }
        FixedSizeListVector t = (FixedSizeListVector) ArrowColumns.newVector(
                sig.task() == Task.SEGMENTATION ? outputColumns(sig).get(0) : Column.tensor(name, width), alloc);
        vs.add(t);
        t.setInitialCapacity(Math.max(rows, 1));
        t.allocateNew();
        Float4Vector data = (Float4Vector) t.getDataVector();
        data.allocateNew(Math.max((int) values, 1));
        for (int r = 0; r < rows; r++) {
            t.setNotNull(r);
            int base = r * width;
            for (int k = 0; k < width; k++) {
                data.set(base + k, y.get(r, k));
            }
        }
        data.setValueCount((int) values);
        t.setValueCount(rows);
    }

    /** Index of the largest value of row r; the first one on ties. */
    static int argMax(FloatRows p, int r) {
        int best = 0;
        for (int k = 1; k < p.width(); k++) {
            if (p.get(r, k) > p.get(r, best)) {
                best = k;
            }
        }
        return best;
    }
}
