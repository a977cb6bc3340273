package ai.bigdata.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads byte lines (without '\n' or "\r\n") from a stream through a refilled buffer. */
public final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    /** A reader over {@code in}, which it does not close. */
    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of input. */
    public byte[] next() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    byte[] line = Arrays.copyOfRange(buf, pos, end);
                    pos = i + 1;
                    return line;
                }
            }
            if (eof) {
                if (pos >= limit) {
                    return null;
                }
                int end = buf[limit - 1] == '\r' ? limit - 1 : limit;
                byte[] line = Arrays.copyOfRange(buf, pos, end);
                pos = limit;
                return line;
            }
            scanned = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            } else if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }
}
