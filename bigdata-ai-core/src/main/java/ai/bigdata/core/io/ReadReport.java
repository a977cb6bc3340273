package ai.bigdata.core.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader did: rows read = rows kept + rows rejected, always. The first rejections are kept
 * with their line, column, text and reason; blank lines are counted apart since they hold no row.
 */
public final class ReadReport {
    /** Most rejections whose details are kept. */
    public static final int MAX_DETAILS = 100;

    private final String source;
    private final long rowsRead;
    private final long rowsKept;
    private final long rowsRejected;
    private final long blankLines;
    private final List<DataFormatException> rejections;
    private final Path quarantine;

    /** A report; checks that the counts add up. */
    public ReadReport(String source, long rowsRead, long rowsKept, long rowsRejected, long blankLines,
                      List<DataFormatException> rejections, Path quarantine) {
        if (rowsRead != rowsKept + rowsRejected) {
            throw new IllegalStateException("read report of " + source + " does not add up: read " + rowsRead
                    + " != kept " + rowsKept + " + rejected " + rowsRejected);
        }
        this.source = source;
        this.rowsRead = rowsRead;
        this.rowsKept = rowsKept;
        this.rowsRejected = rowsRejected;
        this.blankLines = blankLines;
        this.rejections = List.copyOf(rejections);
        this.quarantine = quarantine;
    }

    /** The file or stream read. */
    public String source() {
        return source;
    }

    /** Data rows seen (header and blank lines excluded). */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows in the dataset. */
    public long rowsKept() {
        return rowsKept;
    }

    /** Rows left out under {@link ErrorPolicy#SKIP} or {@link ErrorPolicy#QUARANTINE}. */
    public long rowsRejected() {
        return rowsRejected;
    }

    /** Blank lines passed over. */
    public long blankLines() {
        return blankLines;
    }

    /** The first {@value #MAX_DETAILS} rejections, each naming line, column, text and reason. */
    public List<DataFormatException> rejections() {
        return rejections;
    }

    /** The quarantine side file, or null when the policy was not {@link ErrorPolicy#QUARANTINE}. */
    public Path quarantine() {
        return quarantine;
    }

    @Override
    public String toString() {
        return source + ": read " + rowsRead + " rows, kept " + rowsKept + ", rejected " + rowsRejected
                + (blankLines > 0 ? ", " + blankLines + " blank lines" : "")
                + (quarantine != null ? ", quarantined to " + quarantine : "");
    }
}
