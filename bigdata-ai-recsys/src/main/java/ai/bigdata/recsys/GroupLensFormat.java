package ai.bigdata.recsys;

import java.nio.file.Path;
import java.util.Locale;

/** The GroupLens MovieLens rating file layouts. */
public enum GroupLensFormat {
    /** {@code ratings.csv} of ml-latest(-small), ml-20m, ml-25m: header {@code userId,movieId,rating,timestamp}, comma separated. */
    CSV(",", true),
    /** ml-100k {@code u.data}: {@code user item rating timestamp}, tab separated, no header. */
    TAB("\t", false),
    /** ml-1m / ml-10m {@code ratings.dat}: {@code UserID::MovieID::Rating::Timestamp}, no header. */
    DOUBLE_COLON("::", false);

    private final String separator;
    private final boolean header;

    GroupLensFormat(String separator, boolean header) {
        this.separator = separator;
        this.header = header;
    }

    /** The field separator. */
    public String separator() {
        return separator;
    }

    /** Whether the file starts with a header line. */
    public boolean hasHeader() {
        return header;
    }

    /** The layout a GroupLens file of this name uses: {@code *.csv}, {@code *.dat}, or {@code u.data}/{@code *.data}; otherwise fails naming the file. */
    public static GroupLensFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".dat")) {
            return DOUBLE_COLON;
        }
        if (name.endsWith(".data") || name.startsWith("u") && name.matches("u\\d?\\.(base|test)|ua\\.(base|test)|ub\\.(base|test)")) {
            return TAB;
        }
        throw new IllegalArgumentException("cannot tell the GroupLens layout of " + file
                + " from its name (expected *.csv, *.dat or u.data); give the format explicitly");
    }
}
