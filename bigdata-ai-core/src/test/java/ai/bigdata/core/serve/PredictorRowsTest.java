package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.Encode;
import ai.bigdata.core.prep.Unknown;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the predictor makes of raw rows: unknown categories by the fitted policy, text, exact numbers, non-finite values. */
@ExtendWith(ArrowLeakCheck.class)
class PredictorRowsTest {
    @TempDir
    static Path dir;
    static Map<Unknown, ServeFixtures.Trained> bundles = new HashMap<>();
    static Predictor p;

    @BeforeAll
    static void train() {
        for (Unknown u : Unknown.values()) {
            bundles.put(u, ServeFixtures.tabularBundle(dir, u, 3));
        }
        p = Predictor.load(bundles.get(Unknown.ERROR).file());
    }

    private static Map<String, Object> row(Object x1, Object x2, Object x3, Object count, Object colour) {
        return named(x1, x2, x3, count, colour);
    }

    private static Map<String, String> text(String x1, String x2, String x3, String count, String colour) {
        return named(x1, x2, x3, count, colour);
    }

    /** A row of the tabular fixture's input columns, in order (values may be null). */
    private static <T> Map<String, T> named(T x1, T x2, T x3, T count, T colour) {
        Map<String, T> r = new LinkedHashMap<>();
        r.put("x1", x1);
        r.put("x2", x2);
        r.put("x3", x3);
        r.put("count", count);
        r.put("colour", colour);
        return r;
    }

    /** The probabilities the bundle's own transform and model give for these rows, the colour column holding {@code colours}. */
    private static List<double[]> direct(ServeFixtures.Trained t, List<String> colours, List<Map<String, Object>> rows) {
        List<Column> cols = new ArrayList<>(ServeFixtures.TABULAR.columns().subList(0, 4));
        cols.add(Column.categorical("colour", ColumnRole.FEATURE, colours));
        Dataset.RowsBuilder b = Dataset.builder(new Schema(cols));
        rows.forEach(r -> b.add(r.values().toArray()));
        List<double[]> out = new ArrayList<>();
        try (Dataset raw = b.build(); Dataset features = t.prep().apply(raw); Dataset predicted = t.model().predict(features)) {
            predicted.forEachRow(r -> {
                float[] f = (float[]) r.get("probabilities");
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                out.add(d);
            });
        }
        return out;
    }

