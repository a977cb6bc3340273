package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.FashionImages;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * CNN training with on-the-fly augmentation through {@code Trainer.Builder.batchTransform}: it runs,
 * changes what is learnt, gives the same weights for the same seeds, and resumes exactly from a
 * checkpoint taken in the middle of an epoch.
 */
@ExtendWith(ArrowLeakCheck.class)
class ConvNetsAugmentationTest {
    @TempDir
    Path dir;

    private static final AugmentationPipeline AUGMENT = AugmentationPipeline.builder().seed(11)
            .add(Augmentation.randomCrop(28, 28, 2)).add(Augmentation.horizontalFlip(0.5)).add(Augmentation.randomErasing(0.3))
            .build();

    /** 2 epochs of 6 batches of 16 images. */
    private static Trainer.Builder trainer(AugmentationPipeline augment) {
        Trainer.Builder b = Trainer.builder().epochs(2).batchSize(16).seed(5).optimizer(Optimizer.adam(3e-3));
        return augment == null ? b : b.batchTransform(augment::apply);
    }

    private static float[] trained(Supplier<NeuralNetwork> make, Trainer.Builder trainer, Dataset data) {
        NeuralNetwork net = make.get();
        trainer.build().fit(net, data);
        return net.parameters().toFloatVector();
    }

    @Test
    void augmentedTrainingIsDeterministicAndDiffersFromPlainTraining() {
        try (Dataset data = FashionImages.train(0, 96)) {
            for (Supplier<NeuralNetwork> make : java.util.List.<Supplier<NeuralNetwork>>of(() -> ConvNets.lenet5().build(),
                    () -> ConvNets.vgg().blocks(4, 8).dense(16).batchNorm(true).dropout(0.2).build())) {
                float[] a = trained(make, trainer(AUGMENT), data);
                float[] b = trained(make, trainer(AUGMENT), data);
                assertThat(b).containsExactly(a);
                assertThat(trained(make, trainer(null), data)).as("the transform is applied").isNotEqualTo(a);
            }
        }
    }

    @Test
    void augmentedTrainingResumesExactlyFromAMidEpochCheckpoint() {
        try (Dataset data = FashionImages.train(0, 96)) {
            float[] uninterrupted = trained(() -> ConvNets.lenet5().build(), trainer(AUGMENT), data);
            Path folder = dir.resolve("ckpt");
            TrainingListener crash = new TrainingListener() {
                @Override
                public void onBatch(BatchEvent e) {
                    if (e.epoch() == 1 && e.batch() == 2) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            };
            // checkpoints after batches 2, 4, 6 (end of epoch 0) and 8 (batch 1 of epoch 1); the crash follows batch 2 of epoch 1
            assertThatThrownBy(() -> trainer(AUGMENT).checkpoints(Checkpoints.in(folder).everyBatches(2)).listener(crash).build()
                    .fit(ConvNets.lenet5().build(), data)).hasMessage("simulated crash");
            Path latest = Checkpoints.latest(folder).orElseThrow();
            assertThat(latest.getFileName().toString()).isEqualTo("checkpoint-000000000008.ckpt");
            NeuralNetwork resumed = ConvNets.lenet5().build();
            trainer(AUGMENT).build().resume(latest, resumed, data, null);
            assertThat(resumed.parameters().toFloatVector()).containsExactly(uninterrupted);
        }
    }
}
