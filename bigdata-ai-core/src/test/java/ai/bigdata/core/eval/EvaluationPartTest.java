package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An evaluation split into parts (as Spark partitions would compute them), merged, reports what one
 * evaluation over all rows reports; parts travel as bytes that refuse damage.
 */
@ExtendWith(ArrowLeakCheck.class)
class EvaluationPartTest {
    /** Three parts of the rows by their first feature, and an empty one. */
    private static final List<Predicate<ai.bigdata.core.data.Row>> PARTS = List.of(
            r -> r.getDouble("f0") < -0.5, r -> r.getDouble("f0") >= -0.5 && r.getDouble("f0") < 0.5, r -> r.getDouble("f0") >= 0.5,
            r -> r.getDouble("f0") > 100);

    private static EvaluationPart mergedParts(Evaluator<?> evaluator, ai.bigdata.core.model.Model model, Dataset data, boolean viaBytes) {
        List<EvaluationPart> parts = new ArrayList<>();
        for (Predicate<ai.bigdata.core.data.Row> p : PARTS) {
            try (Dataset part = data.filter(p)) {
                EvaluationPart e = evaluator.partial(model, part);
                parts.add(viaBytes ? EvaluationPart.fromBytes(e.toBytes()) : e);
            }
        }
        assertThat(parts.get(3).rows()).isZero();
        return EvaluationPart.merge(parts);
    }

    @Test
    void mergedClassificationPartsReportWhatOneEvaluationReports() {
        for (List<String> classes : List.of(List.of("no", "yes"), List.of("a", "b", "c", "d"))) {
            try (Dataset d = EvaluatorStreamingTest.data(5000, classes, 3)) {
                EvaluatorStreamingTest.LinearModel model = EvaluatorStreamingTest.LinearModel.of(d, 'c');
                ClassificationReport whole = Evaluator.classification().evaluate(model, d);
                for (boolean viaBytes : new boolean[] {false, true}) {
                    EvaluationPart merged = mergedParts(Evaluator.classification(), model, d, viaBytes);
                    assertThat(merged.rows()).isEqualTo(5000);
                    ClassificationReport r = (ClassificationReport) merged.report();
                    assertThat(r.confusionMatrix()).isEqualTo(whole.confusionMatrix());
                    Map<String, Double> m = r.metrics();
                    whole.metrics().forEach((name, v) -> {
                        if (name.equals("log_loss")) {
                            assertThat(m.get(name)).as(name).isCloseTo(v, within(1e-12 * Math.abs(v)));
                        } else {
                            assertThat(m.get(name)).as(classes + " " + name).isEqualTo(v);
                        }
                    });
                }
                ClassificationReport noCurves = (ClassificationReport) mergedParts(Evaluator.classification().withoutCurves(), model, d, true)
                        .report();
                assertThat(noCurves.hasCurves()).isFalse();
                assertThat(noCurves.accuracy()).isEqualTo(whole.accuracy());
            }
        }
    }

    @Test
    void mergedRegressionPartsReportWhatOneEvaluationReports() {
        try (Dataset d = EvaluatorStreamingTest.data(5000, null, 4)) {
            EvaluatorStreamingTest.LinearModel model = EvaluatorStreamingTest.LinearModel.of(d, 'c');
            RegressionReport whole = Evaluator.regression().evaluate(model, d);
            for (boolean viaBytes : new boolean[] {false, true}) {
                RegressionReport r = (RegressionReport) mergedParts(Evaluator.regression(), model, d, viaBytes).report();
                assertThat(r.rows()).isEqualTo(5000);
                whole.metrics().forEach((name, v) -> assertThat(r.metrics().get(name)).as(name).isCloseTo(v, within(1e-12 * Math.max(1, Math.abs(v)))));
            }
        }
    }

    @Test
    void partsOfDifferentEvaluationsDoNotMerge() {
        try (Dataset two = EvaluatorStreamingTest.data(300, List.of("no", "yes"), 5); Dataset four = EvaluatorStreamingTest.data(300, List.of("a", "b", "c", "d"), 5);
                Dataset reg = EvaluatorStreamingTest.data(300, null, 5)) {
            EvaluationPart a = Evaluator.classification().partial(EvaluatorStreamingTest.LinearModel.of(two, 'c'), two);
            EvaluationPart b = Evaluator.classification().partial(EvaluatorStreamingTest.LinearModel.of(four, 'c'), four);
            EvaluationPart c = Evaluator.regression().partial(EvaluatorStreamingTest.LinearModel.of(reg, 'c'), reg);
            EvaluationPart noCurves = Evaluator.classification().withoutCurves().partial(EvaluatorStreamingTest.LinearModel.of(two, 'c'), two);
            assertThatThrownBy(() -> EvaluationPart.merge(List.of(a, b))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a, b, c, d]");
            assertThatThrownBy(() -> EvaluationPart.merge(List.of(a, c))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regression");
            assertThatThrownBy(() -> EvaluationPart.merge(List.of(a, noCurves))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("curves");
            assertThatThrownBy(() -> EvaluationPart.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void damagedBytesAreRefusedWithTheReason() {
        try (Dataset d = EvaluatorStreamingTest.data(400, List.of("a", "b", "c"), 6)) {
            byte[] bytes = Evaluator.classification().partial(EvaluatorStreamingTest.LinearModel.of(d, 'c'), d).toBytes();
            for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 300)) {
                byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
                assertThatThrownBy(() -> EvaluationPart.fromBytes(shorter)).as("cut at " + cut).isInstanceOf(IllegalArgumentException.class);
            }
            Random rnd = new Random(1);
            for (int i = 0; i < 300; i++) {
                byte[] altered = bytes.clone();
                int at = rnd.nextInt(altered.length);
                altered[at] ^= (byte) (1 + rnd.nextInt(255));
                assertThatThrownBy(() -> EvaluationPart.fromBytes(altered)).as("byte " + at).isInstanceOf(IllegalArgumentException.class);
            }
            // a forged part with a good checksum but a row count its counters do not add up to
            byte[] forged = bytes.clone();
            int rowsAt = 8 + 4 + 1 + 4 + 3 * 3; // magic, version, kind, class count, three one-letter names
            forged[rowsAt + 3] ^= 1;
            CRC32 crc = new CRC32();
            crc.update(forged, 0, forged.length - 8);
            for (int i = 0; i < 8; i++) {
                forged[forged.length - 8 + i] = (byte) (crc.getValue() >>> (56 - 8 * i));
            }
            assertThatThrownBy(() -> EvaluationPart.fromBytes(forged)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inconsistent");
            assertThatThrownBy(() -> EvaluationPart.fromBytes("not a part at all, just text".getBytes())).hasMessageContaining("BDAIEVAL");
        }
    }
}
