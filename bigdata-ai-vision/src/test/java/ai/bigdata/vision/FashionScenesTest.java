package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seeded scene generator on the embedded Fashion-MNIST sample. */
@ExtendWith(ArrowLeakCheck.class)
class FashionScenesTest {
    private static List<float[][]> rows(Dataset scenes) {
        List<float[][]> out = new ArrayList<>();
        scenes.forEachRow(r -> out.add(new float[][] {(float[]) r.get("image"), (float[]) r.get("mask"), (float[]) r.get("boxes")}));
        return out;
    }

    @Test
    void theBoxesCanBeTheLabel() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset some = items.head(20);
             Dataset scenes = FashionScenes.from(some).count(2).label(FashionScenes.BOXES).build()) {
            assertThat(scenes.schema().column("boxes").role()).isEqualTo(ColumnRole.LABEL);
            assertThat(scenes.schema().column("mask").role()).isEqualTo(ColumnRole.ID);
            assertThatThrownBy(() -> FashionScenes.from(some).label("image")).hasMessageContaining("the label is 'mask' or 'boxes', got 'image'");
        }
    }

    @Test
    void theSchemaHasAnImageAMaskLabelAndBoxes() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset scenes = FashionScenes.from(items).count(3).build()) {
            assertThat(scenes.rowCount()).isEqualTo(3);
            assertThat(scenes.schema().column("image").shape()).containsExactly(1, 96, 96);
            Column mask = scenes.schema().column("mask");
            assertThat(mask.isMask()).isTrue();
            assertThat(mask.role()).isEqualTo(ColumnRole.LABEL);
            assertThat(mask.shape()).containsExactly(96, 96);
            assertThat(mask.categories()).hasSize(11).startsWith("background", "T-shirt/top").endsWith("Ankle boot");
            assertThat(scenes.schema().column("boxes").role()).isEqualTo(ColumnRole.ID);
            assertThat(scenes.schema().column("boxes").shape()).containsExactly(4, 5);
            assertThat(scenes.schema().column("boxes").isBoxes()).isTrue();
            assertThat(scenes.schema().column("boxes").categories()).isEqualTo(FashionMnist.CLASS_NAMES);
        }
    }

    @Test
    void theSameSeedGivesTheSameScenesAndAnotherSeedOthers() {
        try (Dataset items = FashionMnist.embeddedSample();
             Dataset a = FashionScenes.from(items).count(20).seed(7).build();
             Dataset b = FashionScenes.from(items).count(20).seed(7).build();
             Dataset c = FashionScenes.from(items).count(20).seed(8).build()) {
            List<float[][]> ra = rows(a);
            List<float[][]> rb = rows(b);
            List<float[][]> rc = rows(c);
            for (int i = 0; i < ra.size(); i++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(rb.get(i)[k]).containsExactly(ra.get(i)[k]);
                }
            }
            assertThat(rc.get(0)[0]).isNotEqualTo(ra.get(0)[0]);
        }
    }

    /**
     * Masks come from the items' own pixels: an element is an item's class exactly where the image is
     * above the threshold; every item of the scene has its class inside its box, and there are 2 to 4
     * items, each drawn from the ten classes.
     */
    @Test
    void masksMatchTheItemPixelsAndScenesHoldTwoToFourItems() {
        int[] itemsSeen = new int[5];
        try (Dataset items = FashionMnist.embeddedSample(); Dataset scenes = FashionScenes.from(items).count(200).seed(3).build()) {
            for (float[][] s : rows(scenes)) {
                float[] image = s[0];
                float[] mask = s[1];
                float[] boxes = s[2];
                for (int p = 0; p < image.length; p++) {
                    assertThat(mask[p] > 0).as("pixel %d", p).isEqualTo(image[p] > 0.05f);
                    assertThat(mask[p]).isBetween(0f, 10f);
                }
                int n = 0;
                for (int k = 0; k < 4; k++) {
                    int cls = (int) boxes[k * 5];
                    if (cls == 0) {
                        continue;
                    }
                    n++;
                    int x0 = (int) boxes[k * 5 + 1];
                    int y0 = (int) boxes[k * 5 + 2];
                    int x1 = (int) boxes[k * 5 + 3];
                    int y1 = (int) boxes[k * 5 + 4];
                    assertThat(x1 - x0).isBetween(0, 27);
                    assertThat(y1 - y0).isBetween(0, 27);
                    boolean found = false;
                    for (int y = y0; y <= y1 && !found; y++) {
                        for (int x = x0; x <= x1 && !found; x++) {
                            found = mask[y * 96 + x] == cls;
                        }
                    }
                    assertThat(found).as("class %d inside its box", cls).isTrue();
                }
                itemsSeen[n]++;
            }
        }
        assertThat(itemsSeen[0] + itemsSeen[1]).isZero();
        assertThat(itemsSeen[2]).isPositive();
        assertThat(itemsSeen[3]).isPositive();
        assertThat(itemsSeen[4]).isPositive();
    }

    /** One item on a canvas of its own size: the scene is the item, pixel for pixel. */
    @Test
    void aSingleItemOnItsOwnCanvasIsThatItem() {
        try (Dataset items = FashionMnist.embeddedSample(); Dataset one = items.head(1);
             Dataset scene = FashionScenes.from(one).size(28).items(1, 1).count(1).build()) {
            float[] item = (float[]) rowsOf(one).get(0);
            float[][] s = rows(scene).get(0);
            assertThat(s[0]).containsExactly(item);
            int id = 1 + labelId(one);
            for (int p = 0; p < item.length; p++) {
                assertThat(s[1][p]).isEqualTo(item[p] > 0.05f ? id : 0);
            }
        }
    }

    private static int labelId(Dataset one) {
        List<Integer> id = new ArrayList<>();
        one.forEachRow(r -> id.add(FashionMnist.CLASS_NAMES.indexOf(r.getString("label"))));
        return id.get(0);
    }

    private static List<Object> rowsOf(Dataset d) {
        List<Object> out = new ArrayList<>();
        d.forEachRow(r -> out.add(r.get("image")));
        return out;
    }

    @Test
    void settingsAreChecked() {
        try (Dataset items = FashionMnist.embeddedSample()) {
            assertThatThrownBy(() -> FashionScenes.from(items).size(20).count(1).build()).hasMessageContaining("do not fit a canvas");
            assertThatThrownBy(() -> FashionScenes.from(items).items(3, 2)).hasMessageContaining("1 <= min <= max");
            assertThatThrownBy(() -> FashionScenes.from(items).threshold(1f)).hasMessageContaining("threshold must be in [0, 1)");
            assertThatThrownBy(() -> FashionScenes.from(items).count(0)).hasMessageContaining("count must be in");
        }
    }
}