    @Test
    void anUnseenCategoryIsLeftToTheFittedEncoderPolicy() {
        List<String> withPurple = List.of("blue", "green", "red", "purple");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // over 32 rows: the native path, as the model's own predict takes
            rows.add(row(0.5 + i / 10.0, -0.25, 1.5f, i % 10, i % 2 == 0 ? "purple" : ServeFixtures.COLOURS.get(i % 3)));
        }
        for (Unknown u : List.of(Unknown.IGNORE, Unknown.OTHER)) {
            ServeFixtures.Trained t = bundles.get(u);
            List<Prediction> got = Predictor.load(t.file()).predictAll(rows);
            List<double[]> expected = direct(t, withPurple, rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(got.get(i).values()).as(u.name() + " row " + i).containsExactly(expected.get(i));
            }
        }
        assertThat(bundles.get(Unknown.OTHER).prep().outputSchema(ServeFixtures.TABULAR).names()).contains("colour=" + Encode.OTHER);
        assertThatThrownBy(() -> p.predict(rows.get(0))).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("'purple'").hasMessageContaining("colour")
                .extracting(e -> ((InvalidRowException) e).column()).isEqualTo("colour");
    }

    @Test
    void textRowsMeanWhatTheyMeanInACsvFile() {
        Prediction typed = p.predict(row(0.25, -1.5, 0.75f, 3, "red"));
        assertThat(p.predictText(text(" 0.25 ", "-1.5", "0.75", "3", "red"))).isEqualTo(typed);
        assertThat(p.predictText(text("0.25", "-1.5", "0.75", " 3 ", "red"))).isEqualTo(typed);
        Prediction missing = p.predict(row(null, -1.5, 0.75f, 3, "red"));
        for (String nullToken : List.of("NA", "", "NaN", "null")) {
            assertThat(p.predictText(text(nullToken, "-1.5", "0.75", "3", "red"))).as(nullToken).isEqualTo(missing);
        }
        Map<String, String> withNull = text("0.25", "-1.5", "0.75", "3", "red");
        withNull.put("x1", null);
        assertThat(p.predictText(withNull)).isEqualTo(missing);
        assertThat(p.predictAllText(List.of(text("0.25", "-1.5", "0.75", "3", "red"), text("NA", "-1.5", "0.75", "3", "red"))))
                .containsExactly(typed, missing);

        assertThat(p.csvHeader()).isEqualTo("x1,x2,x3,count,colour");
        assertThat(p.predictCsvLine(" 0.25 ,-1.5,0.75,3,red")).isEqualTo(typed);
        assertThat(p.predictCsvLine("0.25,-1.5,0.75,3,\"red\"")).isEqualTo(typed);
        assertThat(p.predictCsvLine("NA,-1.5,0.75,3,red")).isEqualTo(missing);
        assertThat(p.predictCsvLine(",-1.5,0.75,3,red")).isEqualTo(missing);
        assertThatThrownBy(() -> p.predictCsvLine("0.25,-1.5,3,red")).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("has 4 fields, the model reads 5: x1,x2,x3,count,colour");
        assertThatThrownBy(() -> p.predictCsvLine("0.25,-1.5,0.75,3,\"red")).isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("not a valid CSV line").cause().isInstanceOf(ai.bigdata.core.internal.CsvTokenizer.SyntaxError.class);
    }

    @Test
    void badTextIsRefusedNamingColumnAndValue() {
        assertRefused(() -> p.predictText(text("abc", "-1.5", "0.75", "3", "red")), "x1", "'abc' is not a number");
        assertRefused(() -> p.predictText(text("0.25", "-1.5", "0.75", "3.5", "red")), "count", "'3.5' is not an integer");
        assertRefused(() -> p.predictText(text("inf", "-1.5", "0.75", "3", "red")), "x1", "'inf' is not finite");
        assertRefused(() -> p.predictText(text("-Infinity", "-1.5", "0.75", "3", "red")), "x1", "'-Infinity' is not finite");
        assertRefused(() -> p.predictText(text("1e309", "-1.5", "0.75", "3", "red")), "x1", "'1e309' is a number too large for float64 (largest magnitude 1.7976931348623157E308) for a float64 column");
        assertRefused(() -> p.predictText(text("0.25", "-1.5", "1e39", "3", "red")), "x3", "'1e39' is a number too large for float32");
        assertRefused(() -> p.predictText(text("0.25", "-1.5", "0.75", "3000000000", "red")), "count",
                "3000000000 is outside the range of an int32 column");
        assertRefused(() -> p.predictCsvLine("0.25,-1.5,1e39,3,red"), "x3", "'1e39' is a number too large for float32");
    }

    @Test
    void numbersThatFitTheirColumnExactlyAreAcceptedAndOthersRefused() {
        Prediction typed = p.predict(row(0.25, -1.5, 0.75f, 217, "red"));
        assertThat(p.predict(row(0.25, -1.5, 0.75f, 217.0, "red"))).isEqualTo(typed);
        assertThat(p.predict(row(0.25, -1.5, 0.75f, 217L, "red"))).isEqualTo(typed);
        assertThat(p.predict(row(0.25, -1.5, 0.75f, new java.math.BigDecimal("217.000"), "red"))).isEqualTo(typed);
        assertThat(p.predict(row(0.25f, -1.5f, 0.75, 217, "red"))).isEqualTo(typed);
        assertRefused(() -> p.predict(row(0.25, -1.5, 0.75f, 217.5, "red")), "count", "217.5 is not a whole number");
        // text follows the CSV reader, which reads only whole-number text into an integer column
        assertRefused(() -> p.predictText(text("0.25", "-1.5", "0.75", "217.0", "red")), "count",
                "'217.0' is not an integer for an int32 column");
        assertRefused(() -> p.predict(row(0.25, -1.5, 0.75f, 3_000_000_000L, "red")), "count",
                "3000000000 is outside the range of an int32 column");
        assertRefused(() -> p.predict(row(0.25, -1.5, 0.75f, "217", "red")), "count", "a String (217) is not a value of an int32 column");
    }

    @Test
    void nonFiniteAndOverflowingValuesAreRefusedLikeNaN() {
        assertRefused(() -> p.predict(row(Double.NaN, -1.5, 0.75f, 3, "red")), "x1", "NaN is not a number; give null");
        assertRefused(() -> p.predict(row(Double.POSITIVE_INFINITY, -1.5, 0.75f, 3, "red")), "x1", "Infinity is not finite");
        assertRefused(() -> p.predict(row(0.25, Double.NEGATIVE_INFINITY, 0.75f, 3, "red")), "x2", "-Infinity is not finite");
        assertRefused(() -> p.predict(row(0.25, -1.5, 1e39, 3, "red")), "x3", "1.0E39 overflows a float32 column");
        assertRefused(() -> p.predict(row(0.25, -1.5, Float.POSITIVE_INFINITY, 3, "red")), "x3", "Infinity is not finite");
        assertRefused(() -> p.predict(row(0.25, -1.5, 0.75f, Double.POSITIVE_INFINITY, "red")), "count",
                "Infinity is not a number of an int32 column");
        // finite in float64, but the scaled feature overflows the model's float32 input
        assertRefused(() -> p.predict(row(1e300, -1.5, 0.75f, 3, "red")), "x1", "after the transform");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String column, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidRowException.class).hasMessageContaining(message)
                .hasMessageContaining("'" + column + "'")
                .extracting(e -> ((InvalidRowException) e).column()).isEqualTo(column);
    }
}
