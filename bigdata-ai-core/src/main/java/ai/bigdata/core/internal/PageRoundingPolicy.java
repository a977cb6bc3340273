package ai.bigdata.core.internal;

import org.apache.arrow.memory.rounding.RoundingPolicy;

/**
 * Rounds Arrow buffer requests to a power of two below one page and to whole 4 KiB pages above it.
 * Arrow's default rounds every request below 16 MiB up to a power of two, and a fixed-width vector
 * keeps its validity bits and values in one buffer, so a 65,536-row float64 vector (512 KiB of values
 * plus 8 KiB of bits) took 1 MiB: half of every chunk's memory was padding, and the padding was paid
 * for in page faults as well as bytes.
 */
public final class PageRoundingPolicy implements RoundingPolicy {
    /** The policy every allocator of the library uses. */
    public static final PageRoundingPolicy INSTANCE = new PageRoundingPolicy();
    private static final long PAGE = 4096;

    private PageRoundingPolicy() {
    }

    @Override
    public long getRoundedSize(long requestSize) {
        if (requestSize <= PAGE) {
            return requestSize <= 1 ? requestSize : Long.highestOneBit(requestSize - 1) << 1;
        }
        return (requestSize + PAGE - 1) / PAGE * PAGE;
    }
}
