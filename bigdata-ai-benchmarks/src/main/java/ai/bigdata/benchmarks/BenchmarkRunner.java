package ai.bigdata.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH suites (all, or those matching {@code --include REGEX}) and the Python peers, and writes
 * {@code results/<date>T<time>.json} and {@code .md} (every run kept): every score with its spread, and
 * each {@link Comparison} as a speed-up over a baseline measured in the same run, with its interval and a
 * verdict, naming the processor and its vector flags (ratios hold for that processor only). A benchmark
 * whose data set is absent is not run and is listed as MISSING with the reason, so the runner works from
 * any clone. {@code --smoke} runs every benchmark once, briefly, so that benchmarks never rot.
 */
public final class BenchmarkRunner {
    private BenchmarkRunner() {
    }

    /** Benchmarks that read a shared data set, by class, with the data set they need. */
    static final Map<String, String> DATA = Map.of(
            "InferenceBenchmark", "fashion-mnist",
            "TrainerBenchmark", "fashion-mnist",
            "CnnEpochBenchmark", "fashion-mnist",
            "PredictorLatencyBenchmark", "tabular/olive.csv",
            "TextBenchmark", "spamassassin/spamassassin.tar.gz",
            "SparkAlsBenchmark", ai.bigdata.benchmarks.recsys.MovieLensSplit.RATINGS,
            "AllUsersTopKBenchmark", ai.bigdata.benchmarks.recsys.MovieLensSplit.RATINGS);

    /**
     * The forked JVMs' options: Arrow needs {@code java.nio} open; Spark (the MLlib baseline of
     * {@code SparkAlsBenchmark}) needs the packages its launcher opens on Java 17 ({@code JavaModuleOptions}).
     */
    static final String[] FORK_JVM_ARGS = {"-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false"};

