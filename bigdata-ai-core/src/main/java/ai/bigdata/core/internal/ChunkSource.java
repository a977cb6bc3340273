package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a dataset's chunks come from: memory, a memory-mapped file, or a lazy view over another
 * source. Reference counted: every dataset and every derived source holds one reference, and the
 * memory is freed when the last one is released.
 */
public abstract class ChunkSource {
    private final AtomicInteger refs = new AtomicInteger(1);

    /** The schema of every chunk. */
    public abstract Schema schema();

    /** Number of chunks. */
    public abstract int chunkCount();

    /** Row count of a chunk, known without loading it. */
    public abstract int chunkRows(int chunk);

    /** Whether all chunks live in memory (cheap to visit many times). */
    public abstract boolean inMemory();

    /** A reader for one thread; the chunk it returns is valid until its next call or close. */
    public abstract ChunkReader open();

    /** Frees what this source owns; called once, when the last reference is released. */
    protected abstract void free();

    /** Total rows. */
    public long rowCount() {
        long n = 0;
        for (int i = 0; i < chunkCount(); i++) {
            n += chunkRows(i);
        }
        return n;
    }

    /** Takes one more reference. */
    public final ChunkSource retain() {
        if (refs.getAndIncrement() <= 0) {
            refs.decrementAndGet();
            throw new IllegalStateException("dataset is already closed");
        }
        return this;
    }

    /** Gives one reference back; frees the source when none are left. */
    public final void release() {
        int left = refs.decrementAndGet();
        if (left == 0) {
            free();
        } else if (left < 0) {
            throw new IllegalStateException("dataset released more often than retained");
        }
    }

    /** Whether the source was freed. */
    public final boolean isFreed() {
        return refs.get() <= 0;
    }
}
