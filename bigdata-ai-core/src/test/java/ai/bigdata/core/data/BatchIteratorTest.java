package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

@ExtendWith(ArrowLeakCheck.class)
class BatchIteratorTest {
    @TempDir
    Path dir;

    /** Rows whose tensor cell holds (row id, row id + 0.5, ...) so that any row can be recognised. */
    static Dataset tensors(int rows, int chunkRows) {
        Schema s = Schema.of(Column.tensor("x", 2, 3), Column.of("y", ColumnType.FLOAT32, ColumnRole.LABEL));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(chunkRows);
        for (int i = 0; i < rows; i++) {
            float[] cell = new float[6];
            for (int k = 0; k < 6; k++) {
                cell[k] = i + k * 0.5f;
            }
            b.add(cell, (float) i);
        }
        return b.build();
    }

    @Test
    void tensorBatchesAreZeroCopyViewsOfArrowMemory() {
        try (Dataset d = tensors(100, 40); BatchIterator it = d.batches().batchSize(20).build()) {
            long arrowAddress;
            try (ChunkReader r = d.source().open()) {
                Chunk c = r.chunk(0);
                arrowAddress = ((FixedSizeListVector) c.vector(0)).getDataVector().getDataBuffer().memoryAddress();
            }
            Batch first = it.next();
            assertThat(first.isView()).isTrue();
            assertThat(first.features().shape()).containsExactly(20, 2, 3);
            assertThat(first.features().data().address() + first.features().offset() * 4).isEqualTo(arrowAddress);
            assertThat(first.features().getFloat(7, 1, 2)).isEqualTo(7 + 5 * 0.5f);
            assertThat(first.labels().getFloat(7, 0)).isEqualTo(7f);
            List<Boolean> views = new ArrayList<>();
            List<Float> firstValues = new ArrayList<>();
            views.add(true);
            firstValues.add(first.features().getFloat(0, 0, 0));
            while (it.hasNext()) {
                Batch b = it.next();
                views.add(b.isView());
                firstValues.add(b.features().getFloat(0, 0, 0));
            }
            // chunks of 40 rows and batches of 20: batch 3 (rows 40..59) is inside chunk 1, batch 2 (20..39) inside chunk 0
            assertThat(views).containsExactly(true, true, true, true, true);
            assertThat(firstValues).containsExactly(0f, 20f, 40f, 60f, 80f);
        }
    }

    @Test
    void batchesStraddlingChunksArePackedCopies() {
        try (Dataset d = tensors(100, 30); BatchIterator it = d.batches().batchSize(20).flat(true).build()) {
            List<Boolean> views = new ArrayList<>();
            List<Float> seen = new ArrayList<>();
            while (it.hasNext()) {
                Batch b = it.next();
                views.add(b.isView());
                assertThat(b.features().shape()[1]).isEqualTo(6);
                for (int i = 0; i < b.size(); i++) {
                    seen.add(b.features().getFloat(i, 0));
                    assertThat(b.features().getFloat(i, 5)).isEqualTo(b.features().getFloat(i, 0) + 2.5f);
                }
            }
            assertThat(views).containsExactly(true, false, true, true, false);
            assertThat(seen).hasSize(100);
            for (int i = 0; i < 100; i++) {
                assertThat(seen.get(i)).isEqualTo((float) i);
            }
        }
    }

    @Test
    void viewBatchesGetFreshOneHotLabelsAndScalarBatchesAreColumnMajor() {
        Schema s = Schema.of(Column.tensor("x", 2), Column.categorical("y", ColumnRole.LABEL, List.of("a", "b", "c")),
                Column.of("z", ColumnType.FLOAT64));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(10);
        for (int i = 0; i < 10; i++) {
            b.add(new float[] {i, -i}, List.of("a", "b", "c").get(i % 3), i * 1.5);
        }
        try (Dataset d = b.build(); Dataset tensorAndLabel = d.select("x", "y");
             BatchIterator it = tensorAndLabel.batches().batchSize(4).build()) {
            while (it.hasNext()) {
                Batch x = it.next();
                assertThat(x.isView()).isTrue();
                for (int i = 0; i < x.size(); i++) {
                    int row = (int) x.features().getFloat(i, 0);
                    assertThat(x.labels().getRow(i).sumNumber().floatValue()).isEqualTo(1f);
                    assertThat(x.labels().getFloat(i, row % 3)).isEqualTo(1f);
                }
            }
            try (BatchIterator scalars = d.batches().features("z").label("y").batchSize(4).build()) {
                Batch first = scalars.next();
                assertThat(first.features().ordering()).isEqualTo('f');
                assertThat(first.features().getFloat(3, 0)).isEqualTo(4.5f);
                scalars.next();
                Batch last = scalars.next();
                assertThat(last.size()).isEqualTo(2);
                assertThat(last.features().getFloat(1, 0)).isEqualTo(13.5f);
            }
        }
    }

