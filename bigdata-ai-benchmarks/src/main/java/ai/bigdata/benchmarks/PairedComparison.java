package ai.bigdata.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison measured by interleaving: both benchmark methods of one JMH state class run alternately in
 * the same JVM (ABBA rounds, {@link PairedRun}), in several forked JVMs, and each call pair gives one
 * speed-up (baseline time / our time). On a machine whose speed drifts (a shared VM), pairs taken side by
 * side cancel the drift that separate JMH runs of the two methods cannot; the row reports the median
 * speed-up with a distribution-free 95% interval of that median (order statistics), next to the JMH row
 * of the same two methods.
 */
record PairedComparison(String what, Class<?> state, String ours, String baseline, String goal, double atLeast) {

    /** The comparisons that are also measured interleaved (those whose goals sit near this VM's noise). */
    static final List<PairedComparison> ALL = List.of(
            new PairedComparison("classification report of 1M mapped rows vs Model.output (interleaved pairs)",
                    ai.bigdata.benchmarks.eval.EvaluationBenchmark.class, "evaluate", "modelOutput",
                    "<= 1.2x Model.output's time (>= 0.83x)", 0.83),
            new PairedComparison("MLP epoch streamed from a mapped file (filter + scaling) vs in memory (interleaved pairs)",
                    ai.bigdata.benchmarks.train.StreamedTrainingBenchmark.class, "streamedEpoch", "inMemoryEpoch",
                    ">= 0.8x the in-memory speed", 0.8),
            new PairedComparison("standard scaling fit + apply vs the parallel plain loop (interleaved pairs)",
                    ai.bigdata.benchmarks.prep.PreprocessingBenchmark.class, "standardScaling",
                    "standardScalingPlainLoopParallel", "within 2x of a plain loop (>= 0.5x)", 0.5),
            new PairedComparison("top-10 for all 671 MovieLens users: implicit ALS topKForUsers vs ND4J product + per-row sort,"
                    + " 1 thread each (interleaved pairs)", ai.bigdata.benchmarks.recsys.AllUsersTopKBenchmark.class, "ours",
                    "productSort", "at least the baseline's users/s (>= 1x)", 1.0));

    /** The score key under which the result is kept: {@code Class.ours/baseline:paired}. */
    String key() {
        return state.getSimpleName() + "." + ours + "/" + baseline + ":paired";
    }

    /**
     * Runs {@code forks} child JVMs of {@code rounds} ABBA rounds each (after {@code warmup} rounds; the
     * state's parameters at their first values unless {@code name=value} overrides say otherwise) and
     * returns {median ours ms, median baseline ms, median speed-up, low, high, pairs}.
     */
    double[] measure(int forks, int warmup, int rounds, Duration timeout, List<String> paramOverrides) throws IOException {
        List<long[]> pairs = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int f = 0; f < forks; f++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), PairedRun.class.getName(), state.getName(), ours, baseline,
                    Integer.toString(warmup), Integer.toString(rounds)));
            cmd.addAll(paramOverrides);
            String out = PythonPeers.runProcess(cmd, Map.of(), timeout);
            out.lines().filter(l -> l.startsWith("pair ")).forEach(l -> {
                String[] p = l.split(" ");
                pairs.add(new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
            });
        }
        return summarise(pairs);
    }

    /** {median ours ms, median baseline ms, median speed-up, low, high, pairs} of the pairs (ours ns, baseline ns). */
    static double[] summarise(List<long[]> pairs) {
        int n = pairs.size();
        if (n == 0) {
            throw new IllegalArgumentException("no pairs were measured");
        }
        double[] ratio = pairs.stream().mapToDouble(p -> (double) p[1] / p[0]).sorted().toArray();
        double[] ours = pairs.stream().mapToDouble(p -> p[0] / 1e6).sorted().toArray();
        double[] base = pairs.stream().mapToDouble(p -> p[1] / 1e6).sorted().toArray();
        // the median's 95% interval: order statistics n/2 -+ 1.96 sqrt(n)/2 (binomial, normal approximation)
        double half = 1.96 * Math.sqrt(n) / 2;
        int lo = (int) Math.max(0, Math.floor(n / 2.0 - half));
        int hi = (int) Math.min(n - 1, Math.ceil(n / 2.0 + half) - 1);
        boolean interval = n >= 6;
        return new double[] {median(ours), median(base), median(ratio), interval ? ratio[lo] : Double.NaN,
                interval ? ratio[hi] : Double.NaN, n};
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The table row of a result from {@link #measure}. */
    String markdown(double[] r) {
        Comparison c = new Comparison(what, ours, baseline, goal, atLeast);
        return String.format(Locale.ROOT, "| %s | median %.3f ms | %s: median %.3f ms | %s, %d pairs | %s | %s |", what, r[0],
                baseline, r[1], Comparison.formatSpeedup(new double[] {r[2], r[3], r[4]}), (long) r[5], goal,
                c.verdict(r[2], r[3], r[4]));
    }

    @Override
    public String toString() {
        return what + " " + Arrays.asList(state.getSimpleName(), ours, baseline);
    }
}
