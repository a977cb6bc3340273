package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.internal.FeatureMatrix;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.model.DenseInference;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Serves a {@link ModelBundle}: takes raw rows (maps from column name to value, maps from column name
 * to text, CSV lines, or a dataset), applies the fitted transform and the model, and returns classes
 * with probabilities or predicted values.
 *
 * <p>Thread-safe: each computation borrows one of at most {@link #maxReplicas()} copies of the network
 * (by default one per core; further callers wait for a free copy), so results equal single-threaded
 * ones exactly. The copies are the predictor's own, made when it is created: training the bundle's model
 * further does not change what the predictor answers. Small requests (up to 32 rows) of a dense network
 * run through {@link DenseInference}, a plain-Java pass that avoids the native engine's per-call
 * overhead; larger ones go through the engine in one batch.
 *
 * <p>Every value is checked against its column before anything runs: a missing or unknown column, a
 * value of the wrong type, a number that does not fit its column (217.5 into int32, NaN, infinities,
 * 1e39 into float32) is an {@link InvalidRowException} naming the row and the column. A category the
 * bundle did not see is left to the fitted encoder's policy ({@code Encode.unknown}).
 */
public final class Predictor {
    /** Up to this many rows per request, a dense network runs in plain Java (no per-op native overhead). */
    private static final int DENSE_ROWS = 32;

    private final ModelBundle bundle;
    private final Transform transform;
    /** The transform as row requests apply it: each row is answered on its own, so duplicate dropping is left out. */
    private final Transform rowTransform;
    private final Schema input;
    private final ModelSignature signature;
    private final RowValues rowValues;
    private final ReplicaPool replicas;
    /** The plain-Java pass of a dense network, for small requests; null when the network has other layers. */
    private final DenseInference dense;

    private Predictor(ModelBundle bundle, int maxReplicas) {
        this.bundle = bundle;
        this.transform = bundle.transform();
        this.rowTransform = transform.withoutCrossRowSteps();
        this.input = bundle.inputSchema();
        this.signature = bundle.model().signature();
        this.rowValues = new RowValues(input);
        this.replicas = new ReplicaPool(bundle.model(), maxReplicas);
        // DenseInference copies the parameters, so it is the predictor's own too
        this.dense = bundle.model().denseInference().orElse(null);
    }

    /** Loads and verifies a bundle file; at most one network copy per core. */
    public static Predictor load(Path bundleFile) {
        return load(bundleFile, defaultReplicas());
    }

    /**
     * Loads and verifies a bundle file; at most {@code maxReplicas} copies of the network compute at
     * once (more concurrent callers wait for a free one).
     *
     * @throws IllegalArgumentException when {@code maxReplicas} is below 1
     */
    public static Predictor load(Path bundleFile, int maxReplicas) {
        checkReplicas(maxReplicas);
        return new Predictor(ModelBundle.load(bundleFile), maxReplicas);
    }

    /** Serves a bundle already in memory, with its own copy of the model; at most one network copy per core. */
    public static Predictor of(ModelBundle bundle) {
        return of(bundle, defaultReplicas());
    }

    /**
     * Serves a bundle already in memory with its own copies of the model, at most {@code maxReplicas} of
     * them computing at once.
     *
     * @throws IllegalArgumentException when {@code maxReplicas} is below 1
     */
    public static Predictor of(ModelBundle bundle, int maxReplicas) {
        checkReplicas(maxReplicas);
        return new Predictor(bundle, maxReplicas);
    }

    private static int defaultReplicas() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void checkReplicas(int maxReplicas) {
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("maxReplicas must be at least 1, got " + maxReplicas);
        }
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

    /** The most network copies that compute at once. */
    public int maxReplicas() {
        return replicas.capacity();
    }

    /** How many network copies exist so far (at most {@link #maxReplicas()}). */
    int replicasCreated() {
        return replicas.created();
    }

    /**
     * Predicts one row of Java values: {@code Number} for numeric columns (a whole number for integer
     * columns), {@code Boolean}, {@code String} for text and categorical columns, {@code Instant} for
     * timestamps, {@code float[]} for tensors, and null for a missing value.
     *
     * @throws InvalidRowException when a column is missing or unknown, or a value does not fit its column
     */
    public Prediction predict(Map<String, ?> row) {
        return predictAll(java.util.Collections.singletonList(row)).get(0);
    }

    /**
     * Predicts several rows of Java values in one pass (faster than one by one); see {@link #predict(Map)}.
     *
     * @throws IllegalArgumentException when {@code rows} is null
     * @throws InvalidRowException naming the row (0-based) and column of a bad row, a null row included
     */
    public List<Prediction> predictAll(List<? extends Map<String, ?>> rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null; give a list of maps from column name to value");
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            values.add(rowValues.fromObjects(rows.get(r), r));
        }
        return predictValues(values);
    }

    /**
     * Predicts one row given as text, as it comes from a form, a query string or a file: each value is
     * parsed by the CSV reader's rules, so {@code "NA"}, {@code "NaN"}, {@code "null"} and the empty
     * text are missing, {@code "217"} and {@code " 3.5 "} are numbers, {@code "true"} a boolean and
     * {@code "2024-05-01"} a timestamp.
     *
     * @throws InvalidRowException when a column is missing or unknown, or a text is no value of its column
     */
    public Prediction predictText(Map<String, String> row) {
        return predictAllText(java.util.Collections.singletonList(row)).get(0);
    }

    /** Predicts several rows given as text in one pass; see {@link #predictText(Map)}. */
    public List<Prediction> predictAllText(List<? extends Map<String, String>> rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows is null; give a list of maps from column name to text");
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            values.add(rowValues.fromText(rows.get(r), r));
        }
        return predictValues(values);
    }

    /**
     * Predicts one CSV line (comma-separated, {@code "}-quoted) whose fields are the input columns in the
     * order of {@link #csvHeader()}, parsed as the CSV reader parses a file's fields (see
     * {@link #predictText(Map)}; a quoted field is never missing).
     *
     * @throws InvalidRowException when the line has another number of fields or a field is no value of its column
     */
    public Prediction predictCsvLine(String line) {
        return predictValues(java.util.Collections.singletonList(rowValues.fromCsvLine(line, 0))).get(0);
    }

    /** The header of the lines {@link #predictCsvLine} reads: the input column names, comma-separated. */
    public String csvHeader() {
        return rowValues.csvHeader();
    }

    /**
     * The dataset with prediction columns appended (see {@code Model.predict}); the dataset holds raw
     * columns. A streamed input gives a lazy result that may be read later and from any thread: each
     * chunk borrows a network copy only while it is computed.
     */
    public Dataset predict(Dataset rawData) {
        try (Dataset features = transform.apply(rawData)) {
            return replicas.asModel(signature).predict(features);
        }
    }

    private List<Prediction> predictValues(List<Object[]> values) {
        return predictValues(values, 0);
    }

    /**
     * The predictions of these rows, the first being row {@code firstRow} of the request. Duplicate dropping
     * does not apply to requests (each row is answered on its own: two equal rows are no duplicates to drop).
     * When a row rule of the bundle's preprocessing (a missing-value rule) removes rows, the rows are
     * predicted one by one, so that the removed row is an error naming it, never a shorter list.
     */
    private List<Prediction> predictValues(List<Object[]> values, int firstRow) {
        if (values.isEmpty()) {
            return List.of();
        }
        Schema schema = rowValues.schemaFor(values);
        Dataset.RowsBuilder b = Dataset.builder(schema);
        values.forEach(b::add);
        Dataset raw;
        try {
            raw = b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRowException(columnIn(e.getMessage()), "a value does not fit its column: " + e.getMessage(), e);
        }
        try (raw; Dataset features = apply(raw)) {
            if (features.rowCount() != values.size()) {
                if (values.size() == 1) {
                    throw new InvalidRowException(null, "row " + firstRow + ": the bundle's preprocessing removes this row (a"
                            + " cleaning step such as Clean.dropRowsMissingMoreThan), so the model has no prediction for it", null);
                }
                List<Prediction> out = new ArrayList<>(values.size());
                for (int r = 0; r < values.size(); r++) {
                    out.addAll(predictValues(values.subList(r, r + 1), firstRow + r));
                }
                return out;
            }
            refuseUnencodedCategories(schema, features.schema(), values, firstRow);
            return predictTransformed(features, firstRow);
        }
    }

    private Dataset apply(Dataset raw) {
        try {
            return rowTransform.apply(raw);
        } catch (PreprocessingException e) {
            throw new InvalidRowException(e.column(), e.getMessage(), e);
        }
    }

    /**
     * A category the bundle did not see is for an encoder to handle; one that reaches the model as a
     * raw categorical feature (no encoder between) has no code the model knows.
     */
    private void refuseUnencodedCategories(Schema request, Schema features, List<Object[]> values, int firstRow) {
        for (int c = 0; c < input.size(); c++) {
            Column known = input.column(c);
            if (known.type() != ColumnType.CATEGORICAL || request.column(c).categories().size() == known.categories().size()
                    || !features.contains(known.name()) || features.column(known.name()).type() != ColumnType.CATEGORICAL
                    || signature.features().stream().noneMatch(f -> f.name().equals(known.name()))) {
                continue;
            }
            for (int r = 0; r < values.size(); r++) {
                Object v = values.get(r)[c];
                if (v != null && !known.categories().contains(v)) {
                    throw new InvalidRowException(known.name(), "row " + (firstRow + r) + ", column '" + known.name() + "': category '" + v
                            + "' was not seen in training and the model reads the column directly; known categories are "
                            + known.categories(), null);
                }
            }
        }
    }

    private String columnIn(String message) {
        for (Column c : input.columns()) {
            if (message != null && message.contains("'" + c.name() + "'")) {
                return c.name();
            }
        }
        return null;
    }

    /** The predictions of transformed rows, the first being row {@code firstRow} of the request (for messages). */
    private List<Prediction> predictTransformed(Dataset features, int firstRow) {
        signature.check(features.schema());
        List<Prediction> out = new ArrayList<>();
        try (ChunkReader reader = Datasets.source(features).open()) {
            long first = firstRow;
            for (int k = 0; k < features.chunkCount(); k++) {
                Chunk chunk = reader.chunk(k);
                try (INDArray x = pack(chunk, first)) {
                    float[][] rows = x.reshape(chunk.rowCount(), -1).toFloatMatrix();
                    requireFinite(rows, first);
                    if (signature.task() == Task.DETECTION) {
                        // decoded boxes then their scores, as Model.predict writes them
                        Network net = replicas.borrow();
                        try {
                            Engine.useOnThisThread();
                            for (float[] row : ai.bigdata.core.internal.DetectionRows.of(signature, net.output(x))) {
                                out.add(toPrediction(row));
                            }
                        } finally {
                            replicas.giveBack(net);
                        }
                    } else if (dense != null && chunk.rowCount() <= DENSE_ROWS) {
                        for (float[] row : rows) {
                            out.add(toPrediction(dense.output(row)));
                        }
                    } else {
                        Network net = replicas.borrow();
                        float[][] y;
                        try {
                            Engine.useOnThisThread();
                            y = net.output(x).reshape(chunk.rowCount(), -1).toFloatMatrix();
                        } finally {
                            replicas.giveBack(net);
                        }
                        for (float[] row : y) {
                            out.add(toPrediction(row));
                        }
                    }
                }
                first += chunk.rowCount();
            }
        }
        return out;
    }

    /** A feature that is not finite after the transform (a finite raw value that a step overflowed) is refused. */
    private void requireFinite(float[][] rows, long first) {
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length; i++) {
                if (!Float.isFinite(rows[r][i])) {
                    String feature = featureAt(i);
                    throw new InvalidRowException(feature, "row " + (first + r) + ": feature '" + feature + "' is " + rows[r][i]
                            + " after the transform (a raw value too large for it); the model cannot predict from it", null);
                }
            }
        }
    }

    private String featureAt(int position) {
        int offset = 0;
        for (Column f : signature.features()) {
            offset += f.width();
            if (position < offset) {
                return f.name();
            }
        }
        return null;
    }

    private INDArray pack(Chunk chunk, long first) {
        try {
            return FeatureMatrix.pack(signature, chunk, first);
        } catch (IllegalArgumentException e) {
            throw new InvalidRowException(columnNamedIn(e), e.getMessage(), e);
        } catch (IllegalStateException e) {
            // a feature that is not finite as float32 once transformed: the raw value was too large for the transform
            throw new InvalidRowException(columnNamedIn(e), e.getMessage() + " (after the transform: a raw value too large for it)", e);
        }
    }

    private String columnNamedIn(RuntimeException e) {
        return signature.features().stream().map(Column::name)
                .filter(n -> e.getMessage() != null && e.getMessage().contains("'" + n + "'")).findFirst().orElse(null);
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
}
