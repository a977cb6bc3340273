package ai.bigdata.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits CSV bytes into records and fields (RFC 4180: quoted fields may hold delimiters, doubled
 * quotes and line breaks). Streams with a refilled buffer, so a file of any size is read in bounded
 * memory. Field bytes are referenced in place where possible; quoted fields are unescaped into a
 * scratch array.
 */
public final class CsvTokenizer {
    /** A malformed record (unterminated quote, stray character after a closing quote). */
    public static final class SyntaxError extends Exception {
        /** The 1-based line of the problem. */
        public final long line;

        SyntaxError(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final InputStream in;
    private final byte delimiter;
    private final byte quote;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    // the current record
    private int fields;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private boolean[] scratchField = new boolean[16];
    private byte[] scratch = new byte[256];
    private int scratchLen;
    private long recordLine;
    private int recordStart;
    private int recordEnd;

    /** A tokenizer over a stream, which it does not close. */
    public CsvTokenizer(InputStream in, char delimiter, char quote, int bufferSize) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.buf = new byte[bufferSize];
    }

    /** Skips a UTF-8 byte order mark; returns false for a UTF-16/32 mark, which is not supported. */
    public boolean skipByteOrderMark() throws IOException {
        fill(4);
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        } else if (limit - pos >= 2 && (((buf[pos] & 0xFF) == 0xFE && (buf[pos + 1] & 0xFF) == 0xFF)
                || ((buf[pos] & 0xFF) == 0xFF && (buf[pos + 1] & 0xFF) == 0xFE))) {
            return false;
        }
        return true;
    }

    /** Whether the input holds no bytes at all (after a byte order mark). */
    public boolean isEmpty() throws IOException {
        fill(1);
        return limit - pos == 0;
    }

    private void fill(int want) throws IOException {
        while (!eof && limit - pos < want) {
            readMore();
        }
    }

