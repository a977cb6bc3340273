package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.Report;
import ai.bigdata.core.internal.AtomicFiles;
import ai.bigdata.core.internal.Sha256;
import ai.bigdata.core.internal.ZipParts;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file that holds everything needed to serve a model: the fitted {@link Transform}, the trained
 * network and a manifest (format and library version, the raw input columns, the model signature with
 * class names, metrics and training provenance) with a SHA-256 checksum of every part. It is written
 * to a temporary file and renamed; reading verifies every checksum and refuses a truncated or altered
 * file, a missing part, or a format newer than this library reads.
 */
public final class ModelBundle {
    /** The bundle format this library writes and the newest it reads. */
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String MANIFEST = "manifest.json";
    private static final String MANIFEST_SUM = "manifest.sha256";
    private static final String TRANSFORM = "transform.json";
    private static final String MODEL = "model.zip";

    private final Transform transform;
    private final NeuralNetwork model;
    private final Schema input;
    private final Map<String, Object> manifest;

    private ModelBundle(Transform transform, NeuralNetwork model, Schema input, Map<String, Object> manifest) {
        this.transform = transform;
        this.model = model;
        this.input = input;
        this.manifest = manifest;
    }

    /**
     * Starts a bundle of a fitted transform and a trained model. {@code rawSchema} is the schema of the
     * data before the transform (the training data as read); its label column and prediction columns
     * are not needed at serving time.
     *
     * @throws IllegalArgumentException when the transform's output does not give the model its features
     */
    public static Builder of(Transform transform, NeuralNetwork model, Schema rawSchema) {
        return new Builder(transform, model, rawSchema);
    }

    /** The fitted transform. */
    public Transform transform() {
        return transform;
    }

    /** The trained model. */
    public NeuralNetwork model() {
        return model;
    }

    /** The raw columns a row must have to be predicted. */
    public Schema inputSchema() {
        return input;
    }

    /** The manifest as plain maps (format, versions, signature, metrics, provenance, checksums). */
    public Map<String, Object> manifest() {
        return manifest;
    }

