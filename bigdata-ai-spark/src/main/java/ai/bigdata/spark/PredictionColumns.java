package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.serve.Prediction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a prediction adds to a row, named and typed as core's {@code Model.predict} names them:
 * classification gives {@code prediction} (the most probable class, categorical) and
 * {@code probabilities} (one float32 per class, in class order); regression gives {@code prediction}
 * (float64, or a float32 tensor for several targets).
 */
final class PredictionColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PREDICTION = "prediction";
    static final String PROBABILITIES = "probabilities";

    private final boolean classification;
    private final int width;
    private final ArrayList<String> classes;

    PredictionColumns(ModelSignature signature) {
        if (signature.task() != Task.CLASSIFICATION && signature.task() != Task.REGRESSION) {
            throw new IllegalArgumentException("the bundle's model is for " + signature.task().name().toLowerCase(Locale.ROOT)
                    + "; only classification and regression models run on DataFrames so far");
        }
        this.classification = signature.task() == Task.CLASSIFICATION;
        this.width = signature.outputWidth();
        this.classes = new ArrayList<>(signature.classNames());
    }

    /** The appended columns, as core columns. */
    List<Column> columns() {
        if (classification) {
            return List.of(Column.categorical(PREDICTION, ColumnRole.PREDICTION, classes),
                    Column.tensor(PROBABILITIES, width).withRole(ColumnRole.PREDICTION));
        }
        return List.of(width == 1 ? Column.of(PREDICTION, ColumnType.FLOAT64, ColumnRole.PREDICTION)
                : Column.tensor(PREDICTION, width).withRole(ColumnRole.PREDICTION));
    }

    /** How many values {@link #put} writes. */
    int count() {
        return classification ? 2 : 1;
    }

    /** Writes the prediction's values into {@code row} from {@code at}, as Spark's row encoder takes them. */
    void put(Prediction p, Object[] row, int at) {
        double[] v = p.values();
        if (classification) {
            row[at] = p.label();
            row[at + 1] = floats(v);
        } else {
            row[at] = width == 1 ? (Object) v[0] : floats(v);
        }
    }

    /** The predictor's values are float32 results widened to double, so narrowing them back is exact. */
    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
