package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Task;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Class mask columns: their checks, Arrow round trip, signature, and one-hot batches per element. */
@ExtendWith(ArrowLeakCheck.class)
class MaskColumnTest {
    private static final List<String> CLASSES = List.of("background", "a", "b");
    private static final Schema SCHEMA = Schema.of(Column.tensor("image", 1, 2, 2),
            Column.mask("mask", CLASSES, 2, 2).withRole(ColumnRole.LABEL));

    @TempDir
    Path dir;

    private static Dataset twoRows() {
        return Dataset.builder(SCHEMA)
                .add(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {0, 1, 2, 0})
                .add(new float[] {0.5f, 0.6f, 0.7f, 0.8f}, new float[] {2, 2, 1, 1})
                .build();
    }

    @Test
    void aMaskIsATensorWithClassNames() {
        Column m = SCHEMA.column("mask");
        assertThat(m.isMask()).isTrue();
        assertThat(m.type()).isEqualTo(ColumnType.TENSOR);
        assertThat(m.categories()).isEqualTo(CLASSES);
        assertThat(m.width()).isEqualTo(4);
        assertThat(m.toString()).isEqualTo("mask:mask[2, 2]3 classes(label)");
        assertThat(Column.tensor("t", 2).isMask()).isFalse();
        assertThatThrownBy(() -> Column.mask("m", List.of("only"), 2)).hasMessageContaining("at least 2 classes");
        assertThatThrownBy(() -> Column.mask("m", List.of("a", "b\nc"), 2)).hasMessageContaining("single lines");
    }

    @Test
    void theClassNamesSurviveAnArrowFile() {
        Path file = dir.resolve("masks.arrow");
        try (Dataset d = twoRows()) {
            d.writeArrow(file);
        }
        try (Dataset back = Dataset.readArrow(file)) {
            assertThat(back.schema()).isEqualTo(SCHEMA);
        }
    }

    @Test
    void theSignatureIsSegmentationWithClassesFirst() {
        ModelSignature sig = ModelSignature.supervised(SCHEMA);
        assertThat(sig.task()).isEqualTo(Task.SEGMENTATION);
        assertThat(sig.classNames()).isEqualTo(CLASSES);
        assertThat(sig.outputShape()).containsExactly(3, 2, 2);
        assertThat(sig.outputWidth()).isEqualTo(12);
        assertThat(ModelSignature.fromMap(sig.toMap())).isEqualTo(sig);
    }

    @Test
    void batchesAreOneHotPerElementChannelsFirst() {
        try (Dataset d = twoRows(); BatchIterator it = d.batches().batchSize(2).build()) {
            assertThat(it.labelWidth()).isEqualTo(12);
            Batch b = it.next();
            assertThat(b.labels().toFloatMatrix()).isEqualTo(new float[][] {
                {1, 0, 0, 1, /* a */ 0, 1, 0, 0, /* b */ 0, 0, 1, 0},
                {0, 0, 0, 0, /* a */ 0, 0, 1, 1, /* b */ 1, 1, 0, 0}});
        }
    }

    @Test
    void anIdOutsideTheClassesIsAnErrorNamingColumnAndRow() {
        try (Dataset d = Dataset.builder(SCHEMA).add(new float[4], new float[] {0, 0, 0, 0})
                .add(new float[4], new float[] {0, 3, 0, 0}).build();
             BatchIterator it = d.batches().batchSize(2).build()) {
            assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                    .hasMessage("mask column 'mask' holds 3.0 at element 1 of row 1; a mask holds whole class ids in [0, 3)");
        }
    }
}
