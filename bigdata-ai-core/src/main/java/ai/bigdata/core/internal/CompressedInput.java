package ai.bigdata.core.internal;

import ai.bigdata.core.io.DataFormatException;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file or stream as its decompressed bytes, telling gzip and zstd apart by their magic bytes
 * (never by the file name); any other input is returned as it is. Gzip is checked whole (every CRC,
 * no trailing garbage, see {@link StrictGzipInputStream}); zstd is decoded by aircompressor's pure-Java
 * decoder, which checks a frame's content checksum when the frame has one. Every decoding problem is a
 * {@link DataFormatException} naming the source.
 */
public final class CompressedInput {
    private static final int[] ZSTD_MAGIC = {0x28, 0xB5, 0x2F, 0xFD};

    private CompressedInput() {
    }

    /** The decompressed bytes of {@code file}. */
    public static InputStream open(Path file) throws IOException {
        return wrap(Files.newInputStream(file), file.toString());
    }

    /** The decompressed bytes of {@code raw} (which the result closes); {@code name} is used in errors. */
    public static InputStream wrap(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(4);
            int[] head = new int[4];
            int n = 0;
            while (n < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head[n++] = b;
            }
            in.reset();
            if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b) {
                return new StrictGzipInputStream(in, name);
            }
            if (n == 4 && head[0] == ZSTD_MAGIC[0] && head[1] == ZSTD_MAGIC[1] && head[2] == ZSTD_MAGIC[2]
                    && head[3] == ZSTD_MAGIC[3]) {
                return new ZstdErrors(new ZstdInputStream(in), name);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Turns the zstd decoder's exceptions into located, typed errors. */
    private static final class ZstdErrors extends FilterInputStream {
        private final String name;

        ZstdErrors(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        private DataFormatException wrapped(Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new DataFormatException(name, "corrupt or truncated zstd data: " + m, e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw wrapped(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw wrapped(e);
            }
        }
    }
}
