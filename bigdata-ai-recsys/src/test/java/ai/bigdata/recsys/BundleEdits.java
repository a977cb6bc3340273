package ai.bigdata.recsys;

import ai.bigdata.core.serve.BundleArchive;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Recommender bundles rewritten with edits and sealed again, so that only the checks after the seal can refuse them. */
final class BundleEdits {
    private BundleEdits() {
    }

    /** {@code from} with its manifest fields and one part edited, written (validly sealed) to {@code to} in {@code format}. */
    static Path rewrite(Path from, Path to, int format, Consumer<Map<String, Object>> fields, String part, UnaryOperator<byte[]> edit) {
        BundleArchive.Contents c = BundleArchive.read(from, RecommenderFiles.KIND, RecommenderFiles.FORMAT, List.of());
        Map<String, Object> manifest = new LinkedHashMap<>(c.manifest());
        manifest.keySet().removeAll(BundleArchive.RESERVED_FIELDS);
        fields.accept(manifest);
        Map<String, byte[]> parts = new LinkedHashMap<>(c.parts());
        if (part != null) {
            parts.put(part, edit.apply(parts.get(part).clone()));
        }
        BundleArchive.write(to, RecommenderFiles.KIND, format, manifest, parts);
        return to;
    }

    /** {@code from} with its manifest fields edited. */
    static Path fields(Path from, Path to, Consumer<Map<String, Object>> fields) {
        return rewrite(from, to, RecommenderFiles.FORMAT, fields, null, null);
    }

    /** {@code from} with one part edited. */
    static Path part(Path from, Path to, String part, UnaryOperator<byte[]> edit) {
        return rewrite(from, to, RecommenderFiles.FORMAT, m -> { }, part, edit);
    }
}
