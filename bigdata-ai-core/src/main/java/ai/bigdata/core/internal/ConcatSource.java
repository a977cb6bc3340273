package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;

/** The chunks of several sources with the same schema, one after another. Copies nothing. */
public final class ConcatSource extends ChunkSource {
    private final List<ChunkSource> parts;
    private final int[] partOf;
    private final int[] chunkIn;

    /** Takes a reference on every part; all parts must have equal schemas. */
    public ConcatSource(List<ChunkSource> parts) {
        List<Integer> p = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (int k = 0; k < parts.get(i).chunkCount(); k++) {
                p.add(i);
                c.add(k);
            }
        }
        this.partOf = p.stream().mapToInt(Integer::intValue).toArray();
        this.chunkIn = c.stream().mapToInt(Integer::intValue).toArray();
        List<ChunkSource> held = new ArrayList<>();
        for (ChunkSource s : parts) {
            held.add(s.retain());
        }
        this.parts = held;
    }

    @Override
    public Schema schema() {
        return parts.get(0).schema();
    }

    @Override
    public int chunkCount() {
        return partOf.length;
    }

    @Override
    public int chunkRows(int chunk) {
        return parts.get(partOf[chunk]).chunkRows(chunkIn[chunk]);
    }

    @Override
    public boolean inMemory() {
        return parts.stream().allMatch(ChunkSource::inMemory);
    }

    @Override
    public ChunkReader open() {
        List<ChunkReader> readers = new ArrayList<>();
        for (ChunkSource s : parts) {
            readers.add(s.open());
        }
        return new ChunkReader() {
            @Override
            public Chunk chunk(int index) {
                return readers.get(partOf[index]).chunk(chunkIn[index]);
            }

            @Override
            public void close() {
                readers.forEach(ChunkReader::close);
            }
        };
    }

    @Override
    protected void free() {
        parts.forEach(ChunkSource::release);
    }
}
