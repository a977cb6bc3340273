package ai.bigdata.core.internal;

import java.nio.ByteBuffer;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Allocators for short-lived reads of untrusted input (an Arrow file's schema and dictionaries) whose
 * memory is garbage collected. Arrow's readers lose buffers on some error paths (a damaged dictionary
 * batch leaves its message buffer allocated, with no reference left to release it); memory from here
 * lives in direct byte buffers, so such a buffer is reclaimed by the garbage collector once it is
 * unreachable, instead of staying allocated for the life of the JVM. Not counted by
 * {@code Memory.allocatedBytes()}, and not for data that outlives the read.
 */
public final class CollectableAllocator {
    private static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
        @Override
        public AllocationManager create(BufferAllocator accountingAllocator, long size) {
            return new DirectBufferAllocation(accountingAllocator, size);
        }

        @Override
        public ArrowBuf empty() {
            return RecyclingAllocationManager.FACTORY.empty();
        }
    };

    private CollectableAllocator() {
    }

    /**
     * A new root allocator over garbage-collected memory that hands out at most {@code limit} bytes in
     * all (for a file: its size, which no honest header exceeds); close it when the read is done.
     */
    public static BufferAllocator create(long limit) {
        return new RootAllocator(RootAllocator.configBuilder().maxAllocation(Math.min(limit, Integer.MAX_VALUE))
                .allocationManagerFactory(FACTORY).build());
    }

    /** One allocation: a direct byte buffer, freed by the garbage collector once nothing refers to it. */
    private static final class DirectBufferAllocation extends AllocationManager {
        private final long size;
        private final long address;
        private ByteBuffer buffer;

        DirectBufferAllocation(BufferAllocator accountingAllocator, long size) {
            super(accountingAllocator);
            if (size > Integer.MAX_VALUE) {
                throw new OutOfMemoryError("cannot allocate " + size + " bytes for an Arrow header");
            }
            this.buffer = ByteBuffer.allocateDirect((int) Math.max(size, 1));
            this.size = size;
            this.address = MemoryUtil.getByteBufferAddress(buffer);
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        protected long memoryAddress() {
            return address;
        }

        @Override
        protected void release0() {
            buffer = null;
        }
    }
}
