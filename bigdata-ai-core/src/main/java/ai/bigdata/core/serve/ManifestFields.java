package ai.bigdata.core.serve;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of a bundle manifest's fields: a missing field or one of another type is reported by
 * its path (for example {@code signature.features[2].shape}) instead of a null pointer or a bad cast.
 */
final class ManifestFields {
    /** A manifest field is missing or has the wrong type; the message names it. */
    static final class BadFieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadFieldException(String message) {
            super(message);
        }
    }

    private ManifestFields() {
    }

    /** The field {@code key} of {@code map} (found at {@code path}), which must be present and a {@code type}. */
    static <T> T require(Map<?, ?> map, String path, String key, Class<T> type) {
        T v = optional(map, path, key, type);
        if (v == null) {
            throw new BadFieldException("the manifest lacks the field '" + field(path, key) + "'");
        }
        return v;
    }

    /** The field {@code key} of {@code map}, null when absent or null, else a {@code type}. */
    static <T> T optional(Map<?, ?> map, String path, String key, Class<T> type) {
        Object v = map.get(key);
        if (v != null && !type.isInstance(v)) {
            throw new BadFieldException("the manifest field '" + field(path, key) + "' is " + describe(v) + " where "
                    + article(type) + " is expected");
        }
        return type.cast(v);
    }

    /** A present field holding one of {@code type}'s constant names. */
    static <E extends Enum<E>> E enumValue(Map<?, ?> map, String path, String key, Class<E> type) {
        String name = require(map, path, key, String.class);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new BadFieldException("the manifest field '" + field(path, key) + "' is '" + name + "', not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    /** A present list field whose every item is a {@code type}. */
    @SuppressWarnings("unchecked")
    static <T> List<T> list(Map<?, ?> map, String path, String key, Class<T> type) {
        List<?> l = require(map, path, key, List.class);
        for (int i = 0; i < l.size(); i++) {
            Object v = l.get(i);
            if (!type.isInstance(v)) {
                throw new BadFieldException("the manifest field '" + field(path, key) + "[" + i + "]' is " + describe(v) + " where "
                        + article(type) + " is expected");
            }
        }
        return (List<T>) l;
    }

    /** The path of {@code key} inside {@code path}. */
    static String field(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(Object v) {
        String kind = v == null ? null : v instanceof String ? "a string" : v instanceof Number ? "a number"
                : v instanceof Boolean ? "a boolean" : v instanceof List ? "a list" : v instanceof Map ? "an object" : "a value";
        return kind == null ? "null" : kind + " (" + v + ")";
    }

    private static String article(Class<?> type) {
        String n = type == Number.class ? "number" : type == Map.class ? "object" : type == List.class ? "list"
                : type == String.class ? "string" : type.getSimpleName().toLowerCase(Locale.ROOT);
        return (n.matches("[aeiou].*") ? "an " : "a ") + n;
    }
}