    @Test
    void shuffledEpochsVisitEveryRowOnceInANewReproducibleOrder() {
        try (Dataset d = tensors(250, 64)) {
            List<Float> e0 = epochOrder(d, 9, 0);
            List<Float> e1 = epochOrder(d, 9, 1);
            assertThat(new HashSet<>(e0)).hasSize(250);
            assertThat(new HashSet<>(e1)).hasSize(250);
            assertThat(e0).isNotEqualTo(e1);
            assertThat(epochOrder(d, 9, 0)).isEqualTo(e0);
        }
    }

    private static List<Float> epochOrder(Dataset d, long seed, int epochs) {
        List<Float> order = new ArrayList<>();
        try (BatchIterator it = d.batches().batchSize(32).shuffle(seed).build()) {
            for (int e = 0; e < epochs; e++) {
                while (it.hasNext()) {
                    it.next();
                }
                it.reset();
            }
            while (it.hasNext()) {
                Batch b = it.next();
                for (int i = 0; i < b.size(); i++) {
                    float id = b.labels().getFloat(i, 0);
                    assertThat(b.features().getFloat(i, 1, 1)).isEqualTo(id + 2f);
                    order.add(id);
                }
            }
        }
        return order;
    }

    @Test
    void streamedFilesShuffleChunkByChunkAndCoverEveryRow() {
        Path f = dir.resolve("t.arrow");
        try (Dataset d = tensors(300, 50)) {
            d.writeArrow(f);
        }
        try (Dataset s = Dataset.readArrow(f); BatchIterator it = s.batches().batchSize(64).shuffle(5).dropLast(false).build()) {
            Set<Float> seen = new HashSet<>();
            long batches = 0;
            while (it.hasNext()) {
                Batch b = it.next();
                batches++;
                for (int i = 0; i < b.size(); i++) {
                    assertThat(seen.add(b.labels().getFloat(i, 0))).isTrue();
                }
            }
            assertThat(seen).hasSize(300);
            assertThat(batches).isEqualTo(it.batchesPerEpoch()).isEqualTo(5);
        }
    }

    @Test
    void numericColumnsArePackedAndCategoricalLabelsOneHot() {
        try (Dataset o = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset acids = o.drop("region");
             BatchIterator it = acids.batches().batchSize(100).dropLast(true).build()) {
            assertThat(it.featureWidth()).isEqualTo(8);
            assertThat(it.labelWidth()).isEqualTo(9);
            assertThat(it.batchesPerEpoch()).isEqualTo(5);
            Batch b = it.next();
            INDArray x = b.features();
            assertThat(x.shape()).containsExactly(100, 8);
            List<double[]> expected = new ArrayList<>();
            List<String> areas = new ArrayList<>();
            try (Dataset first = acids.head(100)) {
                first.forEachRow(r -> {
                    double[] row = new double[8];
                    for (int k = 0; k < 8; k++) {
                        row[k] = r.getDouble(acids.schema().column(k + 1).name());
                    }
                    expected.add(row);
                    areas.add(r.getString("area"));
                });
            }
            List<String> classes = acids.schema().column("area").categories();
            for (int i = 0; i < 100; i++) {
                for (int k = 0; k < 8; k++) {
                    assertThat(x.getFloat(i, k)).isEqualTo((float) expected.get(i)[k]);
                }
                assertThat(b.labels().getRow(i).sumNumber().floatValue()).isEqualTo(1f);
                assertThat(b.labels().getFloat(i, classes.indexOf(areas.get(i)))).isEqualTo(1f);
            }
        }
    }

    @Test
    void nullsAndNonNumericFeaturesAreRefusedByName() {
        Schema s = Schema.of(Column.of("a", ColumnType.FLOAT64), Column.of("t", ColumnType.TEXT));
        try (Dataset d = Dataset.builder(s).add(1.0, "x").add(null, "y").build()) {
            assertThatThrownBy(() -> d.batches().build()).hasMessageContaining("[t:text]");
            try (BatchIterator it = d.batches().features("a").batchSize(2).build()) {
                assertThatThrownBy(it::next).hasMessageContaining("column 'a' is null in row 1");
            }
        }
    }

    @Test
    void randomShapesAndBatchSizesNeverLoseOrRepeatRows() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + rnd.nextInt(300);
            int chunk = 1 + rnd.nextInt(80);
            int batch = 1 + rnd.nextInt(70);
            boolean shuffle = rnd.nextBoolean();
            try (Dataset d = tensors(rows, chunk)) {
                BatchIterator.Builder b = d.batches().batchSize(batch);
                if (shuffle) {
                    b.shuffle(trial);
                }
                try (BatchIterator it = b.build()) {
                    Set<Float> seen = new HashSet<>();
                    while (it.hasNext()) {
                        Batch x = it.next();
                        for (int i = 0; i < x.size(); i++) {
                            float id = x.labels().getFloat(i, 0);
                            assertThat(x.features().getFloat(i, 0, 0)).isEqualTo(id);
                            assertThat(seen.add(id)).isTrue();
                        }
                    }
                    assertThat(seen).as("rows=%d chunk=%d batch=%d shuffle=%s", rows, chunk, batch, shuffle).hasSize(rows);
                }
            }
        }
    }
}
