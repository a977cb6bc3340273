package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import ai.bigdata.core.internal.MemorySource;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed pipelines produce each chunk once per visit: memory-mapped file, lazy filter, fitted
 * transform, batches. Counting sources between the stages count every chunk the stage above asks for.
 */
@ExtendWith(ArrowLeakCheck.class)
class StreamingBatchesTest {
    @TempDir
    Path dir;

    /** Passes chunks through, counting how often the stage above asks for one. */
    static final class CountingSource extends ChunkSource {
        final ChunkSource parent;
        final AtomicInteger asked = new AtomicInteger();

        CountingSource(ChunkSource parent) {
            this.parent = parent.retain();
        }

        @Override
        public Schema schema() {
            return parent.schema();
        }

        @Override
        public int chunkCount() {
            return parent.chunkCount();
        }

        @Override
        public int chunkRows(int chunk) {
            return parent.chunkRows(chunk);
        }

        @Override
        public boolean inMemory() {
            return parent.inMemory();
        }

        @Override
        public ChunkReader open() {
            ChunkReader in = parent.open();
            return new ChunkReader() {
                @Override
                public Chunk chunk(int index) {
                    asked.incrementAndGet();
                    return in.chunk(index);
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }

        @Override
        protected void free() {
            parent.release();
        }
    }

    /** 1,000 rows in chunks of 100: x = i, z = 2i, label = i % 3; written as a file and opened mapped. */
    private Dataset mappedFile() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("z", ColumnType.FLOAT64),
                Column.categorical("y", ColumnRole.LABEL, List.of("a", "b", "c")));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(100);
        for (int i = 0; i < 1000; i++) {
            b.add((double) i, 2.0 * i, List.of("a", "b", "c").get(i % 3));
        }
        Path f = dir.resolve("rows.arrow");
        try (Dataset d = b.build()) {
            d.writeArrow(f);
        }
        return Dataset.readArrow(f);
    }

    @Test
    void mappedFilteredTransformedBatchesProduceEachChunkOncePerVisit() {
        try (Dataset file = mappedFile(); CountedDataset mapped = new CountedDataset(file);
             Dataset kept = mapped.data.filter(r -> r.getDouble("x") % 10 != 7);
             CountedDataset filtered = new CountedDataset(kept)) {
            Transform scale = Scale.standard().columns("x").fit(kept);
            try (Dataset scaled = scale.apply(filtered.data); CountedDataset top = new CountedDataset(scaled)) {
                assertThat(kept.inMemory()).isFalse();
                assertThat(scaled.inMemory()).isFalse();
                assertThat(top.data.chunkCount()).isEqualTo(10);
                // expected scaled x by row id (z / 2), read row by row through the same lazy pipeline
                Map<Long, Float> expected = new HashMap<>();
                scaled.forEachRow(r -> expected.put(Math.round(r.getDouble("z") / 2), (float) r.getDouble("x")));
                assertThat(expected).hasSize(900);
                mapped.reset();
                filtered.reset();
                top.reset();
                // batches of 7 rows: each chunk of 90 kept rows feeds 13 or 14 batches, several straddle chunks
                try (BatchIterator it = top.data.batches().features("x", "z").label("y").batchSize(7).build()) {
                    for (int epoch = 0; epoch < 2; epoch++) {
                        Set<Long> seen = new HashSet<>();
                        while (it.hasNext()) {
                            Batch b = it.next();
                            for (int i = 0; i < b.size(); i++) {
                                long id = Math.round(b.features().getDouble(i, 1) / 2);
                                assertThat(id % 10).isNotEqualTo(7);
                                assertThat(b.features().getFloat(i, 0)).isEqualTo(expected.get(id));
                                assertThat(b.labels().getFloat(i, (int) (id % 3))).isEqualTo(1f);
                                assertThat(seen.add(id)).isTrue();
                            }
                        }
                        assertThat(seen).hasSize(900);
                        it.reset();
                    }
                }
                // two epochs of ten chunks: every stage produced each chunk exactly once per epoch
                assertThat(top.source.asked.get()).as("chunks the batches asked the transform for").isEqualTo(20);
                assertThat(filtered.source.asked.get()).as("chunks the transform asked the filter for").isEqualTo(20);
                assertThat(mapped.source.asked.get()).as("chunks the filter asked the file for").isEqualTo(20);
            }
        }
    }

