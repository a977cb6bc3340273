package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.model.DenseInference;
import ai.bigdata.core.model.FeatureMatrix;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.prep.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Serves a {@link ModelBundle}: takes raw rows (maps from column name to value, or a dataset), applies
 * the fitted transform and the model, and returns classes with probabilities or predicted values.
 * Thread-safe: concurrent calls each borrow a replica of the network from a pool (one per concurrent
 * caller at most), so results equal single-threaded ones exactly. Small requests (up to 32 rows) of a
 * dense network run through {@link DenseInference}, a plain-Java pass that avoids the native engine's
 * per-call overhead; larger ones go through the engine in one batch.
 */
public final class Predictor {
    /** Up to this many rows per request, a dense network runs in plain Java (no per-op native overhead). */
    private static final int DENSE_ROWS = 32;

    private final ModelBundle bundle;
    private final Transform transform;
    private final Schema input;
    private final ModelSignature signature;
    private final ConcurrentLinkedDeque<NeuralNetwork> replicas = new ConcurrentLinkedDeque<>();
    /** The plain-Java pass of a dense network, for small requests; null when the network has other layers. */
    private final DenseInference dense;

    private Predictor(ModelBundle bundle) {
        this.bundle = bundle;
        this.transform = bundle.transform();
        this.input = bundle.inputSchema();
        this.signature = bundle.model().signature();
        replicas.push(bundle.model());
        boolean flat = signature.featureShape().length == 1 || !bundle.model().kind().equals("lstm");
        this.dense = flat && !bundle.model().kind().equals("wrapped")
                ? DenseInference.of(bundle.model().network()).orElse(null) : null;
    }

    ai.bigdata.core.model.NeuralNetwork bundleModel() {
        return bundle.model();
    }

    /** Loads and verifies a bundle file. */
    public static Predictor load(Path bundleFile) {
        return new Predictor(ModelBundle.load(bundleFile));
    }

    /** Serves a bundle already in memory. */
    public static Predictor of(ModelBundle bundle) {
        return new Predictor(bundle);
    }

    /** The raw columns each row must have. */
    public Schema inputSchema() {
        return input;
    }

    /** What the model predicts. */
    public ModelSignature signature() {
        return signature;
    }

    /** The bundle's manifest. */
    public Map<String, Object> manifest() {
        return bundle.manifest();
    }

    /**
     * Predicts one row.
     *
     * @throws InvalidRowException when a column is missing, unknown or has a value of the wrong type
     */
    public Prediction predict(Map<String, ?> row) {
        return predictAll(List.of(row)).get(0);
    }

    /** Predicts several rows in one pass (faster than one by one). */
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Dataset.RowsBuilder b = Dataset.builder(input);
        for (int r = 0; r < rows.size(); r++) {
            b.add(values(rows.get(r), r));
        }
        Dataset raw;
        try {
            raw = b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRowException(columnIn(e.getMessage()), "a value does not fit its column: " + e.getMessage(), e);
        }
        try (raw; Dataset features = transform.apply(raw)) {
            return predictTransformed(features);
        }
    }

    /** The dataset with prediction columns appended (see {@code Model.predict}); the dataset holds raw columns. */
    public Dataset predict(Dataset rawData) {
        try (Dataset features = transform.apply(rawData)) {
            NeuralNetwork net = borrow();
            try {
                return net.predict(features);
            } finally {
                replicas.push(net);
            }
        }
    }

    private Object[] values(Map<String, ?> row, int index) {
        for (String key : row.keySet()) {
            if (!input.contains(key)) {
                throw new InvalidRowException(key, "row " + index + " has a column '" + key + "' that the model does not read;"
                        + " expected columns " + input.names(), null);
            }
        }
        Object[] v = new Object[input.size()];
        for (int c = 0; c < input.size(); c++) {
            Column col = input.column(c);
            if (!row.containsKey(col.name())) {
                throw new InvalidRowException(col.name(), "row " + index + " lacks column '" + col.name() + "' ("
                        + col.type().name().toLowerCase(java.util.Locale.ROOT) + "); give null for a missing value", null);
            }
            v[c] = row.get(col.name());
        }
        return v;
    }

    private String columnIn(String message) {
        for (Column c : input.columns()) {
            if (message != null && message.contains("'" + c.name() + "'")) {
                return c.name();
            }
        }
        return null;
    }

    private List<Prediction> predictTransformed(Dataset features) {
        signature.check(features.schema());
        List<Prediction> out = new ArrayList<>();
        NeuralNetwork net = borrow();
        try (ChunkReader reader = features.source().open()) {
            long first = 0;
            for (int k = 0; k < features.chunkCount(); k++) {
                Chunk chunk = reader.chunk(k);
                try (INDArray x = FeatureMatrix.pack(signature, chunk, first)) {
                    if (dense != null && chunk.rowCount() <= DENSE_ROWS) {
                        for (float[] row : x.reshape(chunk.rowCount(), -1).toFloatMatrix()) {
                            out.add(toPrediction(dense.output(row)));
                        }
                    } else {
                        ai.bigdata.core.engine.Engine.useOnThisThread();
                        float[][] y = net.output(x).reshape(chunk.rowCount(), -1).toFloatMatrix();
                        for (float[] row : y) {
                            out.add(toPrediction(row));
                        }
                    }
                }
                first += chunk.rowCount();
            }
        } finally {
            replicas.push(net);
        }
        return out;
    }

    private Prediction toPrediction(float[] y) {
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i];
        }
        if (signature.task() != Task.CLASSIFICATION) {
            return new Prediction(null, Map.of(), v);
        }
        Map<String, Double> p = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < v.length; i++) {
            p.put(signature.classNames().get(i), v[i]);
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return new Prediction(signature.classNames().get(best), p, v);
    }

    private NeuralNetwork borrow() {
        NeuralNetwork n = replicas.poll();
        return n != null ? n : bundle.model().copy();
    }
}