    /**
     * Entry point: {@code [--include REGEX] [--merge-into FULL.json] [--smoke] [--forks N] [--out DIR] [--update-readme]}
     * ({@code --merge-into}: the benchmark classes this run measured replace theirs in a saved full run, and
     * the combined table is written too and goes to README), or
     * {@code --report-from RESULTS.json [--update-readme]} to make a saved run's tables again.
     */
    public static void main(String[] args) throws RunnerException, IOException {
        String include = "ai\\.bigdata\\.benchmarks\\..*";
        boolean smoke = false;
        boolean updateReadme = false;
        int forks = 2;
        Path out = Path.of("results");
        Path reportFrom = null;
        Path mergeInto = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--report-from": reportFrom = Path.of(args[++i]); break;
                case "--include": include = args[++i]; break;
                case "--merge-into": mergeInto = Path.of(args[++i]); break;
                case "--smoke": smoke = true; break;
                case "--forks": forks = Integer.parseInt(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                case "--update-readme": updateReadme = true; break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: BenchmarkRunner [--include REGEX] [--merge-into FULL.json] [--smoke] [--forks N] [--out DIR] [--update-readme]"
                        + " | --report-from RESULTS.json [--update-readme]");
            }
        }
        if (reportFrom != null) {
            // the tables of a saved run, made again from its scores (after a change to the comparisons)
            ResultsReport saved = ResultsReport.read(reportFrom);
            String name = reportFrom.getFileName().toString();
            saved.write(reportFrom.toAbsolutePath().getParent(), name.substring(0, name.length() - ".json".length()), false);
            System.out.println(saved.markdown());
            if (updateReadme) {
                updateReadme(Path.of("README.md"), saved.markdown());
            }
            return;
        }
        if (updateReadme && smoke) {
            throw new IllegalArgumentException("a smoke run measures nothing: it cannot update README.md");
        }
        Map<String, String> missing = new LinkedHashMap<>();
        ChainedOptionsBuilder opts = new OptionsBuilder().include(include).forks(smoke ? 1 : forks)
                .jvmArgsAppend(FORK_JVM_ARGS)
                .shouldFailOnError(true);
        DATA.forEach((benchmark, data) -> {
            if (BenchData.find(data).isEmpty()) {
                missing.put(benchmark, BenchData.whyMissing(data));
                opts.exclude("\\." + benchmark + "\\.");
            }
        });
        if (smoke) {
            opts.warmupIterations(1).warmupTime(TimeValue.milliseconds(100)).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).param("rows", "2000").param("scale", "0.01");
        } else {
            opts.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        Map<String, double[]> scores = scores(results);
        scores.putAll(PythonPeers.run(include, smoke, missing));
        Map<String, double[]> paired = runPaired(include, smoke, smoke ? 1 : forks, missing);
        String header = header(smoke, smoke ? 1 : forks);
        ResultsReport report = new ResultsReport(scores, missing, header, paired);
        Path md = report.write(out, smoke);
        if (mergeInto != null) {
            // the re-measured classes over a saved full run, kept as a file of its own next to this run's; the
            // header names the file it was laid over (whose header names its own), so the chain stays traceable
            // without growing the file name
            report = report.over(ResultsReport.read(mergeInto), mergeInto.getFileName().toString());
            String stem = md.getFileName().toString().replace(".md", "") + "-merged";
            md = report.write(out, stem, smoke);
        }
        String table = report.markdown();
        System.out.println(table);
        System.out.println("written to " + md);
        if (updateReadme) {
            updateReadme(Path.of("README.md"), table);
        }
    }

    /** The interleaved comparisons whose state class the run includes and whose data are present. */
    static Map<String, double[]> runPaired(String include, boolean smoke, int forks, Map<String, String> missing)
            throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(include);
        for (PairedComparison c : PairedComparison.ALL) {
            if (!p.matcher(c.state().getName() + "." + c.ours()).find() || missing.containsKey(c.state().getSimpleName())) {
                continue;
            }
            System.out.println("# interleaved: " + c);
            out.put(c.key(), smoke
                    ? c.measure(1, 0, 1, java.time.Duration.ofMinutes(10), java.util.List.of("rows=2000"))
                    : c.measure(forks, 3, 10, java.time.Duration.ofMinutes(30), java.util.List.of()));
        }
        return out;
    }

    static String header(boolean smoke, int forks) {
        return "Measured " + LocalDate.now() + (smoke ? " (SMOKE RUN: not a measurement)" : "") + " on " + MachineInfo.current()
                + "; engine: " + engine() + ". Ratios hold for this processor: another one (AVX2 instead of AVX-512, say) gives"
                + " other ratios. Ours: mean ± 99.9% confidence half-width over " + forks + " JVM forks (JMH); Python peers:"
                + " mean ± sample standard deviation over " + (smoke ? 1 : 3) + " runs; the interval of a speed-up combines"
                + " both, and a goal is marked met only when the whole interval clears it. Rows marked \"interleaved pairs\""
                + " run both methods alternately in the same JVMs (ABBA rounds, " + forks + " forks): the median of the"
                + " per-pair speed-ups with a 95% order-statistics interval.";
    }

    static final String BEGIN = "<!-- performance:begin (generated by BenchmarkRunner --update-readme) -->";
    static final String END = "<!-- performance:end -->";

    /** Replaces the README's performance section with {@code table}. */
    static void updateReadme(Path readme, String table) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int a = text.indexOf(BEGIN);
        int b = text.indexOf(END);
        if (a < 0 || b < a) {
            throw new IllegalStateException(readme + " has no performance markers " + BEGIN + " ... " + END);
        }
        String updated = text.substring(0, a + BEGIN.length()) + "\n" + table + text.substring(b);
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }

    /**
     * A score keyed by "Class.method" plus the parameters, e.g. "BatchAssemblyBenchmark.tensorViews[batchSize=128]";
     * a JMH secondary result (an {@code @AuxCounters} field such as a test RMSE) under the same key plus
     * ":field", its value the mean over the measured iterations, without an error.
     */
    static Map<String, double[]> scores(Collection<RunResult> results) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String shortName = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            StringBuilder p = new StringBuilder();
            for (String k : r.getParams().getParamsKeys()) {
                p.append(p.length() == 0 ? "" : ",").append(k).append('=').append(r.getParams().getParam(k));
            }
            String key = shortName + (p.length() == 0 ? "" : "[" + p + "]");
            m.put(key, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
            if (r.getParams().getMode() == Mode.SampleTime) {
                var stats = r.getPrimaryResult().getStatistics();
                m.put(key + ":p50", new double[] {stats.getPercentile(50), Double.NaN});
                m.put(key + ":p99", new double[] {stats.getPercentile(99), Double.NaN});
            }
            r.getSecondaryResults().forEach((name, result) -> m.put(key + ":" + name,
                    new double[] {result.getStatistics().getMean(), Double.NaN}));
        }
        return m;
    }

    static String engine() {
        return ai.bigdata.core.engine.Engine.start().toString();
    }
}