    @Test
    void shuffledMappedPipelineVisitsEachChunkOnceAndEveryRowOnce() {
        try (Dataset file = mappedFile();
             Dataset kept = file.filter(r -> r.getDouble("x") % 10 != 7);
             Dataset scaled = Scale.standard().columns("x", "z").fit(kept).apply(kept);
             CountedDataset top = new CountedDataset(scaled);
             BatchIterator it = top.data.batches().features("z", "x").label("y").batchSize(16).shuffle(3).build()) {
            top.reset();
            Set<Float> seen = new HashSet<>();
            while (it.hasNext()) {
                Batch b = it.next();
                for (int i = 0; i < b.size(); i++) {
                    assertThat(seen.add(b.features().getFloat(i, 1))).isTrue();
                    assertThat(b.features().getFloat(i, 0)).isEqualTo(b.features().getFloat(i, 1));
                }
            }
            assertThat(seen).hasSize(900);
            assertThat(top.source.asked.get()).isEqualTo(10);
        }
    }

    @Test
    void viewBatchesOfAMappedTensorFileFollowTheirChunkAcrossEpochsAndStraddles() {
        Schema s = Schema.of(Column.tensor("img", 2, 2), Column.of("id", ColumnType.FLOAT32, ColumnRole.LABEL));
        Dataset.RowsBuilder b = Dataset.builder(s).chunkRows(10);
        for (int i = 0; i < 35; i++) {
            b.add(new float[] {i, i, i, i}, (float) i);
        }
        Path f = dir.resolve("img.arrow");
        try (Dataset d = b.build()) {
            d.writeArrow(f);
        }
        try (Dataset file = Dataset.readArrow(f);
             Dataset odd = file.filter(r -> ((long) r.getDouble("id")) % 2 == 1);
             CountedDataset top = new CountedDataset(odd);
             BatchIterator it = top.data.batches().batchSize(3).build()) {
            top.reset();
            for (int epoch = 0; epoch < 3; epoch++) {
                List<Float> ids = new ArrayList<>();
                while (it.hasNext()) {
                    Batch x = it.next();
                    for (int i = 0; i < x.size(); i++) {
                        assertThat(x.features().getFloat(i, 1, 1)).isEqualTo(x.labels().getFloat(i, 0));
                        ids.add(x.labels().getFloat(i, 0));
                    }
                }
                assertThat(ids).hasSize(17).startsWith(1f, 3f, 5f).endsWith(31f, 33f);
                it.reset();
            }
            // 4 chunks (5, 5, 5 and 2 odd rows): each produced once per epoch although 3-row batches straddle them
            assertThat(top.source.asked.get()).isEqualTo(12);
        }
    }

    /** A dataset over a counting source wrapped around another dataset's source. */
    static final class CountedDataset implements AutoCloseable {
        final CountingSource source;
        final Dataset data;

        CountedDataset(Dataset of) {
            source = new CountingSource(of.source());
            data = Dataset.wrap(source);
        }

        void reset() {
            source.asked.set(0);
        }

        @Override
        public void close() {
            data.close();
        }
    }

