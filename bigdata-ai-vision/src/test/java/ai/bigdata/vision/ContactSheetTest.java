package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class ContactSheetTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "owl");
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 2, 2),
            Column.categorical("label", ColumnRole.LABEL, CLASSES),
            Column.categorical("prediction", ColumnRole.PREDICTION, CLASSES),
            Column.tensor("probabilities", 3).withRole(ColumnRole.PREDICTION));

    @TempDir
    Path dir;

    private static Dataset predicted() {
        return Dataset.builder(SCHEMA)
                .add(new float[] {1, 1, 1, 1}, "cat", "cat", new float[] {0.99f, 0.005f, 0.005f})
                .add(new float[] {0, 1, 1, 1}, "cat", "dog", new float[] {0.3f, 0.6f, 0.1f})
                .add(new float[] {0, 0, 1, 1}, "owl", "dog", new float[] {0.05f, 0.9f, 0.05f})
                .add(new float[] {0, 0, 0, 1}, "dog", "owl", new float[] {0.2f, 0.2f, 0.6f})
                .add(null, "dog", "cat", new float[] {0.95f, 0.05f, 0f})
                .build();
    }

    @Test
    void picksTheMostConfidentMistakesInOrderTiesByRow() {
        try (Dataset d = predicted()) {
            assertThat(ContactSheet.of(d).select()).containsExactly(
                    new ContactSheet.Entry(2, "owl", "dog", 0.9f),
                    new ContactSheet.Entry(1, "cat", "dog", 0.6f),
                    new ContactSheet.Entry(3, "dog", "owl", 0.6f));
            assertThat(ContactSheet.of(d).count(2).select()).extracting(ContactSheet.Entry::row).containsExactly(2L, 1L);
        }
    }

    @Test
    void writesAPngWithEachImageEnlargedAndCaptioned() throws IOException {
        Path png = dir.resolve("sheet.png");
        try (Dataset d = predicted()) {
            List<ContactSheet.Entry> shown = ContactSheet.of(d).scale(10).perRow(2).write(png);
            assertThat(shown).hasSize(3);
        }
        BufferedImage im = ImageIO.read(png.toFile());
        // two tiles per row of 140 x (20 + 30) with 4-pixel gaps; two rows
        assertThat(im.getWidth()).isEqualTo(4 + 2 * 144);
        assertThat(im.getHeight()).isEqualTo(4 + 2 * 54);
        // first tile: row 2's image [0, 0; 1, 1], 20 x 20, centred in 140 pixels from x = 4 + 60
        assertThat(im.getRGB(64 + 5, 4 + 5) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(im.getRGB(64 + 15, 4 + 5) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(im.getRGB(64 + 5, 4 + 15) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // second tile: row 1's image [0, 1; 1, 1]
        assertThat(im.getRGB(144 + 64 + 15, 4 + 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(im.getRGB(144 + 64 + 5, 4 + 5) & 0xFFFFFF).isEqualTo(0x000000);
        int inked = 0;
        for (int y = 4 + 20; y < 4 + 50; y++) {
            for (int x = 4; x < 144; x++) {
                inked += (im.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(inked).as("caption text under the first tile").isGreaterThan(50);
    }

    @Test
    void missingColumnsAreNamed() {
        try (Dataset d = Dataset.builder(Schema.of(Column.tensor("image", 1, 1, 1))).add((Object) new float[] {0}).build()) {
            assertThatThrownBy(() -> ContactSheet.of(d).select()).hasMessageContaining("no column 'label'");
        }
    }
}
