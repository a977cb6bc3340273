package ai.bigdata.core.serve;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.Report;
import ai.bigdata.core.internal.Sha256;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file that holds everything needed to serve a model: the fitted {@link Transform}, the trained
 * network and a manifest (format and library version, the raw input columns, the model signature with
 * class names, metrics and training provenance) with a SHA-256 checksum of every part, sealed by a
 * SHA-256 of the whole file (the zip comment). It is written to a temporary file and renamed; reading
 * verifies the seal and every checksum and refuses, with a {@link BundleException} that says which, a
 * truncated or altered file, a file that is no bundle, a manifest that lacks a field, or a format newer
 * than this library reads. The container is a {@link BundleArchive} of kind {@link BundleArchive#MODEL_KIND}
 * with the parts {@code transform.json} and {@code model.zip}.
 */
public final class ModelBundle {
    /**
     * The newest bundle format this library reads. It writes format 3 for networks of another family
     * than {@code NeuralNetwork} (the manifest names the family) and format 2, which older libraries
     * read, for {@code NeuralNetwork}s.
     */
    public static final int FORMAT = 3;
    /** The format of bundles of {@code NeuralNetwork}s (no family field needed). */
    private static final int MULTILAYER_FORMAT = 2;
    private static final String TRANSFORM = "transform.json";
    private static final String MODEL = "model.zip";

    private final Transform transform;
    private final Network model;
    private final Schema input;
    private final Map<String, Object> manifest;

    private ModelBundle(Transform transform, Network model, Schema input, Map<String, Object> manifest) {
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
    public static Builder of(Transform transform, Network model, Schema rawSchema) {
        return new Builder(transform, model, rawSchema);
    }

    /** The fitted transform. */
    public Transform transform() {
        return transform;
    }

    /** The trained model (a {@code NeuralNetwork}, {@code GraphNetwork}, ...: see {@link Network#family()}). */
    public Network model() {
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

    /**
     * Reads and verifies a bundle: the SHA-256 seal over the whole file, then the checksum of every part.
     * Bundles of format 1 (written before the seal) still load after their zip central directory was
     * checked against their entries.
     *
     * @throws BundleException when the file is missing, truncated, altered, not a bundle, lacks a manifest
     *     field, or has a newer format; the message says which
     */
    public static ModelBundle load(Path file) {
        BundleArchive.Contents contents = BundleArchive.read(file, BundleArchive.MODEL_KIND, FORMAT, List.of(TRANSFORM, MODEL));
        Map<String, Object> manifest = contents.manifest();
        try {
            ModelSignature sig = signature(ManifestFields.require(manifest, "", "signature", Map.class));
            String kind = ManifestFields.require(manifest, "", "kind", String.class);
            // bundles written before families were recorded hold multilayer networks
            String family = ManifestFields.optional(manifest, "", "family", String.class);
            String description = ManifestFields.require(manifest, "", "description", String.class);
            @SuppressWarnings("rawtypes")
            Schema input = SchemaMaps.fromList(ManifestFields.list(manifest, "", "input", Map.class), "input");
            Transform transform;
            Network model;
            try {
                transform = TransformJson.read(new String(contents.part(TRANSFORM), StandardCharsets.UTF_8));
                model = Network.read(family, kind, description, sig, new ByteArrayInputStream(contents.part(MODEL)), false);
            } catch (IOException | RuntimeException e) {
                throw new BundleException(file, "cannot be restored: " + e.getMessage(), e);
            }
            return new ModelBundle(transform, model, input, manifest);
        } catch (ManifestFields.BadFieldException e) {
            throw new BundleException(file, e.getMessage(), e);
        } catch (BundleException e) {
            throw e;
        } catch (RuntimeException e) {
            // well-typed fields that make no sense together (a negative shape, a width that disagrees)
            throw new BundleException(file, "the manifest is inconsistent: " + e.getMessage(), e);
        }
    }

    /** The signature after every field {@link ModelSignature#fromMap} reads was checked. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelSignature signature(Map<?, ?> m) {
        List<Map> features = ManifestFields.list(m, "signature", "features", Map.class);
        for (int i = 0; i < features.size(); i++) {
            String at = "signature.features[" + i + "]";
            ManifestFields.require(features.get(i), at, "name", String.class);
            ManifestFields.enumValue(features.get(i), at, "type", ai.bigdata.core.data.ColumnType.class);
            ManifestFields.list(features.get(i), at, "shape", Number.class);
        }
        ManifestFields.optional(m, "signature", "label", String.class);
        ManifestFields.enumValue(m, "signature", "task", ai.bigdata.core.model.Task.class);
        ManifestFields.list(m, "signature", "classes", String.class);
        ManifestFields.require(m, "signature", "outputWidth", Number.class);
        return ModelSignature.fromMap((Map<String, Object>) m);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    /** Options of a bundle before it is saved. */
    public static final class Builder {
        private final Transform transform;
        private final Network model;
        private final Schema input;
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private final Map<String, Object> provenance = new LinkedHashMap<>();

        private Builder(Transform transform, Network model, Schema rawSchema) {
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
            byte[] transformJson = TransformJson.write(transform).getBytes(StandardCharsets.UTF_8);
            byte[] modelBytes;
            try {
                ByteArrayOutputStream net = new ByteArrayOutputStream();
                model.write(net, false);
                modelBytes = net.toByteArray();
            } catch (IOException e) {
                throw new BundleException(file, "cannot be written: " + e.getMessage(), e);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            boolean multilayer = model.family().equals(NeuralNetwork.FAMILY);
            if (!multilayer) {
                fields.put("family", model.family());
            }
            fields.put("kind", model.kind());
            fields.put("description", model.description());
            fields.put("parameters", model.parameterCount());
            fields.put("input", SchemaMaps.toList(input));
            fields.put("signature", model.signature().toMap());
            fields.put("classes", model.signature().classNames());
            fields.put("metrics", metrics);
            fields.put("provenance", provenance);
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put(TRANSFORM, transformJson);
            parts.put(MODEL, modelBytes);
            Map<String, Object> manifest = BundleArchive.write(file, BundleArchive.MODEL_KIND, multilayer ? MULTILAYER_FORMAT : FORMAT,
                    fields, parts);
            return new ModelBundle(transform, model, input, manifest);
        }
    }
}
