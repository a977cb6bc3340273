package ai.bigdata.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares two JSON texts (for example two fitted transforms' JSON) that must have the same structure,
 * strings, booleans and nulls, and whose numbers may differ by rounding: the assertion fails on any
 * structural difference (naming the path), and the result is the largest relative difference of two
 * numbers at the same place.
 */
public final class JsonDifference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDifference() {
    }

    /** The largest {@code |x - y| / max(|x|, |y|)} over the numbers at the same place (0 when all are equal). */
    public static double largestRelative(String expected, String actual) {
        try {
            return difference(JSON.readTree(expected), JSON.readTree(actual), "$");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double difference(JsonNode a, JsonNode b, String path) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
        }
        assertThat(b.getNodeType()).as(path).isEqualTo(a.getNodeType());
        if (!a.isContainerNode()) {
            assertThat(b).as(path).isEqualTo(a);
            return 0;
        }
        assertThat(b.size()).as(path).isEqualTo(a.size());
        double worst = 0;
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                worst = Math.max(worst, difference(a.get(i), b.get(i), path + "[" + i + "]"));
            }
            return worst;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            assertThat(b.has(e.getKey())).as(path + "." + e.getKey()).isTrue();
            worst = Math.max(worst, difference(e.getValue(), b.get(e.getKey()), path + "." + e.getKey()));
        }
        return worst;
    }
}
