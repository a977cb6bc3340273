package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sparse vector columns: stored as (index, value) entries, refused when malformed, kept through Arrow
 * files and streams, densified per batch, and trained on exactly as the same vectors held dense.
 */
@ExtendWith(ArrowLeakCheck.class)
class SparseColumnTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(Column.sparse("x", 10), Column.of("y", ColumnType.FLOAT32));

    private static Dataset small() {
        return small(2);
    }

    private static Dataset small(int chunkRows) {
        try (DatasetWriter w = Dataset.writer(SCHEMA, chunkRows)) {
            w.column(0).appendSparse(new int[] {1, 7}, new float[] {0.5f, -2f});
            w.column(1).appendFloat(1f);
            w.endRow();
            w.column(0).appendSparse(new int[0], new float[0]);
            w.column(1).appendFloat(2f);
            w.endRow();
            w.column(0).append(new SparseVector(10, new int[] {0, 9}, new float[] {3f, 4f}));
            w.column(1).appendFloat(3f);
            w.endRow();
            return w.build();
        }
    }

    @Test
    void cellsComeBackAsWrittenAndBatchesAreDense() {
        try (Dataset d = small()) {
            assertThat(d.schema().column("x").toString()).isEqualTo("x:sparse[10]");
            List<Object> cells = new ArrayList<>();
            d.forEachRow(r -> cells.add(r.get("x")));
            assertThat(cells).containsExactly(new SparseVector(10, new int[] {1, 7}, new float[] {0.5f, -2f}),
                    new SparseVector(10, new int[0], new float[0]), new SparseVector(10, new int[] {0, 9}, new float[] {3f, 4f}));
            assertThat(cells.get(0).toString()).isEqualTo("{1:0.5 7:-2.0}");
            // a sparse column and a scalar one side by side, batches crossing the chunk boundary
            try (BatchIterator it = d.batches().features("x", "y").batchSize(3).build()) {
                INDArray f = it.next().features();
                assertThat(f.shape()).containsExactly(3, 11);
                assertThat(f.getRow(0).toFloatVector()).containsExactly(0, 0.5f, 0, 0, 0, 0, 0, -2f, 0, 0, 1f);
                assertThat(f.getRow(1).toFloatVector()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2f);
                assertThat(f.getRow(2).toFloatVector()).containsExactly(3f, 0, 0, 0, 0, 0, 0, 0, 0, 4f, 3f);
            }
            // shuffled batches of one row: each densified into a reused buffer, stale entries cleared
            try (BatchIterator it = d.batches().features("x").batchSize(1).shuffle(3).build()) {
                float total = 0;
                while (it.hasNext()) {
                    total += it.next().features().sumNumber().floatValue();
                }
                assertThat(total).isEqualTo(0.5f - 2f + 3f + 4f);
            }
        }
    }

    @Test
    void splitsFiltersAndConcatenationCopyTheCells() {
        try (Dataset d = small(); Dataset twice = d.concat(d);
             Split split = twice.split().train(0.5).test(0.5).seed(1).build()) {
            List<Object> cells = new ArrayList<>();
            split.train().forEachRow(r -> cells.add(r.get("x")));
            split.test().forEachRow(r -> cells.add(r.get("x")));
            assertThat(cells).hasSize(6).containsOnly(new SparseVector(10, new int[] {1, 7}, new float[] {0.5f, -2f}),
                    new SparseVector(10, new int[0], new float[0]), new SparseVector(10, new int[] {0, 9}, new float[] {3f, 4f}));
            assertThat(cells.stream().mapToDouble(c -> ((SparseVector) c).toDense()[9]).sum()).isEqualTo(8.0);
        }
    }

    @Test
    void aSparseColumnOfAMillionDimensionsTakesTheDefaultChunkSize() {
        Schema wide = Schema.of(Column.sparse("hashed", 1 << 20));
        try (DatasetWriter w = Dataset.writer(wide)) {
            w.column(0).appendSparse(new int[] {5, (1 << 20) - 1}, new float[] {1f, 2f});
            w.endRow();
            try (Dataset d = w.build()) {
                List<Object> cells = new ArrayList<>();
                d.forEachRow(r -> cells.add(r.get("hashed")));
                assertThat(((SparseVector) cells.get(0)).get((1 << 20) - 1)).isEqualTo(2f);
            }
        }
    }

    @Test
    void malformedCellsAreRefusedNamingColumnRowAndEntry() {
        try (DatasetWriter w = Dataset.writer(SCHEMA, 4)) {
            ColumnWriter x = w.column(0);
            assertThatThrownBy(() -> x.appendSparse(new int[] {3, 10}, new float[] {1f, 1f}))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("column 'x'").hasMessageContaining("row 0")
                    .hasMessageContaining("entry 1 has index 10, outside [0, 10)");
            assertThatThrownBy(() -> x.appendSparse(new int[] {4, 4}, new float[] {1f, 1f}))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("entry 1 has index 4, not above the previous index 4");
            assertThatThrownBy(() -> x.appendSparse(new int[] {2}, new float[] {Float.NaN}))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("entry 0 (index 2) has the non-finite value NaN");
            assertThatThrownBy(() -> x.appendSparse(new int[] {2}, new float[0]))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("1 indices but 0 values");
            assertThatThrownBy(() -> w.column(1).appendSparse(new int[0], new float[0]))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("a sparse vector is not a value of a FLOAT32 column");
            // the writer is still usable: nothing of the refused cells was stored
            x.appendSparse(new int[] {2}, new float[] {5f});
            w.column(1).appendFloat(0f);
            w.endRow();
            try (Dataset d = w.build()) {
                List<Object> cells = new ArrayList<>();
                d.forEachRow(r -> cells.add(r.get("x")));
                assertThat(cells).containsExactly(new SparseVector(10, new int[] {2}, new float[] {5f}));
            }
        }
        assertThatThrownBy(() -> Column.sparse("x", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs one positive dimension");
    }

    @Test
    void arrowFilesAndStreamsKeepTheColumn() throws IOException {
        Path f = dir.resolve("sparse.arrow");
        try (Dataset d = small()) {
            d.writeArrow(f);
        }
        byte[] file = Files.readAllBytes(f);
        byte[] stream = java.util.Arrays.copyOfRange(file, 8, file.length);
        for (Dataset back : new Dataset[] {Dataset.readArrow(f), Dataset.readArrowStream(new ByteArrayInputStream(stream))}) {
            try (back) {
                assertThat(back.schema()).isEqualTo(SCHEMA);
                List<Object> cells = new ArrayList<>();
                back.forEachRow(r -> cells.add(r.get("x")));
                assertThat(cells.get(2)).isEqualTo(new SparseVector(10, new int[] {0, 9}, new float[] {3f, 4f}));
            }
        }
    }

    @Test
    void anIndexOutOfRangeInAFileIsADataFormatError() throws IOException {
        Path f = dir.resolve("bad.arrow");
        try (Dataset d = small(3)) {
            d.writeArrow(f);
        }
        byte[] bytes = Files.readAllBytes(f);
        // the index 9 of row 2 (its entry 1) becomes 99: find the int32 run 1, 7, 0, 9 of the index buffer
        int at = indexOf(bytes, new int[] {1, 7, 0, 9});
        assertThat(at).isPositive();
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at + 12, 99);
        Path bad = dir.resolve("bad2.arrow");
        Files.write(bad, bytes);
        try (Dataset d = Dataset.readArrow(bad)) {
            assertThatThrownBy(() -> d.batches().features("x").batchSize(3).build().next())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("column 'x', row 2: sparse entry 1 has index 99, outside [0, 10)");
        }
    }

    private static int indexOf(byte[] bytes, int[] ints) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        outer:
        for (int i = 0; i + 4 * ints.length <= bytes.length; i += 4) {
            for (int k = 0; k < ints.length; k++) {
                if (b.getInt(i + 4 * k) != ints[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Real data: each olive oil's eight fatty acids as the bin (of 10) its share falls in, one entry per
     * acid in a vector of 80; logistic regression on the sparse column learns exactly what it learns on
     * the same vectors as a dense tensor column.
     */
    @Test
    void trainingOnASparseColumnEqualsTrainingOnTheSameDenseColumn() throws IOException {
        String[] acids = {"palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic", "eicosenoic"};
        Schema sparse = Schema.of(Column.sparse("bins", 80), Column.categorical("region", ColumnRole.LABEL, List.of()));
        Schema dense = Schema.of(Column.tensor("bins", 80), Column.categorical("region", ColumnRole.LABEL, List.of()));
        try (Dataset olive = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("region").read();
             DatasetWriter ws = Dataset.writer(sparse, 128);
             DatasetWriter wd = Dataset.writer(dense, 128)) {
            double[] max = new double[acids.length];
            olive.forEachRow(r -> {
                for (int a = 0; a < acids.length; a++) {
                    max[a] = Math.max(max[a], r.getDouble(acids[a]));
                }
            });
            olive.forEachRow(r -> {
                int[] at = new int[acids.length];
                float[] one = new float[acids.length];
                float[] cell = new float[80];
                for (int a = 0; a < acids.length; a++) {
                    int bin = (int) Math.min(9, Math.floor(10 * r.getDouble(acids[a]) / max[a]));
                    at[a] = 10 * a + bin;
                    one[a] = 1f;
                    cell[at[a]] = 1f;
                }
                ws.column(0).appendSparse(at, one);
                ws.column(1).append(r.get("region"));
                ws.endRow();
                wd.column(0).appendTensor(cell);
                wd.column(1).append(r.get("region"));
                wd.endRow();
            });
            try (Dataset s = ws.build(); Dataset t = wd.build()) {
                assertThat(s.rowCount()).isEqualTo(572);
                NeuralNetwork onSparse = NeuralNetwork.logisticRegression().build();
                NeuralNetwork onDense = NeuralNetwork.logisticRegression().build();
                Trainer trainer = Trainer.builder().epochs(3).batchSize(32).optimizer(Optimizer.adam(0.05)).seed(7).build();
                double sparseLoss = trainer.fit(onSparse, s).epochs().get(2).trainLoss();
                double denseLoss = trainer.fit(onDense, t).epochs().get(2).trainLoss();
                assertThat(sparseLoss).isEqualTo(denseLoss).isLessThan(0.5);
                assertThat(onSparse.network().params()).isEqualTo(onDense.network().params());
            }
        }
    }
}
