package ai.bigdata.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * One comparison in the performance table: our benchmark against a baseline measured in the same run,
 * with the goal as text and as a threshold on the speed-up (baseline time / our time; NaN when the row
 * is information only). {@code ours} and {@code baseline} are score-key patterns: a name, the parameters
 * the row fixes, and an optional statistic ({@code :p50}); parameters a row does not fix (thread counts,
 * batch sizes) give one table row per value, and the baseline is taken at the same values.
 */
record Comparison(String what, String ours, String baseline, String goal, double atLeast) {
    /** Information only: no threshold, no verdict. */
    static Comparison info(String what, String ours, String baseline, String goal) {
        return new Comparison(what, ours, baseline, goal, Double.NaN);
    }

    /** The verdict on a speed-up interval: met only when the whole interval clears the goal. */
    String verdict(double speedup, double low, double high) {
        if (Double.isNaN(atLeast)) {
            return "information";
        }
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return speedup >= atLeast ? "not claimed: no interval (point estimate meets the goal)" : "missed (point estimate)";
        }
        if (low >= atLeast) {
            return "met";
        }
        if (high < atLeast) {
            return "missed";
        }
        return "inside the noise: not claimed";
    }

    /** The speed-up and its interval from both scores and their errors: {speed-up, low, high}. */
    static double[] speedup(double ours, double oursError, double base, double baseError) {
        double s = base / ours;
        if (Double.isNaN(oursError) || Double.isNaN(baseError)) {
            return new double[] {s, Double.NaN, Double.NaN};
        }
        double low = Math.max(0, base - baseError) / (ours + oursError);
        double high = ours - oursError <= 0 ? Double.POSITIVE_INFINITY : (base + baseError) / (ours - oursError);
        return new double[] {s, low, high};
    }

    static String formatSpeedup(double[] s) {
        return Double.isNaN(s[1]) ? String.format(Locale.ROOT, "%.2fx (no interval)", s[0])
                : String.format(Locale.ROOT, "%.2fx (%.2f-%s)", s[0], s[1],
                        Double.isInfinite(s[2]) ? "inf" : String.format(Locale.ROOT, "%.2f", s[2]));
    }

    /** Every comparison the runner reports. */
    static final List<Comparison> ALL = List.of(
            new Comparison("CSV ingest, 10M-row ratings.csv (~290 MB) into typed columns vs Commons CSV",
                    "CsvIngestBenchmark.bigdataAi", "CsvIngestBenchmark.commonsCsv", "speed-up >= 5x Commons CSV", 5.0),
            info("CSV ingest vs FastCSV (the fastest Java parser we know)", "CsvIngestBenchmark.bigdataAi",
                    "CsvIngestBenchmark.fastCsv", "information (> 1x: faster than FastCSV)"),
            info("CSV ingest vs Jackson CSV", "CsvIngestBenchmark.bigdataAi", "CsvIngestBenchmark.jacksonCsv",
                    "information (> 1x: faster than Jackson CSV)"),
            info("CSV ingest vs a String.split loop", "CsvIngestBenchmark.bigdataAi", "CsvIngestBenchmark.splitLoop",
                    "information"),
            new Comparison("tensor batches (60k x 784 float32), one epoch, each batch summed", "BatchAssemblyBenchmark.tensorViews",
                    "BatchAssemblyBenchmark.tensorMemcpy", "O(1) per batch: faster than copying (> 1x)", 1.0),
            new Comparison("packed numeric batches (1M x 10 float32), one epoch, each batch summed",
                    "BatchAssemblyBenchmark.numericPacked", "BatchAssemblyBenchmark.numericMemcpy",
                    ">= 50% of memcpy bandwidth (>= 0.5x)", 0.5),
            new Comparison("standard scaling fit + apply, 10M rows x 10 float64, all cores vs a plain loop on all cores",
                    "PreprocessingBenchmark.standardScaling", "PreprocessingBenchmark.standardScalingPlainLoopParallel",
                    "within 2x of a plain loop (>= 0.5x)", 0.5),
            info("standard scaling fit + apply (all cores) vs a one-thread plain loop", "PreprocessingBenchmark.standardScaling",
                    "PreprocessingBenchmark.standardScalingPlainLoop", "information (unequal threads)"),
            new Comparison("one-hot fit + apply, 10M rows, 10 categories (one thread each)", "PreprocessingBenchmark.oneHot",
                    "PreprocessingBenchmark.oneHotPlainLoop", "within 2x of a plain loop (>= 0.5x)", 0.5),
            new Comparison("CNN training step, batch 128 (oneDNN helpers on vs DL4J default off), 2 threads",
                    "CnnEngineBenchmark.trainBatch[helpers=on]", "CnnEngineBenchmark.trainBatch[helpers=off]",
                    "the engine fix: faster than DL4J's default path (> 1x)", 1.0),
            new Comparison("CNN inference, batch 256 (oneDNN helpers on vs DL4J default off), 2 threads",
                    "CnnEngineBenchmark.inferBatch[helpers=on]", "CnnEngineBenchmark.inferBatch[helpers=off]",
                    "the engine fix: faster than DL4J's default path (> 1x)", 1.0),
            new Comparison("CNN training step, batch 128: DL4J + oneDNN vs PyTorch CPU, both 2 threads",
                    "CnnEngineBenchmark.trainBatch[helpers=on]", "peer.torch.cnn.trainBatch[threads=2]",
                    "<= 1.5x PyTorch's time (>= 0.67x)", 0.67),
            new Comparison("reference CNN epoch, 6,400 Fashion-MNIST images, batch 128: our Trainer vs DL4J's own fit, 2 threads",
                    "CnnEpochBenchmark.trainerEpoch", "CnnEpochBenchmark.bareDl4jEpoch", "<= 1.05x DL4J's time (>= 0.95x)", 0.95),
            new Comparison("reference CNN epoch, 6,400 Fashion-MNIST images, batch 128: our Trainer vs PyTorch CPU, 2 threads",
                    "CnnEpochBenchmark.trainerEpoch", "peer.torch.cnn.epoch[threads=2]", "<= PyTorch's time (>= 1x)", 1.0),
            info("reference CNN epoch with augmentation (random crop + flip on the trainer's background thread) vs without",
                    "CnnEpochBenchmark.trainerEpochAugmented", "CnnEpochBenchmark.trainerEpoch", "information (1x: augmentation is free)"),
            new Comparison("CNN inference, batch 256: DL4J + oneDNN vs PyTorch CPU, both 2 threads",
                    "CnnEngineBenchmark.inferBatch[helpers=on]", "peer.torch.cnn.inferBatch[threads=2]",
                    ">= PyTorch throughput (>= 1x)", 1.0),
            new Comparison("MLP 784-256-128-10 inference, batch 256: NeuralNetwork.output vs PyTorch CPU, equal threads",
                    "InferenceBenchmark.mlpInferBatch", "peer.torch.mlp.inferBatch", ">= PyTorch throughput (>= 1x)", 1.0),
            new Comparison("MLP 784-256-128-10 inference, batch 256: NeuralNetwork.output (row-major oneDNN products) vs DL4J output()",
                    "InferenceBenchmark.mlpInferBatch", "InferenceBenchmark.mlpInferBatchDl4j", "faster than DL4J (> 1x)", 1.0),
            info("CNN single-image latency p50: DL4J + oneDNN vs PyTorch CPU, equal threads",
                    "InferenceBenchmark.cnnSingleImage:p50", "peer.torch.cnn.singleImage:p50", "information"),
            info("CNN single-image latency p99: DL4J + oneDNN vs PyTorch CPU, equal threads (goal: ours < 5 ms)",
                    "InferenceBenchmark.cnnSingleImage:p99", "peer.torch.cnn.singleImage:p99", "information"),
            new Comparison("MLP 784-256-128-10 epoch, Fashion-MNIST, batch 128: our Trainer vs DL4J's own fit, equal threads",
                    "TrainerBenchmark.trainerEpoch", "TrainerBenchmark.bareDl4jEpoch", "overhead <= 5% (>= 0.95x)", 0.95),
            info("MLP epoch: our Trainer (fused Adam) vs DL4J's own fit with its stock Adam, equal threads",
                    "TrainerBenchmark.trainerEpoch", "TrainerBenchmark.bareDl4jEpochStockAdam", "information (> 1x: faster than DL4J)"),
            new Comparison("MLP epoch from a memory-mapped Arrow file through a lazy filter and a fitted scaling vs the same rows in memory",
                    "StreamedTrainingBenchmark.streamedEpoch", "StreamedTrainingBenchmark.inMemoryEpoch", ">= 0.8x the in-memory speed", 0.8),
            info("MLP epoch throughput, Trainer workers(2) vs workers(1)", "TrainerBenchmark.trainerEpochTwoWorkers",
                    "TrainerBenchmark.trainerEpoch", "information (> 1x: parallel helps)"),
            new Comparison("MLP 784-256-128-10 epoch, Fashion-MNIST 60k, batch 128: our Trainer vs scikit-learn MLPClassifier, equal threads",
                    "TrainerBenchmark.trainerEpoch[rows=60000]", "peer.sklearn.MLPClassifier.epoch", "at least scikit-learn's speed (>= 1x)", 1.0),
            new Comparison("logistic regression, 5-fold CV on 569 x 30 (breast cancer), full-batch L-BFGS: ours vs scikit-learn, equal threads",
                    "SmallDataBenchmark.crossValidation", "peer.sklearn.LogisticRegression.cv5", "within 3x of scikit-learn's time (>= 0.33x)",
                    0.33),
            info("batch inference of Fashion-MNIST rows, MLP bundle: SparkPredictor on Spark local[2] (2 partitions, 1 engine thread each) vs the local Predictor (2 engine threads)",
                    "SparkInferenceBenchmark.sparkPredictor", "SparkInferenceBenchmark.localPredictor",
                    "information (> 1x: Spark faster than one local Predictor on the same cores)"),
            new Comparison("TF-IDF fit + transform of the 6,042 SpamAssassin mails (sublinear tf, sparse, every term) vs scikit-learn's TfidfVectorizer, one thread each",
                    "TextBenchmark.tfidfFitTransform", "peer.sklearn.TfidfVectorizer.fitTransform", "at least 2x scikit-learn's throughput", 2.0),
            info("tokenizing the 6,042 SpamAssassin mails: WordTokenizer (Unicode segmentation, URL / e-mail / number tokens, case and accent folding) vs Lucene's StandardAnalyzer",
                    "TextBenchmark.wordTokenizer", "TextBenchmark.luceneStandardAnalyzer", "information (> 1x: faster than StandardAnalyzer)"),
            new Comparison("classification report (ROC-AUC included) of 1M rows from a memory-mapped Arrow file vs Model.output on them",
                    "EvaluationBenchmark.evaluate", "EvaluationBenchmark.modelOutput", "<= 1.2x Model.output's time (>= 0.83x)", 0.83),
            info("single-row prediction p50: Predictor (raw row: validation, transform, plain-Java small-row path) vs the same network's plain-Java forward pass on a scaled row",
                    "PredictorLatencyBenchmark.predictor:p50", "PredictorLatencyBenchmark.plainForward:p50",
                    "information (the Predictor's own overhead)"),
            new Comparison("single-row prediction p50: Predictor (plain-Java small-row path) vs DL4J output() on one scaled row (a native call)",
                    "PredictorLatencyBenchmark.predictor:p50", "PredictorLatencyBenchmark.dl4jOutput:p50", "<= 1.2x DL4J's time (>= 0.83x)", 0.83),
            info("single-row prediction p99: Predictor vs DL4J output() on one row", "PredictorLatencyBenchmark.predictor:p99",
                    "PredictorLatencyBenchmark.dl4jOutput:p99", "information"),
            new Comparison("single Fashion-MNIST image p50, MLP 784-256-128-10: Predictor of the int8 bundle vs of the float bundle",
                    "QuantizedLatencyBenchmark.int8Predictor:p50", "QuantizedLatencyBenchmark.floatPredictor:p50",
                    "faster than float (> 1x)", 1.0),
            new Comparison("explicit ALS fit, MovieLens latest-small (random 80/20, seed 42), rank 10, 10 iterations, reg 0.1,"
                    + " 2 threads each: ours (with biases) vs Spark MLlib ALS, local[2], warm session",
                    "SparkAlsBenchmark.oursFit", "SparkAlsBenchmark.sparkFit", "<= 0.5x Spark's time (>= 2x)", 2.0),
            info("test RMSE of those fits on the warm test rows (cold rows left out on both sides): Spark MLlib's / ours",
                    "SparkAlsBenchmark.oursFit:rmse", "SparkAlsBenchmark.sparkFit:rmse",
                    "information (> 1x: ours has the lower error)"),
            info("warm test rows scored: ours vs Spark MLlib (must be equal: the same rows)", "SparkAlsBenchmark.oursFit:rows",
                    "SparkAlsBenchmark.sparkFit:rows", "information (1x: the same rows)"),
            new Comparison("top-10 for all 671 MovieLens latest-small users, training items excluded: implicit ALS topKForUsers"
                    + " vs an ND4J product of the same factors + a sort per row, equal threads",
                    "AllUsersTopKBenchmark.ours", "AllUsersTopKBenchmark.productSort", "at least the baseline's users/s (>= 1x)",
                    1.0),
            info("explicit ALS (rank 10, 2 threads) on a synthetic MovieLens-20M shape (138k users, 27k items, 20M ratings),"
                    + " fit incl. index: 5 iterations vs 1", "AlsScaleBenchmark.fit[iterations=5]", "AlsScaleBenchmark.fit[iterations=1]",
                    "information (s per iteration = (5-it time - 1-it time) / 4)"),
            info("that fit's peak used heap (MB, sampled, garbage included) vs the imported ratings' heap arrays (MB)",
                    "AlsScaleBenchmark.fit:peakHeapMb", "AlsScaleBenchmark.fit:inputHeapMb",
                    "information (fits the fork's -Xmx4g)"),
            info("one federated round (10 IID thread clients x 200 Fashion-MNIST images, 1 local epoch each) vs the local epoch over the same 2,000 images it replaces, MLP 784-256-128-10, one thread",
                    "FederatedRoundBenchmark.federatedRound", "FederatedRoundBenchmark.localEpoch",
                    "information (< 1x: what federation costs over local training)"));
}
