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

    /** The root allocator (for users who want to bring their own child allocators). */
    public static BufferAllocator root() {
        return ROOT;
    }

    /** A new child allocator of the root, for one dataset. */
    public static BufferAllocator newChild(String name) {
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
