package ai.bigdata.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an {@link ErrorPolicy} to the bad rows of one read: throws under FAIL, else counts them,
 * keeps the first details and, under QUARANTINE, copies each raw row to the side file (created, or
 * replaced, on the first bad row only, after an optional header line).
 */
final class Rejections implements AutoCloseable {
    private final ErrorPolicy policy;
    private final Path quarantine;
    private final byte[] header;
    private final List<DataFormatException> details = new ArrayList<>();
    private long count;
    private OutputStream side;

    Rejections(ErrorPolicy policy, Path quarantine, byte[] header) {
        this.policy = policy;
        this.quarantine = quarantine;
        this.header = header;
    }

    /** Handles one bad row whose raw bytes are {@code raw}. @throws DataFormatException under FAIL */
    void reject(DataFormatException bad, byte[] raw) throws IOException {
        if (policy == ErrorPolicy.FAIL) {
            throw bad;
        }
        count++;
        if (details.size() < ReadReport.MAX_DETAILS) {
            details.add(bad);
        }
        if (policy == ErrorPolicy.QUARANTINE) {
            if (side == null) {
                side = new BufferedOutputStream(Files.newOutputStream(quarantine));
                if (header != null) {
                    side.write(header);
                    side.write('\n');
                }
            }
            side.write(raw);
            side.write('\n');
        }
    }

    /**
     * The report of a finished read. It names the side file only when rows were copied to it; when
     * none were, no side file was written and none is touched (a file of that name that the reader did
     * not create is never deleted).
     */
    ReadReport report(String source, long read, long kept, long blankLines, List<ColumnTypeReport> columns) {
        return new ReadReport(source, read, kept, count, blankLines, details, side != null ? quarantine : null, columns);
    }

    @Override
    public void close() throws IOException {
        if (side != null) {
            side.close();
        }
    }
}
