package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our preprocessing agrees with scikit-learn 1.2.1 (StandardScaler, MinMaxScaler, RobustScaler,
 * MaxAbsScaler, SimpleImputer, OneHotEncoder) on olive.csv and gapminder.csv, to 1e-13 relative. The
 * reference values come from src/test/python/sklearn_golden.py (JSON with every digit of each double).
 */
@ExtendWith(ArrowLeakCheck.class)
class PreprocessingGoldenTest {
    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = PreprocessingGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Relative tolerance: the largest difference measured against scikit-learn is 6.1e-15 (the Welford mean
     * of 7,573 gdp values against numpy's pairwise sum); 1e-13 leaves room for summation order, nothing more.
     */
    private static final double TOLERANCE = 1e-13;

    private static void close(double expected, double actual, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    private static Dataset olive() {
        return Dataset.readCsv(SharedData.file("tabular/olive.csv")).read();
    }

    @Test
    void scalersMatchScikitLearnOnOlives() throws IOException {
        JsonNode g = golden("olive.json");
        String[] cols = strings(g.get("columns")).toArray(String[]::new);
        List<Supplier<Scale>> scalers = List.of(Scale::standard, Scale::minMax, Scale::robust, Scale::maxAbs);
        List<String> names = List.of("standard", "minmax", "robust", "maxabs");
        try (Dataset o = olive()) {
            for (int s = 0; s < names.size(); s++) {
                JsonNode ref = g.get("scalers").get(names.get(s));
                AffineTransform t = (AffineTransform) scalers.get(s).get().columns(cols).fit(o);
                for (int c = 0; c < cols.length; c++) {
                    close(ref.get("center").get(c).asDouble(), t.center(cols[c]), names.get(s) + " center of " + cols[c]);
                    close(ref.get("scale").get(c).asDouble(), t.scale(cols[c]), names.get(s) + " scale of " + cols[c]);
                }
                try (Dataset scaled = t.apply(o); Dataset first = scaled.head(25)) {
                    int[] row = {0};
                    String scaler = names.get(s);
                    first.forEachRow(r -> {
                        for (int c = 0; c < cols.length; c++) {
                            close(ref.get("first_rows").get(row[0]).get(c).asDouble(), r.getDouble(cols[c]),
                                    scaler + " row " + row[0] + " " + cols[c]);
                        }
                        row[0]++;
                    });
                }
            }
        }
    }

    @Test
    void oneHotMatchesScikitLearnOnOlives() throws IOException {
        JsonNode g = golden("olive.json").get("onehot");
        try (Dataset o = olive()) {
            OneHotTransform t = (OneHotTransform) Encode.oneHot().columns("region", "area").fit(o);
            assertThat(t.categories("region")).isEqualTo(strings(g.get("categories").get(0)));
            assertThat(t.categories("area")).isEqualTo(strings(g.get("categories").get(1)));
            try (Dataset encoded = t.apply(o)) {
                List<String> outCols = new ArrayList<>();
                for (String c : List.of("region", "area")) {
                    t.categories(c).forEach(cat -> outCols.add(c + "=" + cat));
                }
                double[] sums = new double[outCols.size()];
                List<double[]> rows = new ArrayList<>();
                encoded.forEachRow(r -> {
                    double[] row = new double[outCols.size()];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = r.getDouble(outCols.get(k));
                        sums[k] += row[k];
                    }
                    rows.add(row);
                });
                for (int k = 0; k < sums.length; k++) {
                    assertThat(sums[k]).isEqualTo(g.get("column_sums").get(k).asDouble());
                }
                for (int i = 0; i < 25; i++) {
                    for (int k = 0; k < sums.length; k++) {
                        assertThat(rows.get(i)[k]).isEqualTo(g.get("first_rows").get(i).get(k).asDouble());
                    }
                }
            }
        }
    }

    @Test
    void imputersMatchScikitLearnOnGapminder() throws IOException {
        JsonNode g = golden("gapminder.json");
        String[] cols = strings(g.get("columns")).toArray(String[]::new);
        List<Supplier<Impute>> imputers = List.of(Impute::mean, Impute::median, Impute::mostFrequent);
        List<String> names = List.of("mean", "median", "most_frequent");
        try (Dataset gap = Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).read()) {
            for (int s = 0; s < names.size(); s++) {
                JsonNode ref = g.get("imputers").get(names.get(s));
                ImputeTransform t = (ImputeTransform) imputers.get(s).get().columns(cols).fit(gap);
                // summed exactly here, so that only the imputed values can differ from numpy's sums
                BigDecimal[] exact = new BigDecimal[cols.length];
                Arrays.fill(exact, BigDecimal.ZERO);
                try (Dataset filled = t.apply(gap)) {
                    filled.forEachRow(r -> {
                        for (int c = 0; c < cols.length; c++) {
                            exact[c] = exact[c].add(new BigDecimal(r.getDouble(cols[c])));
                        }
                    });
                }
                double[] sums = Arrays.stream(exact).mapToDouble(BigDecimal::doubleValue).toArray();
                for (int c = 0; c < cols.length; c++) {
                    close(ref.get("statistics").get(c).asDouble(), t.value(cols[c]), names.get(s) + " of " + cols[c]);
                    close(ref.get("column_sums").get(c).asDouble(), sums[c], names.get(s) + " column sum of " + cols[c]);
                }
            }
            AffineTransform std = (AffineTransform) Scale.standard().columns(cols).fit(gap);
            for (int c = 0; c < cols.length; c++) {
                close(g.get("standard_with_missing").get("center").get(c).asDouble(), std.center(cols[c]), "mean of " + cols[c]);
                close(g.get("standard_with_missing").get("scale").get(c).asDouble(), std.scale(cols[c]), "std of " + cols[c]);
            }
        }
    }
}
