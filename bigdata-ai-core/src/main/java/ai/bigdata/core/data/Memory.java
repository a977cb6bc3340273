package ai.bigdata.core.data;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The library's off-heap memory. Every dataset draws from a child of one root allocator, so
 * {@link #allocatedBytes()} tells how much Arrow memory is held right now: zero once every dataset is
 * closed.
 */
public final class Memory {
    private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

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

    /** Arrow bytes held by all open datasets. */
    public static long allocatedBytes() {
        return ROOT.getAllocatedMemory();
    }
}
