package ai.bigdata.core.internal;

import ai.bigdata.core.io.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip stream (RFC 1952, one or more members) and checks all of it: each member's
 * header (and its CRC-16 when the header carries one), its CRC-32 and length trailer, and that
 * nothing but another member follows. Unlike
 * {@link java.util.zip.GZIPInputStream} it refuses trailing garbage and a stream cut before its
 * trailer. Every problem is a {@link DataFormatException} naming the source.
 */
public final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final String name;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long compressedOffset;
    private long memberSize;
    private boolean done;
    private boolean closed;

    /** Decompresses {@code in} (which it closes); {@code name} is used in error messages. */
    public StrictGzipInputStream(InputStream in, String name) throws IOException {
        this.in = in;
        this.name = name;
        readHeader(true);
    }

    private DataFormatException corrupt(String what) {
        return new DataFormatException(name, "corrupt gzip data: " + what + " (compressed byte offset " + compressedOffset + ")");
    }

    /** The next compressed byte, or -1 at the end of input. */
    private int nextByte() throws IOException {
        if (pos == limit && !refill()) {
            return -1;
        }
        compressedOffset++;
        return buf[pos++] & 0xFF;
    }

    private int requireByte(String where) throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new DataFormatException(name, "truncated gzip data: the input ends inside " + where
                    + " (compressed byte offset " + compressedOffset + ")");
        }
        return b;
    }

    private boolean refill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The next byte of a member header, counted into the header CRC. */
    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = requireByte("the gzip header");
        headerCrc.update(b);
        return b;
    }

    private void readHeader(boolean first) throws IOException {
        int m0 = first ? requireByte("the gzip header") : nextByte();
        if (m0 < 0) {
            done = true;
            return;
        }
        int m1 = first || m0 == 0x1f ? requireByte("the gzip header") : -1;
        if (m0 != 0x1f || m1 != 0x8b) {
            throw first ? corrupt("not a gzip stream (no 1f 8b magic)")
                    : corrupt("trailing garbage after the end of the gzip data");
        }
        CRC32 headerCrc = new CRC32();
        headerCrc.update(m0);
        headerCrc.update(m1);
        if (headerByte(headerCrc) != 8) {
            throw corrupt("unknown compression method (only deflate is defined)");
        }
        int flags = headerByte(headerCrc);
        if ((flags & 0xE0) != 0) {
            throw corrupt("reserved header flags are set");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(headerCrc);
        }
        if ((flags & FEXTRA) != 0) {
            int len = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < len; i++) {
                headerByte(headerCrc);
            }
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (headerByte(headerCrc) != 0) {
                    // zero-terminated field
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = requireByte("the gzip header") | requireByte("the gzip header") << 8;
            int actual = (int) (headerCrc.getValue() & 0xFFFF);
            if (expected != actual) {
                throw corrupt(String.format(java.util.Locale.ROOT, "header CRC-16 mismatch (header says %04x, header bytes give %04x)",
                        expected, actual));
            }
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException(name + ": stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (inflater.needsInput()) {
                if (pos == limit && !refill()) {
                    throw new DataFormatException(name, "truncated gzip data: the input ends inside the compressed data"
                            + " (compressed byte offset " + compressedOffset + ")");
                }
                inflater.setInput(buf, pos, limit - pos);
                compressedOffset += limit - pos;
                pos = limit;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (java.util.zip.DataFormatException e) {
                throw corrupt("invalid deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberSize += n;
            }
            if (inflater.finished()) {
                int unused = inflater.getRemaining();
                pos = limit - unused;
                compressedOffset -= unused;
                readTrailer();
                readHeader(false);
            } else if (n == 0 && inflater.needsDictionary()) {
                throw corrupt("a preset dictionary is required");
            }
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    private void readTrailer() throws IOException {
        long expectedCrc = 0;
        for (int i = 0; i < 4; i++) {
            expectedCrc |= (long) requireByte("the gzip trailer") << (8 * i);
        }
        long expectedSize = 0;
        for (int i = 0; i < 4; i++) {
            expectedSize |= (long) requireByte("the gzip trailer") << (8 * i);
        }
        if (expectedCrc != crc.getValue()) {
            throw corrupt(String.format(java.util.Locale.ROOT, "CRC-32 mismatch (trailer says %08x, data gives %08x)",
                    expectedCrc, crc.getValue()));
        }
        if (expectedSize != (memberSize & 0xFFFFFFFFL)) {
            throw corrupt("length mismatch (trailer says " + expectedSize + " bytes mod 2^32, data gives " + memberSize + ")");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }
}
