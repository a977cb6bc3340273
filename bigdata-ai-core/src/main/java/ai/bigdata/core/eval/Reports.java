package ai.bigdata.core.eval;

import ai.bigdata.core.internal.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON and file helpers shared by the reports. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report as JSON", e);
        }
    }

    /** The metrics with NaN and infinities replaced by null (JSON has no NaN). */
    static Map<String, Double> finiteOrNull(Map<String, Double> metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, v != null && Double.isFinite(v) ? v : null));
        return m;
    }

    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, false, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }
}
