package ai.bigdata.core.io;

import ai.bigdata.core.internal.CompressedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens files and streams as their decompressed bytes, as the library's readers do: gzip and zstd are
 * told apart by their magic bytes (never by the file name) and anything else is passed through. Gzip
 * is checked whole (every member's CRC-32 and length, no cut before the trailer, no trailing garbage);
 * zstd frames are checked against their content checksum when they have one. Every decoding problem is
 * a {@link DataFormatException} naming the source.
 */
public final class Decompression {
    private Decompression() {
    }

    /** The decompressed bytes of {@code file}; the caller closes the stream. */
    public static InputStream open(Path file) throws IOException {
        return CompressedInput.open(file);
    }

    /**
     * The decompressed bytes of {@code raw}, which the returned stream closes.
     *
     * @param name the source's name in error messages (a file name, a resource)
     */
    public static InputStream wrap(InputStream raw, String name) throws IOException {
        return CompressedInput.wrap(raw, name);
    }
}
