package ai.bigdata.core.internal;

/**
 * Reads chunks of one source, on one thread. A returned chunk is valid until the next call or close.
 * Asking again for the chunk returned last hands it back without producing it again.
 */
public interface ChunkReader extends AutoCloseable {
    /** The chunk at a position (0-based). */
    Chunk chunk(int index);

    @Override
    void close();
}