    /** Reads and verifies a bundle. */
    @SuppressWarnings("unchecked")
    public static ModelBundle load(Path file) {
        Map<String, byte[]> parts;
        try {
            parts = ZipParts.read(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "no such file", e);
        } catch (IOException e) {
            throw new BundleException(file, "cannot be read (truncated or not a bundle): " + e.getMessage(), e);
        }
        for (String name : List.of(MANIFEST, MANIFEST_SUM, TRANSFORM, MODEL)) {
            if (!parts.containsKey(name)) {
                throw new BundleException(file, "the part '" + name + "' is missing (truncated or not a bundle); parts found: "
                        + parts.keySet());
            }
        }
        if (!sha256(parts.get(MANIFEST)).equals(new String(parts.get(MANIFEST_SUM), StandardCharsets.US_ASCII).trim())) {
            throw new BundleException(file, "the manifest does not match its checksum (the file was altered)");
        }
        Map<String, Object> manifest;
        try {
            manifest = JSON.readValue(parts.get(MANIFEST), Map.class);
        } catch (IOException e) {
            throw new BundleException(file, "the manifest is not valid JSON: " + e.getMessage(), e);
        }
        int format = ((Number) manifest.get("format")).intValue();
        if (format > FORMAT) {
            throw new BundleException(file, "format " + format + " is newer than this library's " + FORMAT + " (library "
                    + LibraryVersion.VERSION + ", the bundle was written by " + manifest.get("library") + "); upgrade the library");
        }
        Map<String, String> sums = (Map<String, String>) manifest.get("checksums");
        for (String name : List.of(TRANSFORM, MODEL)) {
            if (!sha256(parts.get(name)).equals(sums.get(name))) {
                throw new BundleException(file, "the part '" + name + "' does not match its SHA-256 in the manifest (the file was "
                        + "altered or damaged)");
            }
        }
        try {
            Transform transform = TransformJson.read(new String(parts.get(TRANSFORM), StandardCharsets.UTF_8));
            ModelSignature sig = ModelSignature.fromMap((Map<String, Object>) manifest.get("signature"));
            NeuralNetwork model = NeuralNetwork.read((String) manifest.get("kind"), (String) manifest.get("description"), sig,
                    new ByteArrayInputStream(parts.get(MODEL)), false);
            Schema input = SchemaMaps.fromList((List<Map<String, Object>>) manifest.get("input"));
            return new ModelBundle(transform, model, input, manifest);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot be restored: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Options of a bundle before it is saved. */
    public static final class Builder {
        private final Transform transform;
        private final NeuralNetwork model;
        private final Schema input;
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private final Map<String, Object> provenance = new LinkedHashMap<>();

        private Builder(Transform transform, NeuralNetwork model, Schema rawSchema) {
            this.transform = java.util.Objects.requireNonNull(transform, "transform");
            this.model = java.util.Objects.requireNonNull(model, "model");
            ModelSignature sig = model.signature();
            List<Column> cols = rawSchema.columns().stream()
                    .filter(c -> c.role() != ColumnRole.LABEL && c.role() != ColumnRole.PREDICTION).toList();
            this.input = new Schema(cols);
            Schema out;
            try {
                out = transform.outputSchema(input);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the transform cannot run on the raw input columns without the label "
                        + input.names() + ": " + e.getMessage(), e);
            }
            sig.check(out);
        }

        /** Records a report's metrics in the manifest (for example the test-set report). */
        public Builder metrics(String name, Report report) {
            Map<String, Double> m = new LinkedHashMap<>();
            report.metrics().forEach((k, v) -> m.put(k, Double.isFinite(v) ? v : null));
            metrics.put(name, m);
            return this;
        }

        /**
         * Records where the model came from: a fingerprint of the training data (SHA-256 over its
         * schema and every value, in row order), its row count, the training recipe and seed.
         */
        public Builder provenance(Dataset trainingData, Object trainer, long seed) {
            provenance.put("dataFingerprint", DataFingerprint.of(trainingData));
            provenance.put("dataRows", trainingData.rowCount());
            provenance.put("training", String.valueOf(trainer));
            provenance.put("seed", seed);
            return this;
        }

        /** Writes the bundle atomically and returns it as loaded state. */
        public ModelBundle save(Path file) {
            try {
                byte[] transformJson = TransformJson.write(transform).getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream net = new ByteArrayOutputStream();
                model.write(net, false);
                byte[] modelBytes = net.toByteArray();
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("library", LibraryVersion.VERSION);
                manifest.put("created", Instant.now().toString());
                manifest.put("kind", model.kind());
                manifest.put("description", model.description());
                manifest.put("parameters", model.parameterCount());
                manifest.put("input", SchemaMaps.toList(input));
                manifest.put("signature", model.signature().toMap());
                manifest.put("classes", model.signature().classNames());
                manifest.put("metrics", metrics);
                manifest.put("provenance", provenance);
                manifest.put("checksums", Map.of(TRANSFORM, sha256(transformJson), MODEL, sha256(modelBytes)));
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                Map<String, byte[]> parts = new LinkedHashMap<>();
                parts.put(MANIFEST, manifestBytes);
                parts.put(MANIFEST_SUM, sha256(manifestBytes).getBytes(StandardCharsets.US_ASCII));
                parts.put(TRANSFORM, transformJson);
                parts.put(MODEL, modelBytes);
                AtomicFiles.write(file, true, tmp -> ZipParts.write(tmp, parts));
                return new ModelBundle(transform, model, input, JSON.readValue(manifestBytes, Map.class));
            } catch (IOException e) {
                throw new BundleException(file, "cannot be written: " + e.getMessage(), e);
            }
        }
    }
}
