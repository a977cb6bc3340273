package ai.bigdata.recsys;

import ai.bigdata.core.serve.BundleArchive;
import ai.bigdata.core.serve.BundleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads fitted recommenders as core bundles ({@link BundleArchive} of kind {@value #KIND}), with the
 * guarantees of model bundles: a manifest (bundle format, library version, the model kind and name, the sizes of
 * the user and item id maps) with a SHA-256 of every part, a SHA-256 seal of the whole file, and an atomic write
 * (temporary file, then rename). The parts are {@value #INDEX} (the training index: id maps and interactions) and
 * {@value #STATE} (the model's own state). Loading verifies all of it before parsing, then checks that the parts
 * agree with the manifest, so a truncated, altered or foreign file (a model bundle, say) is a
 * {@link RecommenderFileException} naming the file and what is wrong, never a partly loaded model.
 *
 * <p>Files of the module's former own format (version 1, starting with {@code BDAIRECS}) still load, with the
 * checks they always had.
 */
public final class RecommenderFiles {
    /** The bundle kind of recommender files. */
    public static final String KIND = "recommender";
    /** The recommender bundle format this library writes and the newest it reads (version 1 was the own format). */
    public static final int FORMAT = 2;
    /** The part holding the training index. */
    static final String INDEX = "index.bin";
    /** The part holding the model's own state. */
    static final String STATE = "state.bin";

    /** Reads something out of a part's bytes. */
    @FunctionalInterface
    interface PartReader<T> {
        /** Reads from {@code in}. */
        T read(DataInputStream in) throws IOException;
    }

    /** Writes something into a part. */
    @FunctionalInterface
    private interface PartWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private RecommenderFiles() {
    }

    /**
     * Saves a recommender of this module to {@code file} (replacing it atomically).
     *
     * @throws IllegalArgumentException when the model is not one of this module's
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void save(Recommender model, Path file) {
        if (!(model instanceof IndexedRecommender m)) {
            throw new IllegalArgumentException("cannot save " + model.getClass().getName() + ": not a bigdata-ai-recsys model");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recommender", m.kind());
        fields.put("name", m.name());
        fields.put("users", m.index.users.size());
        fields.put("items", m.index.items.size());
        fields.put("interactions", m.index.userItems.length);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(INDEX, bytes(m.index::write));
        parts.put(STATE, bytes(m::writeState));
        try {
            BundleArchive.write(file, KIND, FORMAT, fields, parts);
        } catch (BundleException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.reason(), e);
            throw new UncheckedIOException("cannot save recommender to " + file + ": " + e.reason(), cause);
        }
    }

    /**
     * Loads a recommender saved by {@link #save} (or a version-1 file of the former format).
     *
     * @throws RecommenderFileException naming the file when it is missing, damaged, no recommender bundle, of a newer
     *     format, or its parts disagree with its manifest
     */
    public static Recommender load(Path file) {
        if (LegacyRecommenderFile.isLegacy(file)) {
            return LegacyRecommenderFile.read(file);
        }
        String name = file.toString();
        try {
            BundleArchive.Contents bundle = BundleArchive.read(file, KIND, FORMAT, List.of(INDEX, STATE));
            String kind = bundle.field("recommender", String.class);
            String modelName = bundle.field("name", String.class);
            long users = bundle.field("users", Number.class).longValue();
            long items = bundle.field("items", Number.class).longValue();
            long interactions = bundle.field("interactions", Number.class).longValue();
            TrainingIndex index = parse(name, "the part '" + INDEX + "'", bundle.part(INDEX), TrainingIndex::read);
            if (index.users.size() != users || index.items.size() != items || index.userItems.length != interactions) {
                throw new RecommenderFileException(name, "the manifest says " + users + " users, " + items + " items and "
                        + interactions + " interactions but the training index holds " + index.users.size() + ", "
                        + index.items.size() + " and " + index.userItems.length, null);
            }
            IndexedRecommender model = parse(name, "the part '" + STATE + "'", bundle.part(STATE), in -> readModel(kind, index, in));
            if (!model.name().equals(modelName)) {
                throw new RecommenderFileException(name, "the manifest names the model '" + modelName + "' but its state is of '"
                        + model.name() + "'", null);
            }
            return model;
        } catch (BundleException e) {
            throw new RecommenderFileException(name, e.reason(), e);
        }
    }

    /**
     * Reads all of {@code bytes} (called {@code what} in errors) with {@code reader}.
     *
     * @throws RecommenderFileException naming the file when the bytes are inconsistent or some are left over
     */
    static <T> T parse(String file, String what, byte[] bytes, PartReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T value = reader.read(in);
            if (in.available() != 0) {
                throw new RecommenderFileException(file, in.available() + " unexpected bytes at the end of " + what, null);
            }
            return value;
        } catch (RecommenderFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a well-formed part whose values make no sense together
            throw new RecommenderFileException(file, "inconsistent payload in " + what + ": " + e.getMessage(), e);
        }
    }

    /** The state of a model of {@code kind} over {@code index}. */
    static IndexedRecommender readModel(String kind, TrainingIndex index, DataInputStream in) throws IOException {
        return switch (kind) {
            case PopularityRecommender.KIND -> PopularityRecommender.read(index, in);
            case ExplicitAls.KIND -> ExplicitAls.read(index, in);
            case ImplicitAls.KIND -> ImplicitAls.read(index, in);
            case Bpr.KIND -> Bpr.read(index, in);
            case TwoTower.KIND -> TwoTower.read(index, in);
            case ItemKnn.KIND -> ItemKnn.read(index, in);
            case ContentRecommender.KIND -> ContentRecommender.read(index, in);
            case HybridRecommender.KIND -> HybridRecommender.read(index, in);
            default -> throw new IOException("unknown model kind '" + kind + "'");
        };
    }

    private static byte[] bytes(PartWriter writer) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a recommender", e);
        }
        return b.toByteArray();
    }
}
