package ai.bigdata.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded sequence of {@link Augmentation}s applied to a batch of images, without materialising an
 * augmented copy of a dataset. Each image gets its own random generator, seeded from the pipeline's seed,
 * the epoch, the batch's index in the epoch and the image's row in the batch (SplitMix64 mixing), so
 * {@link #apply(INDArray, int, long)} is a pure function of (seed, epoch, batch index, batch): the same
 * images come out on any thread, in any order of batches, and after a resume. Images are processed in
 * parallel. Immutable and thread-safe (the operations hold no state).
 *
 * <pre>{@code
 * AugmentationPipeline aug = AugmentationPipeline.builder().seed(42)
 *         .add(Augmentation.randomCrop(28, 28, 4)).add(Augmentation.horizontalFlip(0.5)).build();
 * INDArray augmented = aug.apply(batch.features(), epoch, batchIndexInEpoch);
 * }</pre>
 */
public final class AugmentationPipeline {
    private final long seed;
    private final List<Augmentation> steps;
    private final int[] flatShape;
    private final boolean parallel;

    private AugmentationPipeline(Builder b) {
        this.seed = b.seed;
        this.steps = List.copyOf(b.steps);
        this.flatShape = b.flatShape;
        this.parallel = b.parallel;
    }

    /** A new builder (seed 0, no operations). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The augmented batch: input {@code [n, channels, height, width]}, {@code [n, height, width]} (one
     * channel) or, with {@link Builder#flatImages}, {@code [n, channels * height * width]}; the output has
     * the same rank, float32, with the size the operations give (which must be the same for every image).
     * The input is not changed.
     */
    public INDArray apply(INDArray batch, int epoch, long batchIndex) {
        long[] s = batch.shape();
        int n = (int) s[0];
        int[] chw;
        if (s.length == 4) {
            chw = new int[] {(int) s[1], (int) s[2], (int) s[3]};
        } else if (s.length == 3) {
            chw = new int[] {1, (int) s[1], (int) s[2]};
        } else if (s.length == 2 && flatShape != null) {
            chw = flatShape.clone();
            if ((long) chw[0] * chw[1] * chw[2] != s[1]) {
                throw new IllegalArgumentException("a flat batch of width " + s[1] + " does not hold images of "
                        + Arrays.toString(chw));
            }
        } else {
            throw new IllegalArgumentException("a batch of images is [n, channels, height, width] or [n, height, width],"
                    + " or [n, pixels] with flatImages(...); got shape " + Arrays.toString(s));
        }
        int size = chw[0] * chw[1] * chw[2];
        float[] in = batch.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ImageTensor[] out = new ImageTensor[n];
        IntStream rows = IntStream.range(0, n);
        (parallel ? rows.parallel() : rows).forEach(i -> out[i] = apply(
                new ImageTensor(Arrays.copyOfRange(in, i * size, (i + 1) * size), chw[0], chw[1], chw[2]), epoch, batchIndex, i));
        if (n == 0) {
            return batch.castTo(DataType.FLOAT).dup('c');
        }
        ImageTensor first = out[0];
        float[] all = new float[Math.multiplyExact(n, first.values().length)];
        for (int i = 0; i < n; i++) {
            ImageTensor im = out[i];
            if (im.channels() != first.channels() || im.height() != first.height() || im.width() != first.width()) {
                throw new IllegalStateException("the operations gave images of different sizes in one batch: row 0 is "
                        + first.channels() + " x " + first.height() + " x " + first.width() + ", row " + i + " is "
                        + im.channels() + " x " + im.height() + " x " + im.width());
            }
            System.arraycopy(im.values(), 0, all, i * im.values().length, im.values().length);
        }
        long[] shape = s.length == 4 ? new long[] {n, first.channels(), first.height(), first.width()}
                : s.length == 3 && first.channels() == 1 ? new long[] {n, first.height(), first.width()}
                : s.length == 3 ? new long[] {n, first.channels(), first.height(), first.width()}
                : new long[] {n, first.values().length};
        return Nd4j.create(all, shape, 'c');
    }

    /** One image of a batch augmented: row {@code row} of batch {@code batchIndex} in epoch {@code epoch}. */
    public ImageTensor apply(ImageTensor image, int epoch, long batchIndex, int row) {
        SplittableRandom random = new SplittableRandom(imageSeed(seed, epoch, batchIndex, row));
        ImageTensor im = image;
        for (Augmentation a : steps) {
            im = a.apply(im, random);
        }
        return im;
    }

    /** The seed of one image's generator: SplitMix64's finaliser chained over the four numbers. */
    static long imageSeed(long seed, int epoch, long batchIndex, int row) {
        long h = mix(seed);
        h = mix(h ^ (epoch + 0x9E3779B97F4A7C15L));
        h = mix(h ^ (batchIndex + 0xBF58476D1CE4E5B9L));
        return mix(h ^ (row + 0x94D049BB133111EBL));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The operations, in order. */
    public List<Augmentation> steps() {
        return steps;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Options of a pipeline. */
    public static final class Builder {
        private long seed;
        private final List<Augmentation> steps = new ArrayList<>();
        private int[] flatShape;
        private boolean parallel = true;

        private Builder() {
        }

        /** The seed (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Appends an operation. */
        public Builder add(Augmentation a) {
            steps.add(java.util.Objects.requireNonNull(a, "augmentation"));
            return this;
        }

        /** Reads rank-2 batches {@code [n, channels * height * width]} as images of this shape. */
        public Builder flatImages(int channels, int height, int width) {
            if (channels <= 0 || height <= 0 || width <= 0) {
                throw new IllegalArgumentException("image dimensions must be positive, got " + channels + " x " + height
                        + " x " + width);
            }
            this.flatShape = new int[] {channels, height, width};
            return this;
        }

        /** Whether images of a batch are processed in parallel (default true; the result is the same). */
        public Builder parallel(boolean p) {
            this.parallel = p;
            return this;
        }

        /** The pipeline. */
        public AugmentationPipeline build() {
            return new AugmentationPipeline(this);
        }
    }
}
