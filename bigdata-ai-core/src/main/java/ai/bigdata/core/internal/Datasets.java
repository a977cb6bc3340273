package ai.bigdata.core.internal;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;

/**
 * The library's own access to a {@link Dataset}'s chunk source, which the public API does not expose:
 * wrapping a source as a dataset, reading a dataset's source, and mapping a dataset chunk by chunk. The
 * data package registers the implementation when {@code Dataset} loads (the pattern of the JDK's
 * shared secrets), so these stay out of every public signature.
 */
public final class Datasets {
    /** What {@code Dataset} provides. */
    public interface Access {
        /** Wraps a source, taking over its reference. */
        Dataset wrap(ChunkSource source);

        /** The dataset's source (the dataset keeps its reference). */
        ChunkSource source(Dataset data);

        /** A dataset computed chunk by chunk: in memory for in-memory input, lazy for streamed input. */
        Dataset mapChunks(Dataset data, Schema schema, ChunkMapper mapper);
    }

    private static volatile Access access;

    private Datasets() {
    }

    /**
     * Called once by {@code Dataset}'s static initialiser.
     *
     * @throws IllegalStateException on a second call
     */
    public static synchronized void register(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("dataset access is already registered");
        }
        access = implementation;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            try {
                Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }

    /** Wraps a chunk source as a dataset, taking over its reference. */
    public static Dataset wrap(ChunkSource source) {
        return access().wrap(source);
    }

    /** The chunk source behind a dataset. */
    public static ChunkSource source(Dataset data) {
        return access().source(data);
    }

    /** A dataset of {@code schema} computed chunk by chunk from {@code data} by {@code mapper}. */
    public static Dataset mapChunks(Dataset data, Schema schema, ChunkMapper mapper) {
        return access().mapChunks(data, schema, mapper);
    }
}
