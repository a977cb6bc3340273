package ai.bigdata.core.data;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The library's off-heap memory. Every dataset draws from a child of one root allocator, so
 * {@link #allocatedBytes()} tells how much Arrow memory is held right now: zero once every dataset is
 * closed. Large released blocks are kept for reuse up to a budget ({@link #recycledBytes()}), because
 * touching fresh memory for the first time is what bounded the speed of transforms.
 */
public final class Memory {
    private static final RootAllocator ROOT = new RootAllocator(RootAllocator.configBuilder().maxAllocation(Long.MAX_VALUE)
            .allocationManagerFactory(ai.bigdata.core.internal.RecyclingAllocationManager.FACTORY)
            .roundingPolicy(ai.bigdata.core.internal.PageRoundingPolicy.INSTANCE).build());

    private Memory() {
    }

    /**
     * The root allocator (for users who want to bring their own child allocators).
     *
     * @throws MissingJvmOptionException when the JVM lacks {@code --add-opens=java.base/java.nio=ALL-UNNAMED},
     *     which Arrow needs (checked once, at the first call of this or {@link #newChild})
     */
    public static BufferAllocator root() {
        ai.bigdata.core.internal.NioAccess.require();
        return ROOT;
    }

    /**
     * A new child allocator of the root, for one dataset.
     *
     * @throws MissingJvmOptionException when the JVM lacks {@code --add-opens=java.base/java.nio=ALL-UNNAMED},
     *     which Arrow needs (every dataset allocates through here, so this is where a user first meets it)
     */
    public static BufferAllocator newChild(String name) {
        ai.bigdata.core.internal.NioAccess.require();
        return ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    /**
     * Released memory kept for reuse (released blocks are recycled up to a budget, see
     * {@code -Dbigdata.memory.recycle.bytes}); not part of {@link #allocatedBytes()}.
     */
    public static long recycledBytes() {
        return ai.bigdata.core.internal.RecyclingAllocationManager.cachedBytes();
    }

    /** Gives the recycled memory back to the operating system. */
    public static void trim() {
        ai.bigdata.core.internal.RecyclingAllocationManager.trim();
    }

    /** Arrow bytes held by all open datasets. */
    public static long allocatedBytes() {
        return ROOT.getAllocatedMemory();
    }
}
