package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.internal.PageRoundingPolicy;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.Test;

class MemoryTest {
    @Test
    void aChunkOfFloat64TakesItsValuesAndBitsNotTheNextPowerOfTwo() {
        try (BufferAllocator a = Memory.newChild("rounding"); Float8Vector v = new Float8Vector("x", a)) {
            v.allocateNew(65_536);
            assertThat(a.getAllocatedMemory()).isEqualTo(512 * 1024 + 8 * 1024);
            assertThat(v.getValueCapacity()).isGreaterThanOrEqualTo(65_536);
        }
    }

    @Test
    void roundsSmallRequestsToPowersOfTwoAndLargeOnesToPages() {
        PageRoundingPolicy p = PageRoundingPolicy.INSTANCE;
        assertThat(p.getRoundedSize(0)).isZero();
        assertThat(p.getRoundedSize(1)).isEqualTo(1);
        assertThat(p.getRoundedSize(3)).isEqualTo(4);
        assertThat(p.getRoundedSize(4096)).isEqualTo(4096);
        assertThat(p.getRoundedSize(4097)).isEqualTo(8192);
        assertThat(p.getRoundedSize(532_481)).isEqualTo(536_576);
    }

    @Test
    void releasedLargeBlocksAreReusedAndTrimmedBack() {
        long size = 3 * 1024 * 1024 + 4096; // a size no other test uses
        long before = Memory.recycledBytes();
        try (BufferAllocator a = Memory.newChild("recycle")) {
            ArrowBuf first = a.buffer(size);
            long address = first.memoryAddress();
            first.close();
            assertThat(Memory.recycledBytes()).isEqualTo(before + size);
            try (ArrowBuf second = a.buffer(size)) {
                assertThat(second.memoryAddress()).isEqualTo(address);
                assertThat(Memory.recycledBytes()).isEqualTo(before);
            }
        }
        Memory.trim();
        assertThat(Memory.recycledBytes()).isZero();
    }
}
