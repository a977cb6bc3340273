package ai.bigdata.benchmarks.vision;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.LearningRateSchedule;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.core.train.TrainingListener;
import ai.bigdata.vision.Augmentation;
import ai.bigdata.vision.AugmentationPipeline;
import ai.bigdata.vision.ChannelNormalization;
import ai.bigdata.vision.ChannelNormalizationTransform;
import ai.bigdata.vision.ConvNets;
import ai.bigdata.vision.FashionMnist;
import ai.bigdata.vision.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The full Fashion-MNIST CNN run (a long job, not a test): the VGG-style network (two conv-conv-pool
 * blocks of 32 and 64 filters with batch normalisation, dense 128, dropout 0.3) trained on a stratified
 * 90 % of the 60,000 training images with random crops (padding 2) and horizontal flips, the epoch chosen
 * on the other 10 % (early stopping on validation accuracy with a patience of a quarter of the epochs, at
 * least 4; best epoch restored), then the 10,000 test
 * images evaluated once. Checkpoints every epoch: run it again with the same folder and it resumes the
 * last checkpoint exactly.
 *
 * <p>{@code java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... ai.bigdata.benchmarks.vision.FashionCnnRun
 * [epochs] [checkpoint folder]} (default 15 epochs, {@code target/fashion-cnn-checkpoints}); the data come
 * from {@code fashion-mnist/} under {@code -Dbigdata.data} or {@code ../shared/data}.
 */
public final class FashionCnnRun {
    private FashionCnnRun() {
    }

    /** Entry point: optional epochs and checkpoint folder. */
    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path folder = Path.of(args.length > 1 ? args[1] : "target/fashion-cnn-checkpoints");
        Files.createDirectories(folder);
        Path dir = BenchData.file("fashion-mnist");
        long start = System.nanoTime();
        System.out.println("start " + Instant.now() + ", " + epochs + " epochs, checkpoints in " + folder);
        NeuralNetwork cnn = ConvNets.vgg().blocks(32, 64).batchNorm(true).dropout(0.3).dense(128).build();
        AugmentationPipeline augment = AugmentationPipeline.builder().seed(42)
                .add(Augmentation.randomCrop(28, 28, 2)).add(Augmentation.horizontalFlip(0.5)).build();
        Trainer trainer = Trainer.builder().epochs(epochs).batchSize(128).seed(42)
                .optimizer(Optimizer.adam(2e-3).schedule(LearningRateSchedule.cosine(1e-5)))
                .earlyStopping(EarlyStopping.patience(Math.max(4, epochs / 4)).monitor("accuracy"))
                .checkpoints(Checkpoints.in(folder).everyEpochs(1).keepLast(2))
                .batchTransform(augment::apply)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochRecord e, int total) {
                        System.out.printf(Locale.ROOT, "%s epoch %d/%d: train loss %.4f, validation accuracy %.4f, %.1f s%n",
                                Instant.now(), e.epoch(), total, e.trainLoss(), e.validation().get("accuracy"), e.seconds());
                    }
                }).build();
        ChannelNormalizationTransform norm;
        try (Dataset all = read(dir, "train");
             Split split = all.split().train(0.9).validation(0.1).stratifyBy("label").seed(42).build()) {
            norm = ChannelNormalization.of("image").fit(split.train());
            try (Dataset train = norm.apply(split.train()); Dataset validation = norm.apply(split.validation())) {
                Optional<Path> last = Checkpoints.latest(folder);
                TrainingHistory h = last.isPresent() ? trainer.resume(last.get(), cnn, train, validation)
                        : trainer.fit(cnn, train, validation);
                System.out.println("selected epoch " + h.bestEpoch() + " of " + h.epochs().size()
                        + (h.stoppedEarly() ? " (stopped early)" : ""));
            }
        }
        try (Dataset rawTest = read(dir, "t10k"); Dataset test = norm.apply(rawTest)) {
            ClassificationReport report = Evaluator.classification().evaluate(cnn, test);
            System.out.println(report);
            System.out.printf(Locale.ROOT, "test accuracy %.4f on %d images; wall time %.1f s%n", report.accuracy(), report.rows(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static Dataset read(Path dir, String split) {
        return IdxReader.files(dir.resolve(split + "-images-idx3-ubyte.gz"), dir.resolve(split + "-labels-idx1-ubyte.gz"))
                .classNames(FashionMnist.CLASS_NAMES).channelAxis().read();
    }
}
