package ai.bigdata.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    @Test
    void copiesDoublesBothWaysBitForBit() {
        int n = 300_000;                                   // 2.4 MB: more than one 1 MiB slice
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i == 7 ? -0.0 : i * 1.25 - 3;
        }
        long address = MemoryUtil.allocateMemory(8L * n);
        try {
            NativeMemory.copyFromArray(values, n, address);
            assertThat(Double.longBitsToDouble(MemoryUtil.getLong(address + 8L * 299_999))).isEqualTo(299_999 * 1.25 - 3);
            double[] back = new double[n + 1];
            back[n] = 42;
            NativeMemory.copyToArray(address, back, n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(back[i])).as("row %d", i).isEqualTo(Double.doubleToRawLongBits(values[i]));
            }
            assertThat(back[n]).isEqualTo(42);               // nothing written past count
        } finally {
            MemoryUtil.freeMemory(address);
        }
    }

    @Test
    void refusesCountsBeyondTheArray() {
        assertThatThrownBy(() -> NativeMemory.copyToArray(8, new double[3], 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("copy of 4 doubles into an array of 3");
        assertThatThrownBy(() -> NativeMemory.copyFromArray(new double[3], -1, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void addressOfADirectBufferIsArrowsAddress() {
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        assertThat(NativeMemory.address(direct)).isEqualTo(MemoryUtil.getByteBufferAddress(direct));
        assertThatThrownBy(() -> NativeMemory.address(ByteBuffer.allocate(4))).isInstanceOf(IllegalArgumentException.class);
    }
}
