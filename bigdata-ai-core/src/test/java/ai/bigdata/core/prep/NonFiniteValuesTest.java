package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.ForeignArrowFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scalers and imputers never turn data into NaN or infinity silently. */
@ExtendWith(ArrowLeakCheck.class)
class NonFiniteValuesTest {

    @TempDir
    static Path dir;
    private static int files;

    /** A float64 column 'x' in record batches of two rows, written by plain Arrow (see {@link ForeignArrowFiles}). */
    private static Dataset column(Double... values) {
        return Dataset.readArrow(ForeignArrowFiles.float64Column(dir.resolve("x" + (files++) + ".arrow"), "x", 2, values));
    }

    /** Applies and reads every chunk (a transform over a memory-mapped file is lazy: errors surface on reading). */
    private static void applyFully(Transform t, Dataset d) {
        try (Dataset out = t.apply(d); Dataset read = out.materialize()) {
            read.rowCount();
        }
    }

    private static List<Double> values(Dataset d) {
        List<Double> out = new ArrayList<>();
        d.forEachRow(r -> out.add(r.isNull("x") ? null : r.getDouble("x")));
        return out;
    }

    @Test
    void fittingOnAnInfiniteValueNamesColumnAndRow() {
        try (Dataset d = column(1.0, 2.0, Double.POSITIVE_INFINITY, 4.0); Dataset withNull = column(1.0, null, 3.0, Double.NEGATIVE_INFINITY)) {
            for (Preprocessor p : List.of(Scale.standard(), Scale.minMax(), Scale.maxAbs(), Scale.robust(), Impute.mean(), Impute.median(),
                    Impute.mostFrequent())) {
                assertThatThrownBy(() -> p.fit(d)).as(p.toString()).isInstanceOf(PreprocessingException.class)
                        .hasMessageStartingWith("column 'x': cannot fit on the non-finite value Infinity in row 2");
                assertThatThrownBy(() -> p.fit(withNull)).as(p.toString()).isInstanceOf(PreprocessingException.class)
                        .hasMessageStartingWith("column 'x': cannot fit on the non-finite value -Infinity in row 3");
            }
        }
    }

    @Test
    void aNaNDeepInsideALargeBlockIsFoundWhenFittingAndApplying() {
        Double[] values = new Double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 - 3.0;
        }
        Double[] withNaN = values.clone();
        withNaN[13_579] = Double.NaN;
        Path clean = ForeignArrowFiles.float64Column(dir.resolve("clean.arrow"), "x", 10_000, values);
        Path dirty = ForeignArrowFiles.float64Column(dir.resolve("dirty.arrow"), "x", 10_000, withNaN);
        try (Dataset train = Dataset.readArrow(clean); Dataset test = Dataset.readArrow(dirty)) {
            for (Preprocessor p : List.of(Scale.standard(), Scale.minMax(), Impute.mean())) {
                assertThatThrownBy(() -> p.fit(test)).as(p.toString()).isInstanceOf(PreprocessingException.class)
                        .hasMessageStartingWith("column 'x': cannot fit on the non-finite value NaN in row 13579");
                Transform fitted = p.fit(train);
                assertThatThrownBy(() -> applyFully(fitted, test)).as(p.toString()).isInstanceOf(PreprocessingException.class)
                        .hasMessageContaining("cannot take the non-finite value NaN in row 13579");
            }
        }
    }

    @Test
    void applyingToAnInfiniteValueNamesColumnAndRow() {
        try (Dataset train = column(1.0, 2.0, 3.0); Dataset test = column(2.0, Double.NEGATIVE_INFINITY, 1.0);
             Dataset testWithNull = column(null, 2.0, Double.POSITIVE_INFINITY)) {
            assertThatThrownBy(() -> applyFully(Scale.minMax().fit(train), test)).isInstanceOf(PreprocessingException.class)
                    .hasMessageStartingWith("column 'x': min-max scaling of [x] cannot take the non-finite value -Infinity in row 1");
            assertThatThrownBy(() -> applyFully(Scale.maxAbs().fit(train), test)).isInstanceOf(PreprocessingException.class)
                    .hasMessageStartingWith("column 'x': max-abs scaling of [x] cannot take the non-finite value -Infinity in row 1");
            assertThatThrownBy(() -> applyFully(Impute.mean().fit(train), testWithNull)).isInstanceOf(PreprocessingException.class)
                    .hasMessageStartingWith("column 'x': imputation of [x] cannot take the non-finite value Infinity in row 2");
        }
    }

    @Test
    void aRangeThatOverflowsDoubleIsAnErrorNotAColumnOfZeros() {
        try (Dataset d = column(-1e308, 0.0, 1e308)) {
            assertThatThrownBy(() -> Scale.minMax().fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("column 'x': min-max scaling found centre -1.0E308 and scale Infinity (values from -1.0E308 to 1.0E308"
                            + " overflow double arithmetic); rescale the column first");
            assertThatThrownBy(() -> Scale.standard().fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("column 'x': standard scaling found centre 0.0 and scale NaN (values from -1.0E308 to 1.0E308"
                            + " overflow double arithmetic); rescale the column first");
            // max-abs needs no difference: 1e308 is a fine scale
            try (Dataset out = Scale.maxAbs().fit(d).apply(d)) {
                assertThat(values(out)).containsExactly(-1.0, 0.0, 1.0);
            }
        }
    }

    @Test
    void theMedianBetweenHugeValuesOfOppositeSignIsComputedSafely() {
        try (Dataset d = column(-1e308, null, 1e308)) {
            assertThat(Impute.median().fit(d).value("x")).isEqualTo(0.0);
            AffineTransform robust = Scale.robust().allowConstant().fit(d);
            assertThat(robust.center("x")).isEqualTo(0.0);
        }
    }

    @Test
    void aResultThatOverflowsWhenAppliedIsAnError() {
        try (Dataset train = column(0.0, 2e-150); Dataset test = column(1.0, 1e200)) {
            AffineTransform t = Scale.standard().fit(train);
            assertThat(t.scale("x")).isLessThan(1e-149);
            assertThatThrownBy(() -> applyFully(t, test)).isInstanceOf(PreprocessingException.class)
                    .hasMessage("column 'x': standard scaling of [x] turns 1.0E200 in row 1 into Infinity (outside the range of double)");
        }
    }
}
