package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Prediction;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark module on a real standalone cluster: a Master and two Workers, each its own JVM on 127.0.0.1,
 * executors in their own JVMs too, started once for the class. Inference and training run there; one test
 * kills a Worker JVM in the middle of a training run. Fashion-MNIST tests are skipped, naming the data set,
 * when it is absent (a failure when data are required).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterIT {
    /** Fashion-MNIST training images used (the first ones of the training split) and test images. */
    static final int FASHION_TRAIN = Integer.getInteger("spark.it.fashionTrain", 20_000);
    static final int FASHION_TEST = 10_000;
    static final int FASHION_EPOCHS = Integer.getInteger("spark.it.fashionEpochs", 5);

    @TempDir
    static Path dir;
    static StandaloneCluster cluster;
    static SparkSession spark;
    /** The undisturbed two-worker Fashion run, which the worker-kill run is compared with. */
    static NeuralNetwork undisturbed;
    static double undisturbedAccuracy = Double.NaN;

    @BeforeAll
    static void startCluster() {
        long t = System.nanoTime();
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, "1536m", "1g");
        spark = cluster.session();
        System.out.printf(Locale.ROOT, "cluster: master and 2 workers up, session open in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster == null) {
            return;
        }
        List<ProcessHandle> jvms = new ArrayList<>();
        for (Process w : cluster.workers()) {
            jvms.add(w.toHandle());
            w.descendants().forEach(jvms::add);
        }
        cluster.close();
        for (ProcessHandle h : jvms) {
            try {
                h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the assertion below
            }
        }
        assertThat(jvms).as("worker and executor JVMs still running after the cluster stopped").noneMatch(ProcessHandle::isAlive);
    }

    static Dataset olive() {
        return SparkTrainerTest.olive();
    }

    @Test
    @Order(1)
    void inferenceOnTheClusterEqualsTheLocalPredictor() {
        Path bundle = dir.resolve("olive.bundle");
        List<Row> in;
        List<Row> out;
        try (Dataset raw = SparkDataFramesTest.oliveWithNulls(); Dataset train = raw.drop("region")) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(train);
            try (Dataset features = prep.apply(train)) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(16).build();
                Trainer.builder().epochs(5).seed(1).build().fit(model, features);
                ModelBundle.of(prep, model, train.schema()).save(bundle);
            }
            var frame = DataFrames.toDataFrame(spark, raw);
            in = frame.collectAsList();
            try (SparkPredictor predictor = SparkPredictor.load(spark, bundle)) {
                out = predictor.predict(frame).collectAsList();
            }
        }
        Predictor local = Predictor.load(bundle);
        assertThat(out).hasSize(572);
        for (int r = 0; r < in.size(); r++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String n : local.inputSchema().names()) {
                values.put(n, in.get(r).get(in.get(r).fieldIndex(n)));
            }
            Prediction expected = local.predict(values);
            assertThat(out.get(r).getString(out.get(r).fieldIndex("prediction"))).as("row %d", r).isEqualTo(expected.label());
            List<Float> p = out.get(r).getList(out.get(r).fieldIndex("probabilities"));
            for (int c = 0; c < p.size(); c++) {
                assertThat(p.get(c)).as("row %d, class %d", r, c).isEqualTo((float) expected.values()[c]);
            }
        }
    }

    @Test
    @Order(2)
    void trainingOnAnExecutorIsExactlyCoresTrainerAndTwoExecutorsRepeat() {
        Trainer trainer = Trainer.builder().epochs(3).batchSize(32).optimizer(Optimizer.adam(0.01)).seed(7).build();
        NeuralNetwork local = NeuralNetwork.mlp().hidden(16).build();
        NeuralNetwork one = NeuralNetwork.mlp().hidden(16).build();
        NeuralNetwork a = NeuralNetwork.mlp().hidden(16).build();
        NeuralNetwork b = NeuralNetwork.mlp().hidden(16).build();
        try (Dataset olive = olive()) {
            trainer.fit(local, olive);
            var frame = DataFrames.toDataFrame(spark, olive);
            SparkTrainer st = SparkTrainer.builder().trainer(trainer).build();
            st.fit(one, frame.coalesce(1), "area");
            assertThat(frame.rdd().getNumPartitions()).isEqualTo(2);
            st.fit(a, frame, "area");
            st.fit(b, frame, "area");
        }
        assertThat(one.parameters().data().asFloat()).containsExactly(local.parameters().data().asFloat());
        assertThat(a.parameters().data().asFloat()).containsExactly(b.parameters().data().asFloat());
    }

    /** The Worker JVM whose executor has this id (from the executor's command line), else the second Worker. */
    static Process workerOf(String executorId) {
        for (Process w : cluster.workers()) {
            if (w.isAlive() && w.descendants().anyMatch(h -> runsExecutor(h, executorId))) {
                return w;
            }
        }
        System.out.printf(Locale.ROOT, "no worker found hosting executor %s; taking the second worker%n", executorId);
        return cluster.workers().get(1);
    }

    /** Whether the process's command line has {@code --executor-id <id>} (read from /proc, which does not truncate it). */
    static boolean runsExecutor(ProcessHandle h, String executorId) {
        List<String> args;
        try {
            String cmdline = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(h.pid()), "cmdline"),
                    java.nio.charset.StandardCharsets.UTF_8);
            args = List.of(cmdline.split("\u0000"));
        } catch (java.io.IOException | RuntimeException e) {
            args = List.of(h.info().arguments().orElse(new String[0]));
        }
        int at = args.indexOf("--executor-id");
        return at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(executorId);
    }

    static Trainer fashionTrainer() {
        return Trainer.builder().epochs(FASHION_EPOCHS).batchSize(64).optimizer(Optimizer.adam(0.001)).seed(3).build();
    }

    /**
     * The Fashion training rows as a DataFrame read from Parquet files (written once from the driver's
     * rows), as an application would read its data: a task then carries a file split, not the rows, and a
     * lost partition is read again from the files.
     */
    static org.apache.spark.sql.Dataset<Row> fashionFrame() {
        Path files = dir.resolve("fashion-train-" + FASHION_TRAIN + ".parquet");
        if (!java.nio.file.Files.exists(files)) {
            try (Dataset train = FashionImages.train(0, FASHION_TRAIN)) {
                DataFrames.toDataFrame(spark, train).write().parquet(files.toString());
            }
        }
        return spark.read().parquet(files.toString());
    }

    static double testAccuracy(NeuralNetwork model) {
        try (Dataset test = FashionImages.test(0, FASHION_TEST)) {
            return Evaluator.classification().evaluate(model, test).accuracy();
        }
    }

    static void printRounds(String what, List<SparkRound> rounds) {
        StringBuilder out = new StringBuilder();
        for (SparkRound r : rounds) {
            out.append(String.format(Locale.ROOT, "%s round %d: loss %.4f, %d partitions, %d steps, %.2f s (slowest task %.2f s)%n", what,
                    r.round(), r.trainLoss(), r.partitions(), r.steps(), r.seconds(), r.slowestPartitionSeconds()));
        }
        System.out.print(out);
    }

    @Test
    @Order(3)
    void fashionMnistOnTwoWorkersComesWithinAPointOfLocalTraining() {
        var frame = fashionFrame();
        assertThat(frame.rdd().getNumPartitions()).isEqualTo(2);
        undisturbed = NeuralNetwork.mlp().hidden(256, 128).build();
        long t = System.nanoTime();
        List<SparkRound> rounds = SparkTrainer.builder().trainer(fashionTrainer()).build().fit(undisturbed, frame, "label");
        double clusterSeconds = (System.nanoTime() - t) / 1e9;
        printRounds("fashion 2 workers", rounds);
        undisturbedAccuracy = testAccuracy(undisturbed);

        ClassificationReport spread;
        try (Dataset test = FashionImages.test(0, FASHION_TEST)) {
            spread = (ClassificationReport) SparkEvaluator.evaluate(undisturbed, DataFrames.toDataFrame(spark, test), "label");
        }
        NeuralNetwork local = NeuralNetwork.mlp().hidden(256, 128).build();
        t = System.nanoTime();
        try (Dataset train = FashionImages.train(0, FASHION_TRAIN)) {
            fashionTrainer().fit(local, train);
        }
        double localSeconds = (System.nanoTime() - t) / 1e9;
        double localAccuracy = testAccuracy(local);
        System.out.printf(Locale.ROOT, "fashion %d train / %d test images, %d epochs: cluster (2 workers) test accuracy %.4f (evaluated on"
                + " the cluster %.4f), %.1f s in all; local test accuracy %.4f, %.1f s in all%n", FASHION_TRAIN, FASHION_TEST, FASHION_EPOCHS,
                undisturbedAccuracy, spread.accuracy(), clusterSeconds, localAccuracy, localSeconds);
        assertThat(spread.accuracy()).isEqualTo(undisturbedAccuracy);
        assertThat(undisturbedAccuracy).isGreaterThan(0.80);
        assertThat(undisturbedAccuracy).isGreaterThan(localAccuracy - 0.01);
    }

    /**
     * Batch inference speed on the cluster (information, not asserted): the undisturbed model's bundle over the
     * Fashion training rows read from Parquet by the two executors (one task each, one native thread), against the
     * local {@code Predictor} over the same rows in the driver (the engine's default threads); three runs each.
     */
    @Test
    @Order(4)
    void fashionInferenceRowsPerSecondOnTheClusterAndLocally() {
        SharedData.file("fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(undisturbed != null, "test 3 (the undisturbed Fashion run) did not finish; see its failure");
        Path bundle = dir.resolve("fashion.bundle");
        var frame = fashionFrame();
        double[] cluster = new double[3];
        double[] local = new double[3];
        try (Dataset train = FashionImages.train(0, FASHION_TRAIN)) {
            ModelBundle.of(Preprocessor.identity().fit(train), undisturbed, train.schema()).save(bundle);
            Predictor predictor = Predictor.load(bundle);
            try (SparkPredictor onCluster = SparkPredictor.load(spark, bundle).batchRows(256)) {
                for (int run = 0; run < 3; run++) {
                    long t = System.nanoTime();
                    assertThat(onCluster.predict(frame).count()).isEqualTo(FASHION_TRAIN);
                    cluster[run] = FASHION_TRAIN / ((System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    long[] answered = {0};
                    try (Dataset predicted = predictor.predict(train)) {
                        predicted.forEachRow(r -> answered[0] += r.isNull("prediction") ? 0 : 1);
                    }
                    assertThat(answered[0]).isEqualTo(FASHION_TRAIN);
                    local[run] = FASHION_TRAIN / ((System.nanoTime() - t) / 1e9);
                }
            }
        }
        java.util.Arrays.sort(cluster);
        java.util.Arrays.sort(local);
        System.out.printf(Locale.ROOT, "fashion inference of %d rows: cluster (2 executors) %.0f rows/s (runs %.0f to %.0f), local Predictor"
                + " %.0f rows/s (runs %.0f to %.0f): %.2fx%n", FASHION_TRAIN, cluster[1], cluster[0], cluster[2], local[1], local[0], local[2],
                cluster[1] / local[1]);
    }

    @Test
    @Order(5)
    void aWorkerKilledMidTrainingLeavesAModelWithinTwoPointsOfTheUndisturbedOne() throws Exception {
        // the kill is compared with test 3's undisturbed model: without Fashion-MNIST this is the usual named data
        // skip (a failure when BIGDATA_AI_REQUIRE_DATA is set, as in CI); with the data, undisturbed is null only when
        // test 3 failed, and that failure already fails the build
        SharedData.file("fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(undisturbed != null, "test 3 (the undisturbed Fashion run) did not finish; see its failure");
        var frame = fashionFrame();
        AtomicInteger started = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Process> killed = new java.util.concurrent.atomic.AtomicReference<>();
        List<ProcessHandle> orphans = new java.util.concurrent.CopyOnWriteArrayList<>();
        // staging counts rows (2 tasks), round 1 trains (2 tasks): the first task of round 2 loses its worker as it starts
        SparkListener killer = new SparkListener() {
            @Override
            public void onTaskStart(org.apache.spark.scheduler.SparkListenerTaskStart start) {
                if (started.incrementAndGet() != 5) {
                    return;
                }
                String executor = start.taskInfo().executorId();
                Process victim = workerOf(executor);
                List<ProcessHandle> executors = victim.descendants().toList();
                System.out.printf(Locale.ROOT, "killing worker pid %d, whose executor %s runs task %d of round 2%n", victim.pid(), executor,
                        start.taskInfo().taskId());
                victim.destroyForcibly();
                orphans.addAll(executors);
                killed.set(victim);
            }
        };
        spark.sparkContext().addSparkListener(killer);
        NeuralNetwork survivor = NeuralNetwork.mlp().hidden(256, 128).build();
        List<SparkRound> rounds;
        try {
            rounds = SparkTrainer.builder().trainer(fashionTrainer()).build().fit(survivor, frame, "label");
        } finally {
            spark.sparkContext().removeSparkListener(killer);
        }
        printRounds("fashion worker killed", rounds);
        assertThat(killed.get()).as("a worker was killed").isNotNull();
        assertThat(killed.get().isAlive()).isFalse();
        assertThat(orphans).as("the killed worker's executor").isNotEmpty();
        for (ProcessHandle h : orphans) {
            h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        double accuracy = testAccuracy(survivor);
        boolean identical = java.util.Arrays.equals(survivor.parameters().data().asFloat(), undisturbed.parameters().data().asFloat());
        System.out.printf(Locale.ROOT, "fashion with a worker killed in round 2: test accuracy %.4f against %.4f undisturbed;"
                + " parameters bit-identical: %s; alive workers now %d%n", accuracy, undisturbedAccuracy, identical, cluster.aliveWorkers());
        assertThat(accuracy).isCloseTo(undisturbedAccuracy, org.assertj.core.api.Assertions.within(0.02));
    }
}
