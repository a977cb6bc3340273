package ai.bigdata.nlp.g2p;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of {@link PronunciationCodes}' stored parameters, naming a missing or mistyped one. */
final class Kinds {
    private Kinds() {
    }

    static Object required(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' is missing");
        }
        return v;
    }

    static String string(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' must be text, got " + v);
        }
        return s;
    }

    static int positive(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1 || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' must be a positive whole number,"
                    + " got " + v);
        }
        return ((Number) v).intValue();
    }

    static boolean bool(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' must be true or false, got " + v);
        }
        return b;
    }

    static List<String> strings(Map<String, Object> p, String key) {
        Object v = required(p, key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' must be a list, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException(PronunciationCodes.KIND + ": parameter '" + key + "' holds " + o + ", not text");
            }
            out.add(s);
        }
        return out;
    }
}
