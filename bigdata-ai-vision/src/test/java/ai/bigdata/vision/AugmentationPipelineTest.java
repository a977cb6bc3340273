package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AugmentationPipelineTest {
    private static INDArray batch(long... shape) {
        Random r = new Random(5);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return Nd4j.create(v, shape, 'c');
    }

    private static AugmentationPipeline pipeline(long seed, boolean parallel) {
        return AugmentationPipeline.builder().seed(seed).parallel(parallel)
                .add(Augmentation.randomCrop(6, 6, 2))
                .add(Augmentation.horizontalFlip(0.5))
                .add(Augmentation.rotateAndShift(10, 0.1))
                .add(Augmentation.randomErasing(0.5))
                .add(Augmentation.brightnessContrast(0.2, 0.2))
                .build();
    }

    @Test
    void sameSeedEpochAndBatchGiveTheSameImagesOnAnyThreadAndInAnyOrder() {
        INDArray in = batch(16, 3, 6, 6);
        INDArray copy = in.dup();
        INDArray a = pipeline(42, true).apply(in, 2, 7);
        pipeline(42, true).apply(in, 0, 0);
        INDArray b = pipeline(42, false).apply(in, 2, 7);
        assertThat(a.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a.shape()).containsExactly(16, 3, 6, 6);
        assertThat(a.data().asFloat()).containsExactly(b.data().asFloat());
        assertThat(in.data().asFloat()).as("the input is not changed").containsExactly(copy.data().asFloat());
        assertThat(a.data().asFloat()).isNotEqualTo(in.data().asFloat());
        for (INDArray other : new INDArray[] {pipeline(43, true).apply(in, 2, 7), pipeline(42, true).apply(in, 3, 7),
                pipeline(42, true).apply(in, 2, 8)}) {
            assertThat(other.data().asFloat()).isNotEqualTo(a.data().asFloat());
        }
    }

    @Test
    void eachImageDependsOnlyOnItsPosition() {
        INDArray in = batch(4, 1, 6, 6);
        AugmentationPipeline p = pipeline(9, true);
        INDArray whole = p.apply(in, 1, 5);
        for (int row = 0; row < 4; row++) {
            float[] one = in.get(org.nd4j.linalg.indexing.NDArrayIndex.point(row)).dup('c').data().asFloat();
            ImageTensor alone = p.apply(new ImageTensor(one, 1, 6, 6), 1, 5, row);
            float[] fromBatch = whole.get(org.nd4j.linalg.indexing.NDArrayIndex.point(row)).dup('c').data().asFloat();
            assertThat(fromBatch).containsExactly(alone.values());
        }
    }

    @Test
    void ranksAreKeptAndSizesFollowTheOperations() {
        AugmentationPipeline crop = AugmentationPipeline.builder().add(Augmentation.centerCrop(2, 2)).build();
        INDArray in3 = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 3, 3}, 'c');
        INDArray out3 = crop.apply(in3, 0, 0);
        assertThat(out3.shape()).containsExactly(1, 2, 2);
        assertThat(out3.data().asFloat()).containsExactly(1, 2, 4, 5);
        AugmentationPipeline flat = AugmentationPipeline.builder().flatImages(1, 3, 3).add(Augmentation.centerCrop(2, 2)).build();
        INDArray outFlat = flat.apply(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 9}, 'c'), 0, 0);
        assertThat(outFlat.shape()).containsExactly(1, 4);
        assertThatThrownBy(() -> crop.apply(Nd4j.create(new float[9], new long[] {1, 9}, 'c'), 0, 0))
                .hasMessageContaining("flatImages");
        AugmentationPipeline uneven = AugmentationPipeline.builder()
                .add((im, r) -> r.nextBoolean() ? im : new ImageTensor(new float[1], 1, 1, 1)).build();
        assertThatThrownBy(() -> uneven.apply(batch(32, 1, 2, 2), 0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("images of different sizes in one batch");
    }
}
