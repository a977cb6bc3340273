package ai.bigdata.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of whole files and zip parts into memory, refused with an {@link IOException} that says why before they
 * could end in an {@link OutOfMemoryError}: a file or a part (a damaged or hostile zip may inflate a small entry
 * to gigabytes) may hold at most {@link #limit()} bytes, the smaller of a Java array's size and a quarter of the
 * heap (a read holds its chunks and then the array made of them, so at most half the heap at once).
 */
public final class InMemoryReads {
    private static final int CHUNK = 1 << 16;

    private InMemoryReads() {
    }

    /** The most bytes one read may hold: the smaller of 2 GB (a Java array) and a quarter of the heap's limit. */
    public static long limit() {
        return Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 4);
    }

    /** The whole file, or an {@link IOException} when it is larger than {@link #limit()}. */
    public static byte[] readFile(Path file) throws IOException {
        return readFile(file, limit());
    }

    /** The whole file, or an {@link IOException} when it is larger than {@code max} bytes. */
    static byte[] readFile(Path file, long max) throws IOException {
        long size = Files.size(file);
        if (size > max) {
            throw new IOException(file + " is " + size + " bytes; a file read whole may hold at most " + max + " (a quarter of this"
                    + " JVM's heap, or 2 GB): give the JVM a larger -Xmx if the file is right");
        }
        return Files.readAllBytes(file);
    }

    /**
     * The rest of {@code in}, read in chunks; an {@link IOException} naming {@code what} once it passes {@code max}
     * bytes (nothing larger is ever held).
     */
    public static byte[] readAll(InputStream in, long max, String what) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes(CHUNK);
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (total > max) {
                throw new IOException(what + " holds more than " + max + " bytes (a quarter of this JVM's heap, or 2 GB, at most): the"
                        + " file is damaged, or give the JVM a larger -Xmx");
            }
            chunks.add(chunk);
        }
        byte[] all = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }
}
