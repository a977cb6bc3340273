package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.JsonDifference;
import ai.bigdata.core.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fitting from partial statistics of parts of olive gives the local fit's transform. */
@ExtendWith(ArrowLeakCheck.class)
class PartialFittingTest {
    /** Relative tolerance where Chan's merge sums in another order than one pass does. */
    static final double TOLERANCE = 1e-12;

    /** Olive, label area, region dropped, with holes in every numeric column (none in the label). */
    static Dataset oliveWithHoles() {
        try (Dataset read = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = read.drop("region")) {
            Schema s = olive.schema();
            Dataset.RowsBuilder b = Dataset.builder(s);
            long[] row = {0};
            olive.forEachRow(r -> {
                Object[] values = new Object[s.size()];
                for (int c = 0; c < s.size(); c++) {
                    Column col = s.column(c);
                    boolean hole = col.type() != ColumnType.CATEGORICAL && (row[0] * 7 + c) % 13 == 0;
                    values[c] = hole ? null : r.get(col.name());
                }
                b.add(values);
                row[0]++;
            });
            return b.build();
        }
    }

    /** {@code data} cut into {@code k} consecutive parts of nearly equal size (the caller closes them). */
    static List<Dataset> parts(Dataset data, int k) {
        List<Object[]> rows = new ArrayList<>();
        Schema s = data.schema();
        data.forEachRow(r -> {
            Object[] values = new Object[s.size()];
            for (int c = 0; c < s.size(); c++) {
                values[c] = r.get(s.column(c).name());
            }
            rows.add(values);
        });
        List<Dataset> out = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            Dataset.RowsBuilder b = Dataset.builder(s);
            for (int i = p * rows.size() / k; i < (p + 1) * rows.size() / k; i++) {
                b.add(rows.get(i));
            }
            out.add(b.build());
        }
        return out;
    }

    static void closeAll(List<Dataset> parts) {
        parts.forEach(Dataset::close);
    }

    static double jsonDifference(String expected, String actual) {
        return JsonDifference.largestRelative(expected, actual);
    }

    static Pipeline imputeScaleOneHot() {
        return Pipeline.of(Impute.mean(), Impute.mostFrequentCategory("area"), Scale.standard(), Encode.oneHot().columns("area"));
    }

    @Test
    void onePartIsBitForBitTheLocalFit() {
        try (Dataset olive = oliveWithHoles()) {
            String local = TransformJson.write(imputeScaleOneHot().fit(olive));
            assertThat(TransformJson.write(PartialFitting.fit(imputeScaleOneHot(), List.of(olive)))).isEqualTo(local);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void meanImputeStandardScalingAndOneHotEqualTheLocalFitTo1e12(int k) {
        try (Dataset olive = oliveWithHoles()) {
            String local = TransformJson.write(imputeScaleOneHot().fit(olive));
            List<Dataset> parts = parts(olive, k);
            try {
                String partial = TransformJson.write(PartialFitting.fit(imputeScaleOneHot(), parts));
                double diff = jsonDifference(local, partial);
                System.out.printf("olive in %d parts: impute + standard + one-hot, largest relative difference %.3g%n", k, diff);
                assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
            } finally {
                closeAll(parts);
            }
        }
    }

    /** Steps whose statistics are exact (extremes, kept values, counts) give the same JSON text. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void exactStatisticsGiveTheLocalJsonExactly(int k) {
        Pipeline exact = Pipeline.of(Impute.median().withIndicators(), Impute.mostFrequent().columns("palmitic"),
                Scale.robust(), Scale.minMax(), Scale.maxAbs(), Scale.log1p(),
                Impute.constantCategory("none", "area"), Encode.ordinal().columns("area"));
        Pipeline capped = Pipeline.of(Impute.constant(0), Encode.oneHot().columns("area").maxCategories(4));
        try (Dataset olive = oliveWithHoles()) {
            List<Dataset> parts = parts(olive, k);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(exact, parts))).isEqualTo(TransformJson.write(exact.fit(olive)));
                assertThat(TransformJson.write(PartialFitting.fit(capped, parts))).isEqualTo(TransformJson.write(capped.fit(olive)));
            } finally {
                closeAll(parts);
            }
        }
    }

    /** A sketch that never compacts (k above the row count) merges to the local sketch fit's quantiles. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void uncompactedSketchesEqualTheLocalSketchFit(int k) {
        Pipeline sketched = Pipeline.of(Impute.median().sketch(1024), Scale.robust().sketch(1024));
        try (Dataset olive = oliveWithHoles()) {
            List<Dataset> parts = parts(olive, k);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(sketched, parts))).isEqualTo(TransformJson.write(sketched.fit(olive)));
            } finally {
                closeAll(parts);
            }
        }
    }

    /** States sent through Java serialization (as a cluster ships them) merge to the same transform. */
    @Test
    void serialisedStatesMergeToTheSameTransform() {
        Pipeline p = Pipeline.of(Impute.median(), Scale.robust().sketch(), Scale.standard(), Impute.mostFrequentCategory("area"),
                Encode.oneHot().columns("area"));
        try (Dataset olive = oliveWithHoles()) {
            List<Dataset> parts = parts(olive, 3);
            try {
                PartialFitting.Passes shipped = new PartialFitting.Passes() {
                    @Override
                    public <S extends Serializable> S gather(PartialFit<S> fit, S empty, Transform before) {
                        S total = copy(empty);
                        for (Dataset part : parts) {
                            try (Dataset prepared = before.apply(part)) {
                                total = fit.merge(total, copy(fit.accumulate(copy(empty), prepared)));
                            }
                        }
                        return copy(total);
                    }
                };
                PartialFitting.Passes inMemory = new PartialFitting.Passes() {
                    @Override
                    public <S extends Serializable> S gather(PartialFit<S> fit, S empty, Transform before) {
                        S total = empty;
                        for (Dataset part : parts) {
                            try (Dataset prepared = before.apply(part)) {
                                total = fit.merge(total, fit.accumulate(fit.newState(prepared.schema()), prepared));
                            }
                        }
                        return total;
                    }
                };
                // the same sketch seeds are not guaranteed, so compare the exact steps and the sketch's presence
                FittedPipeline a = (FittedPipeline) PartialFitting.fit(p, olive.schema(), shipped);
                FittedPipeline b = (FittedPipeline) PartialFitting.fit(p, olive.schema(), inMemory);
                assertThat(TransformJson.write(a.steps().get(0))).isEqualTo(TransformJson.write(b.steps().get(0)));
                assertThat(TransformJson.write(a.steps().get(3))).isEqualTo(TransformJson.write(b.steps().get(3)));
                assertThat(TransformJson.write(a.steps().get(4))).isEqualTo(TransformJson.write(b.steps().get(4)));
                assertThat(jsonDifference(TransformJson.write(a.steps().get(1)), TransformJson.write(b.steps().get(1)))).isLessThan(0.2);
                assertThat(jsonDifference(TransformJson.write(a.steps().get(2)), TransformJson.write(b.steps().get(2))))
                        .isLessThan(0.2);
            } finally {
                closeAll(parts);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <S extends Serializable> S copy(S state) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(state);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (S) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Quantile cut points from the parts' kept values are the local fit's exactly; fixed ones need nothing but rows. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void bucketizeFitsFromPartsAsLocally(int k) {
        Pipeline buckets = Pipeline.of(Bucketize.quantiles(5).columns("palmitic", "oleic"), Bucketize.edges(0, 1000).columns("linoleic"));
        try (Dataset olive = oliveWithHoles()) {
            String local = TransformJson.write(buckets.fit(olive));
            List<Dataset> parts = parts(olive, k);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(buckets, parts))).isEqualTo(local);
                // sketched quantiles merge as sketches: close to the exact cut points
                BucketTransform sketched = (BucketTransform) PartialFitting.fit(Bucketize.quantiles(4).sketch().columns("oleic"), parts);
                BucketTransform exact = Bucketize.quantiles(4).columns("oleic").fit(olive);
                double[] s = sketched.cuts("oleic");
                double[] e = exact.cuts("oleic");
                for (int i = 0; i < e.length; i++) {
                    assertThat(s[i]).isCloseTo(e[i], within(0.05 * Math.abs(e[i])));
                }
            } finally {
                closeAll(parts);
            }
        }
    }

    /**
     * The cleaning steps but duplicate dropping: rules and missing counts exact, IQR fences exact, z-score
     * fences to 1e-12; hashing and assembly, which depend on the schema alone, exact.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7})
    void cleaningStepsFitFromPartsAsFromTheWhole(int k) {
        // palmitic outside [800, 1500] becomes missing, which pushes its share of missing values over 10 %
        Pipeline exact = Pipeline.of(Clean.invalidOutside("palmitic", 800, 1500), Clean.dropRowsMissingMoreThan(0.2),
                Clean.dropColumnsMissingMoreThan(0.1), Clean.clipIqr(1.5));
        Pipeline moments = Pipeline.of(Clean.clipZScore(2).columns("oleic", "linoleic"), Scale.standard());
        try (Dataset olive = oliveWithHoles()) {
            FittedPipeline local = (FittedPipeline) exact.fit(olive);
            assertThat(((DropColumnsTransform) local.steps().get(2)).parameters().toString()).as("the fraction drops palmitic only")
                    .contains("palmitic").doesNotContain("oleic");
            List<Dataset> parts = parts(olive, k);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(exact, parts))).isEqualTo(TransformJson.write(local));
                Pipeline schemaOnly = Pipeline.of(Encode.hashing(4, "area"), Impute.median(), Assemble.into("features"));
                assertThat(TransformJson.write(PartialFitting.fit(schemaOnly, parts))).isEqualTo(TransformJson.write(schemaOnly.fit(olive)));
                double diff = jsonDifference(TransformJson.write(moments.fit(olive)), TransformJson.write(PartialFitting.fit(moments, parts)));
                assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
            } finally {
                closeAll(parts);
            }
        }
    }

    @Test
    void infiniteBoundsSurviveJsonAndFitsFromParts() {
        Pipeline p = Pipeline.of(Clean.invalidOutside("stearic", 200, Double.POSITIVE_INFINITY),
                Bucketize.edges(Double.NEGATIVE_INFINITY, 7000, Double.POSITIVE_INFINITY).columns("oleic"));
        try (Dataset olive = oliveWithHoles()) {
            Transform local = p.fit(olive);
            String json = TransformJson.write(local);
            Transform back = TransformJson.read(json);
            try (Dataset a = local.apply(olive); Dataset b = back.apply(olive)) {
                assertThat(a.summary().toString()).isEqualTo(b.summary().toString());
            }
            List<Dataset> parts = parts(olive, 3);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(p, parts))).isEqualTo(json);
            } finally {
                closeAll(parts);
            }
        }
    }

    @Test
    void duplicateDroppingIsTheOnlyStepThatIsNotRowByRow() {
        try (Dataset olive = oliveWithHoles()) {
            assertThat(Clean.dropDuplicates().fit(olive).rowByRow()).isFalse();
            Transform withDedupe = Pipeline.of(Impute.mean(), Clean.dropDuplicates("oleic")).fit(olive);
            assertThat(withDedupe.rowByRow()).isFalse();
            // left out, the rest of the pipeline stays as it was
            assertThat(TransformJson.write(withDedupe.withoutCrossRowSteps()))
                    .isEqualTo(TransformJson.write(Pipeline.of(Impute.mean()).fit(olive)));
            assertThat(Clean.dropDuplicates().fit(olive).withoutCrossRowSteps().rowByRow()).isTrue();
            assertThat(Pipeline.of(Clean.dropRowsMissingMoreThan(0.5), Clean.clipIqr(1.5), Impute.mean(), Scale.standard()).fit(olive)
                    .rowByRow()).isTrue();
        }
    }

    @Test
    void aStepWithoutPartialStatisticsIsATypedErrorNamingIt() {
        try (Dataset olive = oliveWithHoles()) {
            Pipeline p = Pipeline.of(Impute.mean(), Pipeline.of(Scale.standard(), Clean.dropDuplicates()));
            assertThatThrownBy(() -> PartialFitting.fit(p, List.of(olive)))
                    .isInstanceOf(PartialFitUnsupportedException.class)
                    .hasMessageContaining("cannot be fitted from partial statistics");
            try (Dataset fewer = olive.drop("oleic")) {
                assertThatThrownBy(() -> PartialFitting.fit(Clean.dropRowsMissingMoreThan(0.5), List.of(olive, fewer)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("part 1 has schema");
            }
            assertThatThrownBy(() -> PartialFitting.fit(Clean.dropDuplicates(), List.of(olive)))
                    .isInstanceOf(PartialFitUnsupportedException.class)
                    .hasMessageContaining("a preprocessor made by Clean");
        }
    }

    @Test
    void noRowsInAnyPartFailsAsTheLocalFitDoes() {
        try (Dataset olive = oliveWithHoles(); Dataset none = olive.head(0)) {
            assertThatThrownBy(() -> Scale.standard().fit(none)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("standard scaling cannot be fitted on an empty dataset");
            assertThatThrownBy(() -> PartialFitting.fit(Scale.standard(), List.of(none, none)))
                    .isInstanceOf(PreprocessingException.class)
                    .hasMessage("standard scaling cannot be fitted on an empty dataset");
        }
    }

    @Test
    void nestedPipelinesKeepTheirShape() {
        Pipeline p = Pipeline.of(Impute.median(), Pipeline.of(Scale.minMax(), Encode.ordinal().columns("area")));
        try (Dataset olive = oliveWithHoles()) {
            List<Dataset> parts = parts(olive, 2);
            try {
                assertThat(TransformJson.write(PartialFitting.fit(p, parts))).isEqualTo(TransformJson.write(p.fit(olive)));
            } finally {
                closeAll(parts);
            }
        }
    }
}
