package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Boxes columns keep their kind through Arrow, and batches refuse invalid boxes naming column, row and box. */
@ExtendWith(ArrowLeakCheck.class)
class BoxesLabelTest {
    private static final Column BOXES = Column.boxes("boxes", List.of("a", "b"), 2).withRole(ColumnRole.LABEL);
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 8, 8), BOXES);

    private static Dataset rows(float[]... boxes) {
        try (DatasetWriter w = Dataset.writer(SCHEMA)) {
            for (float[] b : boxes) {
                w.column(0).appendTensor(new float[64]);
                w.column(1).appendTensor(b);
                w.endRow();
            }
            return w.build();
        }
    }

    private static void readAll(Dataset d) {
        try (BatchIterator it = d.batches().batchSize(4).build()) {
            while (it.hasNext()) {
                it.next();
            }
        }
    }

    private static final float[] GOOD = {1, 0, 0, 7, 7, 2, 2, 3, 4, 5};

    private static ThrowingCallable secondRow(float[] bad) {
        return () -> {
            try (Dataset d = rows(GOOD, bad)) {
                readAll(d);
            }
        };
    }

    @Test
    void theKindSurvivesArrowAndValidBoxesPass() {
        try (Dataset d = rows(GOOD, new float[10])) {
            Column c = d.schema().column("boxes");
            assertThat(c.isBoxes()).isTrue();
            assertThat(c.isMask()).isFalse();
            assertThat(c.categories()).containsExactly("a", "b");
            assertThat(c).isEqualTo(BOXES);
            assertThat(c.toString()).isEqualTo("boxes:boxes[2, 5]2 classes(label)");
            readAll(d);
        }
    }

    @Test
    void aBoxOutsideTheImageIsRefused() {
        assertThatThrownBy(secondRow(new float[] {1, 0, 0, 8, 7, 0, 0, 0, 0, 0})).isInstanceOfSatisfying(InvalidBoxException.class, e -> {
            assertThat(e.column()).isEqualTo("boxes");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.box()).isEqualTo(0);
        }).hasMessageContaining("boxes column 'boxes', row 1, box 0").hasMessageContaining("outside the 8 x 8 image");
        assertThatThrownBy(secondRow(new float[] {1, -1, 0, 3, 3, 0, 0, 0, 0, 0})).isInstanceOf(InvalidBoxException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void aNegativeWidthIsRefused() {
        assertThatThrownBy(secondRow(new float[] {1, 0, 0, 7, 7, 2, 5, 0, 4, 3})).isInstanceOf(InvalidBoxException.class)
                .hasMessageContaining("row 1, box 1: negative width or height");
    }

    @Test
    void aClassNotInTheSchemaIsRefused() {
        assertThatThrownBy(secondRow(new float[] {3, 0, 0, 1, 1, 0, 0, 0, 0, 0})).isInstanceOf(InvalidBoxException.class)
                .hasMessageContaining("row 1, box 0: class id 3.0 is not one of the column's 2 classes");
        assertThatThrownBy(secondRow(new float[] {1.5f, 0, 0, 1, 1, 0, 0, 0, 0, 0})).isInstanceOf(InvalidBoxException.class)
                .hasMessageContaining("class id 1.5");
        assertThatThrownBy(secondRow(new float[] {0, 0, 0, 1, 1, 0, 0, 0, 0, 0})).isInstanceOf(InvalidBoxException.class)
                .hasMessageContaining("class id 0 marks no box");
    }

    @Test
    void factoryArgumentsAreChecked() {
        assertThatThrownBy(() -> Column.boxes("b", List.of(), 2)).hasMessageContaining("at least 1 class");
        assertThatThrownBy(() -> Column.boxes("b", List.of("a"), 0)).hasMessageContaining("positive number of boxes");
    }
}
