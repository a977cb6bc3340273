package ai.bigdata.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A partial re-run laid over a saved full run: whole benchmark classes replaced, so no comparison mixes runs. */
class ResultsReportTest {

    @Test
    void aReRunReplacesEveryScoreOfItsClassesAndKeepsTheRest() {
        Map<String, double[]> full = new LinkedHashMap<>();
        full.put("PreprocessingBenchmark.standardScaling", new double[] {500, 40});
        full.put("PreprocessingBenchmark.standardScalingPlainLoopParallel", new double[] {200, 10});
        full.put("PreprocessingBenchmark.oneHot", new double[] {110, 9});
        full.put("EvaluationBenchmark.evaluate[rows=1000000]", new double[] {400, 30});
        ResultsReport base = new ResultsReport(full, Map.of(), "Measured 2026-11-30 on 2 cores; engine: x.");
        Map<String, double[]> again = new LinkedHashMap<>();
        again.put("PreprocessingBenchmark.standardScaling", new double[] {250, 20});
        again.put("PreprocessingBenchmark.standardScalingPlainLoopParallel", new double[] {210, 12});
        ResultsReport merged = new ResultsReport(again, Map.of(), "Measured 2026-12-01 on 2 cores; engine: x.")
                .over(base, "full.json");

        String md = merged.markdown();
        assertThat(md).startsWith("Measured 2026-12-01 on 2 cores; engine: x. Rows of PreprocessingBenchmark were re-measured"
                + " in this run; every other row is from full.json (Measured 2026-11-30 on 2 cores).");
        assertThat(md).contains("| 250.000 ± 20.000 ms | standardScalingPlainLoopParallel: 210.000 ± 12.000 ms | 0.84x");
        // oneHot was not re-run, but its class was: its stale score is dropped rather than mixed in
        assertThat(md).doesNotContain("110.000");
        assertThat(md).contains("400.000 ± 30.000 ms");
    }

    @Test
    void interleavedPairsGiveTheMedianSpeedUpWithAnOrderStatisticInterval() {
        java.util.List<long[]> pairs = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            pairs.add(new long[] {1_000_000L * 100, 1_000_000L * (80 + i)}); // speed-ups 0.81 .. 1.20
        }
        double[] r = PairedComparison.summarise(pairs);
        assertThat(r[0]).isEqualTo(100.0);
        assertThat(r[1]).isEqualTo(100.5);
        assertThat(r[2]).isEqualTo(1.005, org.assertj.core.api.Assertions.within(1e-12));
        // n = 40: ranks 20 -+ 6.2, i.e. the 14th and 27th smallest of 0.81, 0.82, ...
        assertThat(r[3]).isEqualTo(0.94, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r[4]).isEqualTo(1.07, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r[5]).isEqualTo(40);
        PairedComparison c = PairedComparison.ALL.get(0);
        assertThat(c.markdown(r)).contains("| 1.01x (0.94-1.07), 40 pairs |").endsWith("| met |");
    }

    @Test
    void interleavedResultsSurviveASavedRunAndAReRunOverIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        PairedComparison c = PairedComparison.ALL.get(0);
        Map<String, double[]> paired = new LinkedHashMap<>();
        paired.put(c.key(), new double[] {400, 380, 0.95, 0.9, 1.0, 40});
        ResultsReport saved = new ResultsReport(new LinkedHashMap<>(), Map.of(), "Measured x; y.", paired);
        saved.write(dir, "run", false);
        ResultsReport back = ResultsReport.read(dir.resolve("run.json"));
        assertThat(back.markdown()).contains("| 0.95x (0.90-1.00), 40 pairs |").contains("| met |");
        Map<String, double[]> again = new LinkedHashMap<>();
        again.put("EvaluationBenchmark.evaluate[rows=1000000]", new double[] {500, 10});
        String merged = new ResultsReport(again, Map.of(), "Measured z; w.").over(back, "run.json").markdown();
        // the re-run measured EvaluationBenchmark, so the saved interleaved row of that class is dropped with it
        assertThat(merged).doesNotContain("40 pairs");
    }

    @Test
    void reportedFiguresHaveNoTimeUnitAndAClassWithoutItsDataIsMissing() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("SparkAlsBenchmark.oursFit", new double[] {400, 20});
        scores.put("SparkAlsBenchmark.sparkFit", new double[] {4000, 200});
        scores.put("SparkAlsBenchmark.oursFit:rmse", new double[] {0.8869, Double.NaN});
        scores.put("SparkAlsBenchmark.sparkFit:rmse", new double[] {0.9128, Double.NaN});
        scores.put("SparkAlsBenchmark.oursFit:rows", new double[] {19253, Double.NaN});
        scores.put("SparkAlsBenchmark.sparkFit:rows", new double[] {19253, Double.NaN});
        String md = new ResultsReport(scores, Map.of("AllUsersTopKBenchmark", "movielens-small/ratings.csv is not in /x"),
                "Measured x; y.").markdown();
        assertThat(md).contains("| 400.000 ± 20.000 ms | sparkFit: 4000.000 ± 200.000 ms | 10.00x (9.05-11.05) |");
        assertThat(md).contains("| 0.8869 ± ? | sparkFit:rmse: 0.9128 ± ? | 1.03x (no interval) |");
        assertThat(md).contains("| 19253 ± ? | sparkFit:rows: 19253 ± ? | 1.00x (no interval) |");
        assertThat(md).contains("AllUsersTopKBenchmark.ours: MISSING (movielens-small/ratings.csv is not in /x)");
        assertThat(ScoreKey.parse("SparkAlsBenchmark.oursFit:rmse").isTime()).isFalse();
        assertThat(ScoreKey.parse("InferenceBenchmark.cnnSingleImage[threads=1]:p99").isTime()).isTrue();
    }
}
