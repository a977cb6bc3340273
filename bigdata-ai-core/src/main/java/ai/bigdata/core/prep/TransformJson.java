package ai.bigdata.core.prep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Fitted transforms to JSON and back. Doubles are written in their shortest exact form, so a loaded
 * transform computes bit-identical output. The format: {@code {"format": 1, "kind": ..., "params": {...}}}.
 * Kinds other than this library's are read by the {@link TransformKind}s that {@link ServiceLoader} finds
 * (through the thread's context class loader, else this library's).
 */
public final class TransformJson {
    /** The format version this library writes and reads. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, Function<Map<String, Object>, Transform>> KINDS = Map.ofEntries(
            Map.entry("affine", AffineTransform::fromParameters),
            Map.entry("log1p", Log1pTransform::fromParameters),
            Map.entry("impute", ImputeTransform::fromParameters),
            Map.entry("impute-category", CategoryImputeTransform::fromParameters),
            Map.entry("one-hot", OneHotTransform::fromParameters),
            Map.entry("ordinal", OrdinalTransform::fromParameters),
            Map.entry("assemble", AssembleTransform::fromParameters),
            Map.entry("clip", ClipTransform::fromParameters),
            Map.entry("row-filter", RowFilterTransform::fromParameters),
            Map.entry("parse-length", LengthParseTransform::fromParameters),
            Map.entry("hashing", HashingTransform::fromParameters),
            Map.entry("bucket", BucketTransform::fromParameters),
            Map.entry("drop-columns", DropColumnsTransform::fromParameters),
            Map.entry("invalid-to-null", InvalidToNullTransform::fromParameters),
            Map.entry("identity", IdentityTransform::fromParameters),
            Map.entry("pipeline", FittedPipeline::fromParameters));

    private TransformJson() {
    }

    /** The JSON text of a fitted transform. */
    public static String write(Transform t) {
        try {
            return JSON.writeValueAsString(toTree(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + t.kind() + " as JSON", e);
        }
    }

    /** The fitted transform of a JSON text written by {@link #write}. */
    public static Transform read(String json) {
        try {
            return fromTree(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a transform's JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A double parameter as JSON gives it back: a number, or the text {@code "Infinity"} / {@code "-Infinity"}
     * that the writer makes of an infinite bound (JSON has no infinite numbers).
     *
     * @throws IllegalArgumentException for anything else (a damaged parameter)
     */
    static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if ("Infinity".equals(value)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(value)) {
            return Double.NEGATIVE_INFINITY;
        }
        throw new IllegalArgumentException("expected a number, got " + value);
    }

    static Map<String, Object> toTree(Transform t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("kind", t.kind());
        m.put("params", t.parameters());
        return m;
    }

    /** The reader of a kind that is not built in, from the {@link TransformKind}s on the class path. */
    private static Function<Map<String, Object>, Transform> userKind(String kind) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, TransformKind> found = new TreeMap<>();
        for (ClassLoader cl : new ClassLoader[] {loader, TransformJson.class.getClassLoader()}) {
            if (cl == null) {
                continue;
            }
            try {
                for (TransformKind k : ServiceLoader.load(TransformKind.class, cl)) {
                    TransformKind before = found.putIfAbsent(k.kind(), k);
                    if (before != null && before.getClass() != k.getClass()) {
                        throw new IllegalArgumentException("transform kind '" + k.kind() + "' is claimed by both "
                                + before.getClass().getName() + " and " + k.getClass().getName());
                    }
                }
            } catch (java.util.ServiceConfigurationError e) {
                throw new IllegalArgumentException("cannot load the TransformKind services (reading kind '" + kind + "'): "
                        + e.getMessage(), e);
            }
        }
        TransformKind k = found.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("unknown transform kind '" + kind + "'; known: " + new TreeSet<>(KINDS.keySet())
                    + (found.isEmpty() ? "" : " and, from TransformKind services, " + found.keySet())
                    + "; a user transform needs a TransformKind listed in META-INF/services/" + TransformKind.class.getName());
        }
        return k::fromParameters;
    }

    @SuppressWarnings("unchecked")
    static Transform fromTree(Map<String, Object> m) {
        Object format = m.get("format");
        if (!(format instanceof Number) || ((Number) format).intValue() > FORMAT) {
            throw new IllegalArgumentException("transform JSON of format " + format + "; this library reads format " + FORMAT
                    + " and older");
        }
        String kind = String.valueOf(m.get("kind"));
        Function<Map<String, Object>, Transform> f = KINDS.get(kind);
        if (f == null) {
            f = userKind(kind);
        }
        try {
            return f.apply((Map<String, Object>) m.get("params"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("damaged parameters of a '" + m.get("kind") + "' transform: " + e.getMessage(), e);
        }
    }
}