    /**
     * Rows of float64 x and float32 y written straight into Arrow vectors (so values that readers and the
     * row builder refuse can reach batching too), in chunks of {@code chunkRows}.
     */
    static Dataset raw(int chunkRows, double[] x, float[] y) {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT64), Column.of("y", ColumnType.FLOAT32, ColumnRole.LABEL));
        BufferAllocator alloc = Memory.newChild("raw");
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < x.length; from += chunkRows) {
            int n = Math.min(chunkRows, x.length - from);
            Float8Vector xv = new Float8Vector("x", alloc);
            Float4Vector yv = new Float4Vector("y", alloc);
            xv.allocateNew(n);
            yv.allocateNew(n);
            for (int i = 0; i < n; i++) {
                xv.set(i, x[from + i]);
                yv.set(i, y[from + i]);
            }
            xv.setValueCount(n);
            yv.setValueCount(n);
            chunks.add(new Chunk(s, List.of(xv, yv), n));
        }
        return Dataset.wrap(new MemorySource(s, chunks, alloc));
    }

    @Test
    void aFloat64FeatureThatOverflowsFloat32IsRefusedByColumnAndRow() {
        try (Dataset d = raw(4, new double[] {1, 2, 3, 4, 5, 1e39, 7}, new float[7]);
             BatchIterator it = d.batches().features("x").batchSize(2).build()) {
            it.next();
            it.next();
            assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("column 'x' holds 1.0E39 in row 5, which overflows float32");
        }
        try (Dataset d = raw(4, new double[] {0, Double.NEGATIVE_INFINITY}, new float[2]);
             BatchIterator it = d.batches().features("x").build()) {
            assertThatThrownBy(it::next).hasMessageContaining("column 'x' holds -Infinity in row 1, which is not finite");
        }
        try (Dataset d = raw(4, new double[] {1}, new float[] {Float.NaN});
             BatchIterator it = d.batches().features("x").label("y").build()) {
            assertThatThrownBy(it::next).hasMessageContaining("column 'y' holds NaN in row 0, which is not finite");
        }
        // the largest float32, and float64 values that round to float32 zero, are fine
        try (Dataset d = raw(4, new double[] {Float.MAX_VALUE, -1e-50}, new float[] {0, 1});
             BatchIterator it = d.batches().features("x").label("y").build()) {
            Batch b = it.next();
            assertThat(b.features().getFloat(0, 0)).isEqualTo(Float.MAX_VALUE);
            assertThat(b.features().getFloat(1, 0)).isEqualTo(-0f);
        }
    }

    @Test
    void anOutOfRangeCategoryCodeInMemoryIsRefusedWithoutTouchingOtherRows() {
        Schema s = Schema.of(Column.of("x", ColumnType.FLOAT32), Column.categorical("y", ColumnRole.LABEL, List.of("a", "b", "c")));
        for (int code : new int[] {3, -1, 1_000_000, 1 << 28, -1_000_000}) {
            BufferAllocator alloc = Memory.newChild("codes");
            Float4Vector xv = new Float4Vector("x", alloc);
            IntVector yv = new IntVector("y", alloc);
            xv.allocateNew(4);
            yv.allocateNew(4);
            int[] codes = {0, 1, code, 2};
            for (int i = 0; i < 4; i++) {
                xv.set(i, i);
                yv.set(i, codes[i]);
            }
            xv.setValueCount(4);
            yv.setValueCount(4);
            try (Dataset d = Dataset.wrap(new MemorySource(s, List.of(new Chunk(s, List.of(xv, yv), 4)), alloc));
                 BatchIterator it = d.batches().features("x").batchSize(2).build()) {
                Batch first = it.next();
                assertThat(first.labels().getRow(0).toFloatVector()).containsExactly(1f, 0f, 0f);
                assertThat(first.labels().getRow(1).toFloatVector()).containsExactly(0f, 1f, 0f);
                assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
                        .hasMessage("column 'y' holds category code " + code + " in row 2, outside its 3 categories [0, 3)");
                assertThatThrownBy(() -> d.forEachRow(r -> r.get("y"))).isInstanceOf(IllegalStateException.class)
                        .hasMessage("chunk 0 (dataset rows from 0), column 'y', row 2: category code " + code
                                + " is outside the column's 3 categories [0, 3)");
            }
        }
    }
}
