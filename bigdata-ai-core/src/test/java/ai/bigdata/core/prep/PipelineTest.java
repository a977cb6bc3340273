package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class PipelineTest {
    /** The mean of gapminder's present gdp values, from scikit-learn's SimpleImputer (golden/gapminder.json). */
    private static final double ALL_GDP_MEAN = 147_954_410_013.23462;

    @TempDir
    Path dir;

    private static Dataset gapminder() {
        return Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).label("continent").read();
    }

    private static List<List<Object>> rows(Dataset d) {
        List<List<Object>> out = new ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (String n : d.schema().names()) {
                Object v = r.get(n);
                row.add(v instanceof float[] ? java.util.Arrays.toString((float[]) v) : v);
            }
            out.add(row);
        });
        return out;
    }

    @Test
    void jsonRoundTripGivesBitIdenticalOutput() {
        Pipeline prep = Pipeline.of(Impute.median().withIndicators(), Scale.standard(),
                Encode.oneHot().columns("region").maxCategories(8), Assemble.into("features"));
        try (Dataset g = gapminder(); Dataset data = g.drop("country");
             Split split = data.split().train(0.8).test(0.2).stratifyBy("continent").seed(1).build()) {
            FittedPipeline fitted = prep.fit(split.train());
            String json = TransformJson.write(fitted);
            Transform loaded = TransformJson.read(json);
            assertThat(TransformJson.write(loaded)).isEqualTo(json);
            try (Dataset a = fitted.apply(split.test()); Dataset b = loaded.apply(split.test())) {
                assertThat(a.schema()).isEqualTo(b.schema());
                // 6 numeric columns, their 6 missing indicators, 8 regions + other
                assertThat(a.schema().column("features").width()).isEqualTo(6 + 6 + 9);
                assertThat(rows(a)).isEqualTo(rows(b));
            }
        }
    }

    @Test
    void applyingToTestDataNeverChangesFittedStatistics() {
        try (Dataset g = gapminder(); Dataset data = g.drop("country");
             Split split = data.split().train(0.5).test(0.5).seed(3).build()) {
            FittedPipeline fitted = Pipeline.of(Impute.mean(), Scale.robust()).fit(split.train());
            String before = TransformJson.write(fitted);
            try (Dataset out = fitted.apply(split.test())) {
                assertThat(out.rowCount()).isEqualTo(split.test().rowCount());
            }
            assertThat(TransformJson.write(fitted)).isEqualTo(before);
            // and the statistics are the training part's, not the whole data's
            ImputeTransform onAll;
            try (Dataset all = data.select("gdp")) {
                onAll = (ImputeTransform) Impute.mean().fit(all);
            }
            ImputeTransform onTrain = (ImputeTransform) fitted.steps().get(0);
            double[] sum = {0};
            long[] present = {0};
            split.train().forEachRow(r -> {
                if (!r.isNull("gdp")) {
                    sum[0] += r.getDouble("gdp");
                    present[0]++;
                }
            });
            double trainMean = sum[0] / present[0];
            assertThat(onTrain.value("gdp")).isCloseTo(trainMean, within(1e-12 * trainMean));
            // the whole data's mean, from scikit-learn (golden/gapminder.json), is another number
            assertThat(onAll.value("gdp")).isCloseTo(ALL_GDP_MEAN, within(1e-12 * ALL_GDP_MEAN));
            assertThat(Math.abs(trainMean - ALL_GDP_MEAN)).isGreaterThan(1e-3 * ALL_GDP_MEAN);
        }
    }

    @Test
    void assembledFeaturesFeedTheBatchBridgeWithoutCopies() {
        try (Dataset o = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset acids = o.drop("region")) {
            Transform t = Pipeline.of(Scale.standard(), Assemble.into("features")).fit(acids);
            try (Dataset ready = t.apply(acids); BatchIterator it = ready.batches().batchSize(64).build()) {
                assertThat(ready.schema().names()).containsExactly("area", "features");
                assertThat(((AssembleTransform) ((FittedPipeline) t).steps().get(1)).slotNames())
                        .containsExactly("palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic",
                                "eicosenoic");
                Batch b = it.next();
                assertThat(b.isView()).isTrue();
                assertThat(b.features().shape()).containsExactly(64, 8);
                // reference: each value standardised here by the column's mean and population standard deviation
                List<double[]> raw = new ArrayList<>();
                String[] names = acids.schema().names().stream().filter(n -> !n.equals("area")).toArray(String[]::new);
                acids.forEachRow(r -> {
                    double[] row = new double[names.length];
                    for (int c = 0; c < names.length; c++) {
                        row[c] = r.getDouble(names[c]);
                    }
                    raw.add(row);
                });
                for (int c = 0; c < names.length; c++) {
                    double mean = 0;
                    for (double[] row : raw) {
                        mean += row[c];
                    }
                    mean /= raw.size();
                    double squares = 0;
                    for (double[] row : raw) {
                        squares += (row[c] - mean) * (row[c] - mean);
                    }
                    double std = Math.sqrt(squares / raw.size());
                    for (int i = 0; i < 64; i++) {
                        float expected = (float) ((raw.get(i)[c] - mean) / std);
                        assertThat(b.features().getFloat(i, c)).as("row %d, %s", i, names[c])
                                .isCloseTo(expected, within(Math.ulp(expected)));
                    }
                }
            }
        }
    }

    @Test
    void categoricalImputationFillsMissingCategories() {
        Schema s = Schema.of(Column.categorical("c", ColumnRole.FEATURE, List.of()));
        try (Dataset d = Dataset.builder(s).add("b").add((Object) null).add("a").add("b").add((Object) null).build()) {
            CategoryImputeTransform frequent = (CategoryImputeTransform) Impute.mostFrequentCategory().fit(d);
            assertThat(frequent.value("c")).isEqualTo("b");
            try (Dataset filled = frequent.apply(d)) {
                assertThat(rows(filled)).containsExactly(List.of("b"), List.of("b"), List.of("a"), List.of("b"), List.of("b"));
            }
            Transform unknown = Impute.constantCategory("unknown", "c").fit(d);
            try (Dataset filled = TransformJson.read(TransformJson.write(unknown)).apply(d)) {
                assertThat(filled.schema().column("c").categories()).containsExactly("b", "a", "unknown");
                assertThat(filled.summary().column("c").missing()).isZero();
                assertThat(rows(filled).get(1)).containsExactly("unknown");
            }
        }
    }

    @Test
    void unknownCategoriesFollowThePolicy() {
        Schema s = Schema.of(Column.categorical("c", ColumnRole.FEATURE, List.of()));
        try (Dataset train = Dataset.builder(s).add("a").add("b").add("b").add("c").build();
             Dataset test = Dataset.builder(s).add("b").add("z").build()) {
            assertThatThrownBy(() -> Encode.oneHot().fit(train).apply(test).close())
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("column 'c'")
                    .hasMessageContaining("category 'z' in row 1");
            try (Dataset ignored = Encode.oneHot().unknown(Unknown.IGNORE).fit(train).apply(test)) {
                assertThat(rows(ignored)).containsExactly(List.of(0f, 1f, 0f), List.of(0f, 0f, 0f));
            }
            try (Dataset other = Encode.oneHot().maxCategories(1).fit(train).apply(test)) {
                assertThat(other.schema().names()).containsExactly("c=b", "c=<other>");
                assertThat(rows(other)).containsExactly(List.of(1f, 0f), List.of(0f, 1f));
            }
            OrdinalTransform ord = (OrdinalTransform) Encode.ordinal().fit(train);
            assertThat(ord.classes("c")).containsExactly("a", "b", "c");
        }
    }

    @Test
    void badInputsGiveTypedErrorsNamingTheColumn() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("k", ColumnType.FLOAT64),
                Column.of("t", ColumnType.TEXT));
        try (Dataset d = Dataset.builder(s).add(1.0, 5.0, "a").add(2.0, 5.0, "b").add(null, 5.0, "c").build();
             Dataset empty = d.head(0)) {
            assertThatThrownBy(() -> Scale.standard().fit(empty)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("empty dataset");
            assertThatThrownBy(() -> Scale.standard().columns("nope").fit(d)).hasMessageContaining("'nope'");
            assertThatThrownBy(() -> Scale.standard().columns("t").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 't'").hasMessageContaining("TEXT");
            assertThatThrownBy(() -> Scale.standard().columns("k").fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 'k'").hasMessageContaining("constant");
            Transform lenient = Scale.standard().columns("k").allowConstant().fit(d);
            try (Dataset out = lenient.apply(d)) {
                out.forEachRow(r -> assertThat(r.getDouble("k")).isEqualTo(0.0));
            }
            Transform onX = Scale.minMax().columns("x").fit(d);
            try (Dataset noX = d.drop("x")) {
                assertThatThrownBy(() -> onX.apply(noX)).hasMessageContaining("column 'x'").hasMessageContaining("no such column");
            }
            try (Dataset scaled = onX.apply(d)) {
                // missing stays missing: never a silent NaN
                assertThat(scaled.summary().column("x").missing()).isEqualTo(1);
            }
            try (Dataset neg = Dataset.builder(s).add(-3.0, 1.0, "a").build()) {
                assertThatThrownBy(() -> Scale.log1p().columns("x").fit(neg).apply(neg).close())
                        .hasMessageContaining("log1p is undefined for -3.0 in row 0");
            }
            assertThatThrownBy(() -> Assemble.into("f").fit(d).apply(d).close()).hasMessageContaining("column 'x'")
                    .hasMessageContaining("row 2 is missing");
        }
    }

    @Test
    void manyChunksAreMappedInParallelInOrderAndAFailureFreesEverything() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(8);
        for (int i = 0; i < 400; i++) {
            b.add((double) i);
        }
        try (Dataset d = b.build()) {
            AffineTransform t = (AffineTransform) Scale.standard().fit(d);
            assertThat(t.center("x")).isEqualTo(199.5);
            try (Dataset out = t.apply(d)) {
                long[] row = {0};
                out.forEachRow(r -> {
                    assertThat(r.getDouble("x")).isEqualTo((row[0] - 199.5) / t.scale("x"));
                    row[0]++;
                });
                assertThat(row[0]).isEqualTo(400);
            }
            Dataset.RowsBuilder bad = Dataset.builder(s).chunkRows(8);
            for (int i = 0; i < 400; i++) {
                bad.add(i == 333 ? -5.0 : (double) i);
            }
            try (Dataset withBad = bad.build()) {
                assertThatThrownBy(() -> Scale.log1p().columns("x").fit(withBad).apply(withBad).close())
                        .isInstanceOf(PreprocessingException.class).hasMessageContaining("log1p is undefined for -5.0 in row 333");
            }
        }
    }
}