    /**
     * Reads the next record. Returns false at the end of input. A record that spans the end of the
     * buffer is re-read after a refill, so field positions are always within {@link #buffer()}.
     */
    public boolean next() throws IOException, SyntaxError {
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill(1);
                if (pos >= limit) {
                    return false;
                }
            }
            long savedLine = line;
            int savedPos = pos;
            int r = parse();
            if (r > 0) {
                return true;
            }
            // ran out of bytes mid-record: refill (growing the buffer if needed) and parse again
            line = savedLine;
            pos = savedPos;
            if (eof) {
                throw new SyntaxError(recordLine, "unexpected end of input inside a record");
            }
            readMore();
        }
    }

    /** Moves the unread bytes to the front (or grows a full buffer) and reads once more. */
    private void readMore() throws IOException {
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

    /** 1 = record parsed; 0 = need more bytes. */
    private int parse() throws SyntaxError {
        fields = 0;
        scratchLen = 0;
        recordLine = line;
        recordStart = pos;
        int p = pos;
        final byte[] b = buf;
        final int lim = limit;
        while (true) {
            if (fields == start.length) {
                grow();
            }
            if (p < lim && b[p] == quote) {
                // quoted field
                int q = p + 1;
                int s0 = scratchLen;
                while (true) {
                    if (q >= lim) {
                        if (eof) {
                            throw new SyntaxError(recordLine, "unterminated quoted field (opened on line " + recordLine + ")");
                        }
                        return 0;
                    }
                    byte c = b[q];
                    if (c == quote) {
                        if (q + 1 >= lim && !eof) {
                            return 0;
                        }
                        if (q + 1 < lim && b[q + 1] == quote) {
                            putScratch(quote);
                            q += 2;
                            continue;
                        }
                        q++;
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    putScratch(c);
                    q++;
                }
                start[fields] = s0;
                end[fields] = scratchLen;
                scratchField[fields] = true;
                fields++;
                p = q;
                if (p >= lim) {
                    if (!eof) {
                        return 0;
                    }
                    recordEnd = p;
                    pos = p;
                    return 1;
                }
                byte c = b[p];
                if (c == delimiter) {
                    p++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return endOfLine(p);
                }
                throw new SyntaxError(line, "unexpected character '" + (char) c + "' after a closing quote");
            }
            int s = p;
            while (p < lim) {
                byte c = b[p];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            if (p >= lim && !eof) {
                return 0;
            }
            start[fields] = s;
            end[fields] = p;
            scratchField[fields] = false;
            fields++;
            if (p >= lim) {
                recordEnd = p;
                pos = p;
                return 1;
            }
            if (b[p] == delimiter) {
                p++;
                if (p >= lim && eof) {
                    // trailing delimiter at end of input: one more empty field
                    if (fields == start.length) {
                        grow();
                    }
                    start[fields] = p;
                    end[fields] = p;
                    scratchField[fields] = false;
                    fields++;
                    recordEnd = p;
                    pos = p;
                    return 1;
                }
                continue;
            }
            return endOfLine(p);
        }
    }

    private int endOfLine(int p) {
        recordEnd = p;
        if (buf[p] == '\r') {
            if (p + 1 >= limit && !eof) {
                return 0;
            }
            p++;
            if (p < limit && buf[p] == '\n') {
                p++;
            }
        } else {
            p++;
        }
        line++;
        pos = p;
        return 1;
    }

    private void putScratch(byte c) {
        if (scratchLen == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLen++] = c;
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        scratchField = Arrays.copyOf(scratchField, n);
    }

    /**
     * After a {@link SyntaxError}: skips the malformed record, that is every physical line from the one
     * it started on through the line where the error was found ({@code error.line}), so that no part
     * of it is read again as a made-up row. Returns those lines' raw bytes (joined by '\n', without the
     * final line break), the text of the rejection.
     */
    public byte[] recover(SyntaxError error) throws IOException {
        long lines = Math.max(1, error.line - recordLine + 1);
        int p = pos;
        int lastEnd;
        while (true) {
            while (p < limit && buf[p] != '\n') {
                p++;
            }
            if (p < limit) {
                lastEnd = p;
                if (--lines == 0) {
                    break;
                }
                p++;
                continue;
            }
            if (eof) {
                lastEnd = p;
                break;
            }
            int offset = p - pos;
            readMore();
            p = pos + offset;
        }
        int lineEnd = lastEnd > pos && buf[lastEnd - 1] == '\r' ? lastEnd - 1 : lastEnd;
        byte[] raw = Arrays.copyOfRange(buf, pos, Math.min(lineEnd, limit));
        pos = Math.min(lastEnd + 1, limit);
        line = Math.max(error.line, recordLine) + 1;
        return raw;
    }

    /** Fields in the current record. */
    public int fieldCount() {
        return fields;
    }

    /** Whether the current record is one empty line (no bytes at all). */
    public boolean isBlankLine() {
        return fields == 1 && !scratchField[0] && start[0] == end[0];
    }

    /** The array that holds field {@code i}'s bytes. */
    public byte[] bytes(int i) {
        return scratchField[i] ? scratch : buf;
    }

    /** Start offset of field {@code i} in {@link #bytes(int)}. */
    public int start(int i) {
        return start[i];
    }

    /** End offset (exclusive) of field {@code i}. */
    public int end(int i) {
        return end[i];
    }

    /** Whether field {@code i} was quoted (a quoted empty field is an empty string, not a null). */
    public boolean quoted(int i) {
        return scratchField[i];
    }

    /** The line the current record starts on. */
    public long recordLine() {
        return recordLine;
    }

    /** The raw bytes of the current record, without its line break (for quarantine files). */
    public byte[] rawRecord() {
        return Arrays.copyOfRange(buf, recordStart, recordEnd);
    }

    /** The buffer (for tests). */
    byte[] buffer() {
        return buf;
    }
}
