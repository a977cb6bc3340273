package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each operation's exact pixels on tiny hand-made images, and its random draws. */
class AugmentationTest {
    private static ImageTensor image(int c, int h, int w, float... v) {
        return new ImageTensor(v, c, h, w);
    }

    private static ImageTensor oneToNine() {
        return image(1, 3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void horizontalFlipMirrorsEveryRowOfEveryChannel() {
        ImageTensor im = image(2, 1, 3, 1, 2, 3, 4, 5, 6);
        assertThat(Augmentation.horizontalFlip(1).apply(im, new SplittableRandom(1)).values()).containsExactly(3, 2, 1, 6, 5, 4);
        ImageTensor kept = image(1, 1, 2, 1, 2);
        assertThat(Augmentation.horizontalFlip(0).apply(kept, new SplittableRandom(1)).values()).containsExactly(1, 2);
    }

    @Test
    void verticalFlipSwapsRows() {
        ImageTensor im = image(1, 3, 2, 1, 2, 3, 4, 5, 6);
        assertThat(Augmentation.verticalFlip(1).apply(im, new SplittableRandom(1)).values()).containsExactly(5, 6, 3, 4, 1, 2);
    }

    @Test
    void flipWithProbabilityOneHalfFlipsAboutHalfAndTheSameOnesForTheSameSeed() {
        int flipped = 0;
        for (int s = 0; s < 1000; s++) {
            float first = Augmentation.horizontalFlip(0.5).apply(image(1, 1, 2, 1, 2), new SplittableRandom(s)).values()[0];
            float again = Augmentation.horizontalFlip(0.5).apply(image(1, 1, 2, 1, 2), new SplittableRandom(s)).values()[0];
            assertThat(again).isEqualTo(first);
            flipped += first == 2 ? 1 : 0;
        }
        // binomial(1000, 0.5): 5 standard deviations is +-79
        assertThat(flipped).isBetween(421, 579);
    }

    @Test
    void randomCropPadsWithZerosAndReachesEveryOffset() {
        assertThat(RandomCrop.window(oneToNine(), -1, -1, 3, 3).values()).containsExactly(0, 0, 0, 0, 1, 2, 0, 4, 5);
        assertThat(RandomCrop.window(oneToNine(), 1, 0, 3, 3).values()).containsExactly(4, 5, 6, 7, 8, 9, 0, 0, 0);
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            float[] out = Augmentation.randomCrop(3, 3, 1).apply(oneToNine(), new SplittableRandom(s)).values();
            boolean matched = false;
            for (int t = -1; t <= 1; t++) {
                for (int l = -1; l <= 1; l++) {
                    if (java.util.Arrays.equals(out, RandomCrop.window(oneToNine(), t, l, 3, 3).values())) {
                        seen.add(t + "," + l);
                        matched = true;
                    }
                }
            }
            assertThat(matched).isTrue();
        }
        assertThat(seen).hasSize(9);
        assertThatThrownBy(() -> Augmentation.randomCrop(6, 3, 1).apply(oneToNine(), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void quarterTurnsAndShiftsMovePixelsExactly() {
        assertThat(RotateShift.transform(oneToNine(), 90, 0, 0).values()).containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
        assertThat(RotateShift.transform(oneToNine(), -90, 0, 0).values()).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
        assertThat(RotateShift.transform(oneToNine(), 180, 0, 0).values()).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(RotateShift.transform(oneToNine(), 0, 1, 0).values()).containsExactly(0, 1, 2, 0, 4, 5, 0, 7, 8);
        assertThat(RotateShift.transform(oneToNine(), 0, 0, -1).values()).containsExactly(4, 5, 6, 7, 8, 9, 0, 0, 0);
        // 10 degrees: nearest-neighbour leaves the centre and the middle cross in place on a 3 x 3 image
        assertThat(RotateShift.transform(oneToNine(), 10, 0, 0).values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Augmentation.rotateAndShift(0, 0).apply(oneToNine(), new SplittableRandom(3)).values())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void rotateAndShiftDrawsWithinItsBoundsAndRepeatsForTheSameSeed() {
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 100; s++) {
            float[] a = Augmentation.rotateAndShift(0, 1.0 / 3).apply(oneToNine(), new SplittableRandom(s)).values();
            float[] b = Augmentation.rotateAndShift(0, 1.0 / 3).apply(oneToNine(), new SplittableRandom(s)).values();
            assertThat(b).containsExactly(a);
            boolean matched = false;
            for (int tx = -1; tx <= 1; tx++) {
                for (int ty = -1; ty <= 1; ty++) {
                    if (java.util.Arrays.equals(a, RotateShift.transform(oneToNine(), 0, tx, ty).values())) {
                        matched = true;
                        seen.add(tx + "," + ty);
                    }
                }
            }
            assertThat(matched).isTrue();
        }
        assertThat(seen).hasSize(9);
    }

    @Test
    void randomErasingZeroesOneRectangleInEveryChannel() {
        float[] ones = new float[32];
        java.util.Arrays.fill(ones, 1);
        Set<Integer> corners = new HashSet<>();
        for (int s = 0; s < 100; s++) {
            ImageTensor out = Augmentation.randomErasing(1, 0.25, 0.25, 1, 1).apply(image(2, 4, 4, ones.clone()),
                    new SplittableRandom(s));
            int first = -1;
            int zeros = 0;
            for (int i = 0; i < 16; i++) {
                if (out.values()[i] == 0) {
                    zeros++;
                    first = first < 0 ? i : first;
                }
                assertThat(out.values()[16 + i]).isEqualTo(out.values()[i]);
            }
            assertThat(zeros).isEqualTo(4);
            int top = first / 4;
            int left = first % 4;
            assertThat(out.at(0, top, left + 1) + out.at(0, top + 1, left) + out.at(0, top + 1, left + 1)).isZero();
            corners.add(first);
        }
        assertThat(corners).hasSize(9);
        ImageTensor kept = Augmentation.randomErasing(0).apply(image(2, 4, 4, ones.clone()), new SplittableRandom(1));
        assertThat(kept.values()).containsOnly(1f);
    }

    @Test
    void brightnessThenContrastAreExactAndClamped() {
        ImageTensor grey = BrightnessContrast.adjust(image(1, 1, 2, 0.2f, 0.6f), 2, 0.5);
        float b0 = (float) (0.2f * 2.0);
        double mean = (b0 + 1.0) / 2;
        assertThat(grey.values()).containsExactly((float) (0.5 * b0 + 0.5 * mean), (float) (0.5 * 1f + 0.5 * mean));
        ImageTensor rgb = BrightnessContrast.adjust(image(3, 1, 1, 1, 0, 0), 1, 0);
        assertThat(rgb.values()).containsExactly((float) 0.299, (float) 0.299, (float) 0.299);
        float[] same = Augmentation.brightnessContrast(0, 0).apply(image(1, 1, 2, 0.2f, 0.6f), new SplittableRandom(1)).values();
        assertThat(same).containsExactly(0.2f, 0.6f);
    }

    @Test
    void resizeAndCenterCrop() {
        assertThat(Augmentation.resize(1, 4).apply(image(1, 1, 2, 0, 200), null).values()).containsExactly(0, 50, 150, 200);
        assertThat(Augmentation.resize(2, 1).apply(image(1, 2, 2, 0, 2, 4, 6), null).values()).containsExactly(1, 5);
        ImageTensor crop = Augmentation.centerCrop(2, 2).apply(image(1, 2, 4, 1, 2, 3, 4, 5, 6, 7, 8), null);
        assertThat(crop.values()).containsExactly(2, 3, 6, 7);
        assertThat(crop.height()).isEqualTo(2);
        assertThatThrownBy(() -> Augmentation.centerCrop(3, 3).apply(image(1, 2, 4, new float[8]), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> Augmentation.horizontalFlip(1.5)).hasMessageContaining("probability in [0, 1]");
        assertThatThrownBy(() -> Augmentation.randomCrop(0, 2, 0)).hasMessageContaining("crop height must be positive");
        assertThatThrownBy(() -> Augmentation.rotateAndShift(Double.NaN, 0)).hasMessageContaining("maxDegrees");
        assertThatThrownBy(() -> Augmentation.randomErasing(1, 0.5, 0.2, 1, 1)).hasMessageContaining("0 < min <= max <= 1");
        assertThatThrownBy(() -> Augmentation.brightnessContrast(-1, 0)).hasMessageContaining("brightness");
        assertThatThrownBy(() -> new ImageTensor(new float[3], 1, 2, 2)).hasMessageContaining("holds 4 values, got 3");
    }
}
