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
}
