package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fitted pipelines: failure paths, readable descriptions, typed access, identity and user transforms. */
@ExtendWith(ArrowLeakCheck.class)
class FittedPipelineTest {

    private static Dataset small() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.categorical("c", ColumnRole.FEATURE, List.of()),
                Column.of("y", ColumnType.FLOAT64, ColumnRole.LABEL));
        return Dataset.builder(s).chunkRows(2)
                .add(1.0, "a", 0.0).add(null, "b", 1.0).add(3.0, null, 0.0).add(4.0, "b", 1.0).add(7.0, "a", 1.0).build();
    }

    private static List<List<Object>> rows(Dataset d) {
        List<List<Object>> out = new ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (String n : d.schema().names()) {
                Object v = r.get(n);
                row.add(v instanceof float[] ? Arrays.toString((float[]) v) : v);
            }
            out.add(row);
        });
        return out;
    }

    /** A step that accepts any schema and fails when applied. */
    private static final Transform FAILING = new Transform() {
        @Override
        public Schema outputSchema(Schema input) {
            return input;
        }

        @Override
        public Dataset apply(Dataset data) {
            throw new PreprocessingException("x", "step 2 fails on purpose");
        }

        @Override
        public String kind() {
            return "failing";
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of();
        }
    };

    @Test
    void aStepFailingAtPositionTwoOfThreeLeavesNoIntermediateBehind() {
        try (Dataset d = small()) {
            Transform impute = Impute.mean().fit(d);
            FittedPipeline p = new FittedPipeline(List.of(impute, FAILING, IdentityTransform.INSTANCE));
            long before = Memory.allocatedBytes();
            assertThatThrownBy(() -> p.apply(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("column 'x': step 2 fails on purpose");
            // the imputed dataset made by step 1 is closed again
            assertThat(Memory.allocatedBytes()).isEqualTo(before);
        }
    }

    @Test
    void aFittedPipelineDescribesEveryStepInWords() {
        try (Dataset d = small()) {
            FittedPipeline p = Pipeline.of(Impute.median().withIndicators(), Impute.mostFrequentCategory(), Scale.standard(),
                    Encode.oneHot(), Assemble.into("features")).fit(d);
            assertThat(p.toString()).isEqualTo("FittedPipeline[imputation of [x] with missing indicators, "
                    + "category imputation of [c], standard scaling of [x], one-hot encoding of [c], "
                    + "assembling [x, c=a, c=b, x_missing] into 'features']");
            assertThat(TransformJson.read(TransformJson.write(p)).toString()).isEqualTo(p.toString());
        }
    }

    @Test
    void fittedValuesAreReadThroughTypedAccessorsWithoutCasts() {
        try (Dataset d = small()) {
            AffineTransform standard = Scale.standard().columns("x").fit(d);
            // x present: 1, 3, 4, 7: mean 3.75, population variance (7.5625 + 0.5625 + 0.0625 + 10.5625) / 4
            assertThat(standard.centers()).containsExactly(Map.entry("x", 3.75));
            assertThat(standard.scales()).containsExactly(Map.entry("x", Math.sqrt(18.75 / 4)));
            // the label is not a feature, so not scaled by default
            assertThat(Scale.minMax().fit(d).centers()).containsExactly(Map.entry("x", 1.0));
            assertThat(Impute.median().columns("x").fit(d).values()).containsExactly(Map.entry("x", 3.5));
            // a and b twice each: ties go to the first by name
            assertThat(Impute.mostFrequentCategory().fit(d).values()).containsExactly(Map.entry("c", "a"));
            assertThat(Bucketize.edges(2, 5).columns("x").fit(d).cuts("x")).containsExactly(2, 5);
            try (Dataset filled = Impute.mostFrequentCategory().fit(d).apply(d)) {
                assertThat(Encode.oneHot().fit(filled).categories("c")).containsExactly("a", "b");
                assertThat(Encode.ordinal().fit(filled).categories("c")).containsExactly("a", "b");
            }
            assertThat(Clean.clipZScore(3).columns("x").fit(d).bounds("x")[0]).isEqualTo(3.75 - 3 * Math.sqrt(18.75 / 4));

            FittedPipeline p = Pipeline.of(Impute.mean().columns("x"), Scale.maxAbs().columns("x")).fit(d);
            assertThat(p.step(0, ImputeTransform.class).value("x")).isEqualTo(3.75);
            assertThat(p.step(1, AffineTransform.class).scale("x")).isEqualTo(7.0);
            assertThatThrownBy(() -> p.step(1, ImputeTransform.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("step 1 is a AffineTransform (max-abs scaling of [x]), not a ImputeTransform");
        }
    }

    @Test
    void categoryImputationTakesColumnsAndIndicatorsLikeNumericImputation() {
        try (Dataset d = small()) {
            CategoryImputeTransform t = Impute.mostFrequentCategory().columns("c").withIndicators().fit(d);
            CategoryImputeTransform loaded = (CategoryImputeTransform) TransformJson.read(TransformJson.write(t));
            for (CategoryImputeTransform each : List.of(t, loaded)) {
                try (Dataset out = each.apply(d)) {
                    assertThat(out.schema().names()).containsExactly("x", "c", "y", "c_missing");
                    assertThat(out.schema().column("c_missing").type()).isEqualTo(ColumnType.BOOLEAN);
                    List<Object> c = new ArrayList<>();
                    List<Object> missing = new ArrayList<>();
                    out.forEachRow(r -> {
                        c.add(r.get("c"));
                        missing.add(r.get("c_missing"));
                    });
                    assertThat(c).containsExactly("a", "b", "a", "b", "a");
                    assertThat(missing).containsExactly(false, false, true, false, false);
                }
            }
            assertThat(Impute.constantCategory("none").withIndicators().fit(d).toString())
                    .isEqualTo("category imputation of [c] with missing indicators");
            assertThatThrownBy(() -> Impute.mostFrequentCategory().columns("x").fit(d))
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("column 'x'");
        }
    }

    @Test
    void theIdentityPreprocessorChangesNothingAndSavesLikeAnyStep() {
        try (Dataset d = small()) {
            Transform id = Preprocessor.identity().fit(d);
            Transform loaded = TransformJson.read(TransformJson.write(Pipeline.of(Preprocessor.identity()).fit(d)));
            assertThat(loaded.toString()).isEqualTo("FittedPipeline[identity]");
            try (Dataset a = id.apply(d); Dataset b = loaded.apply(d)) {
                assertThat(a.schema()).isEqualTo(d.schema());
                assertThat(rows(a)).isEqualTo(rows(d));
                assertThat(rows(b)).isEqualTo(rows(d));
            }
        }
    }

    @Test
    void userTransformsFoundThroughServiceLoaderGoIntoSavedPipelines() {
        try (Dataset d = small()) {
            FittedPipeline p = new FittedPipeline(List.of(Scale.standard().columns("x").fit(d), new TaggedTransform("x", "v2")));
            String json = TransformJson.write(p);
            FittedPipeline loaded = (FittedPipeline) TransformJson.read(json);
            assertThat(loaded.step(1, TaggedTransform.class).tag()).isEqualTo("v2");
            assertThat(TransformJson.write(loaded)).isEqualTo(json);
            try (Dataset a = p.apply(d); Dataset b = loaded.apply(d)) {
                assertThat(b.schema().names()).containsExactly("x");
                assertThat(rows(b)).isEqualTo(rows(a));
            }
            String unknown = json.replace("test-tagged", "nobody-knows");
            assertThatThrownBy(() -> TransformJson.read(unknown)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown transform kind 'nobody-knows'")
                    .hasMessageContaining("from TransformKind services, [test-tagged]")
                    .hasMessageContaining("META-INF/services/ai.bigdata.core.prep.TransformKind");
        }
    }
}
