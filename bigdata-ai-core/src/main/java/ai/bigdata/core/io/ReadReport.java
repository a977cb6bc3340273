package ai.bigdata.core.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader did: rows read = rows kept + rows rejected, always. The first rejections are kept
 * with their line, column, text and reason; blank lines are counted apart since they hold no row.
 * For each column it says which type was used and why (declared, or inferred from the sample).
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
    private final List<ColumnTypeReport> columns;

    /** A report without column types; checks that the counts add up. */
    public ReadReport(String source, long rowsRead, long rowsKept, long rowsRejected, long blankLines,
                      List<DataFormatException> rejections, Path quarantine) {
        this(source, rowsRead, rowsKept, rowsRejected, blankLines, rejections, quarantine, List.of());
    }

    /**
     * A report; checks that the counts add up. {@code quarantine} is the side file that rows were
     * copied to, or null when none were.
     */
    public ReadReport(String source, long rowsRead, long rowsKept, long rowsRejected, long blankLines,
                      List<DataFormatException> rejections, Path quarantine, List<ColumnTypeReport> columns) {
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
        this.columns = List.copyOf(columns);
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

    /**
     * The quarantine side file the rejected rows were copied to, or null when no row was quarantined
     * (the policy was not {@link ErrorPolicy#QUARANTINE}, or every row was good: then no side file is
     * written, and an existing file of that name is left as it was).
     */
    public Path quarantine() {
        return quarantine;
    }

    /** Each column's type and why it was chosen, in schema order. */
    public List<ColumnTypeReport> columns() {
        return columns;
    }

    /** The counts on one line, then one line per column type. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source).append(": read ").append(rowsRead).append(" rows, kept ")
                .append(rowsKept).append(", rejected ").append(rowsRejected);
        if (blankLines > 0) {
            sb.append(", ").append(blankLines).append(" blank lines");
        }
        if (quarantine != null) {
            sb.append(", quarantined to ").append(quarantine);
        }
        for (ColumnTypeReport c : columns) {
            sb.append("\n  ").append(c);
        }
        return sb.toString();
    }
}
