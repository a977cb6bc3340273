package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.ModelSignature;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Packs the feature columns of one chunk into a float32 batch in the layout a model reads. */
public final class FeatureMatrix {
    private FeatureMatrix() {
    }

    /**
     * The chunk's features as {@code [rows, ...featureShape]}.
     *
     * @param firstRow the global index of the chunk's first row, for error messages
     * @throws IllegalArgumentException when a feature value is missing, naming column and row
     * @throws IllegalStateException when a feature value is not finite as float32 (NaN, infinity, or a
     *         float64 beyond float32's range, as in Arrow files written by other tools), naming column and row
     */
    public static INDArray pack(ModelSignature sig, Chunk chunk, long firstRow) {
        Schema schema = chunk.schema();
        int rows = chunk.rowCount();
        int width = sig.featureWidth();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, Math.max(rows, 1), width);
        long dst = out.data().address();
        int offset = 0;
        List<Column> features = sig.features();
        for (Column f : features) {
            int idx = schema.indexOf(f.name());
            Column col = schema.column(idx);
            FieldVector v = chunk.vector(idx);
            if (v.getNullCount() > 0) {
                for (int r = 0; r < rows; r++) {
                    if (v.isNull(r)) {
                        out.close();
                        throw new IllegalArgumentException("feature '" + f.name() + "' is missing in row " + (firstRow + r)
                                + "; impute it (Impute) before predicting");
                    }
                }
            }
            try {
                ChunkChecks.requireFloat32Finite(col, v, rows, firstRow);
            } catch (IllegalStateException e) {
                out.close();
                throw e;
            }
            ColumnPacker.pack(col, v, null, 0, rows, dst, width, offset);
            offset += col.width();
        }
        INDArray packed = rows == 0 ? out.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 0)) : out;
        int[] shape = sig.featureShape();
        if (shape.length == 1) {
            return packed;
        }
        long[] full = new long[shape.length + 1];
        full[0] = rows;
        for (int i = 0; i < shape.length; i++) {
            full[i + 1] = shape[i];
        }
        return packed.reshape('c', full);
    }
}
