package ai.bigdata.recsys;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.ColumnWriter;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.ErrorPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads MovieLens rating files in GroupLens' layouts ({@link GroupLensFormat}) into an interactions
 * {@link Dataset} with the columns of {@link Interactions#SCHEMA}. Every line is checked: field count,
 * integer ids, a finite rating inside the declared scale (default 0.5 to 5), an integer timestamp; a bad
 * line is a {@link DataFormatException} naming file, line, column and text, or, under
 * {@link ErrorPolicy#SKIP}, left out and counted in the {@link InteractionsRead}. Duplicate (user, item)
 * lines are kept here; {@link Interactions#from} applies the {@link DuplicatePolicy}.
 *
 * <pre>{@code
 * Interactions ratings = GroupLensReader.builder(Path.of("ml-latest-small/ratings.csv")).readInteractions(DuplicatePolicy.ERROR);
 * }</pre>
 */
public final class GroupLensReader {
    private static final String[] COLUMNS = {Interactions.USER, Interactions.ITEM, Interactions.RATING, Interactions.TIMESTAMP};
    private static final int MAX_REASONS = 100;

    private final Path file;
    private GroupLensFormat format;
    private double min = 0.5;
    private double max = 5.0;
    private ErrorPolicy policy = ErrorPolicy.FAIL;

    private GroupLensReader(Path file) {
        this.file = file;
    }

    /** A reader of {@code file}; the layout is guessed from the name unless {@link #format} is given. */
    public static GroupLensReader builder(Path file) {
        return new GroupLensReader(file);
    }

    /** The file layout. */
    public GroupLensReader format(GroupLensFormat f) {
        this.format = f;
        return this;
    }

    /** The declared rating scale, inclusive (default 0.5 to 5; ml-100k and ml-1m use 1 to 5). */
    public GroupLensReader ratingScale(double lowest, double highest) {
        if (!Double.isFinite(lowest) || !Double.isFinite(highest) || lowest > highest) {
            throw new IllegalArgumentException("rating scale [" + lowest + ", " + highest + "] is not a finite range");
        }
        this.min = lowest;
        this.max = highest;
        return this;
    }

    /** What to do with a bad line: {@link ErrorPolicy#FAIL} (default) or {@link ErrorPolicy#SKIP} (counted). */
    public GroupLensReader onError(ErrorPolicy p) {
        if (p == ErrorPolicy.QUARANTINE) {
            throw new IllegalArgumentException("GroupLensReader supports FAIL and SKIP, not QUARANTINE");
        }
        this.policy = p;
        return this;
    }

    /** Reads the file into a dataset; the caller closes the result. */
    public InteractionsRead read() {
        GroupLensFormat f = format != null ? format : GroupLensFormat.of(file);
        Pattern split = Pattern.compile(Pattern.quote(f.separator()));
        String source = file.toString();
        long lineNo = 0;
        long lines = 0;
        long skipped = 0;
        List<String> reasons = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             DatasetWriter w = Dataset.writer(Interactions.SCHEMA)) {
            ColumnWriter cu = w.column(Interactions.USER);
            ColumnWriter ci = w.column(Interactions.ITEM);
            ColumnWriter cr = w.column(Interactions.RATING);
            ColumnWriter ct = w.column(Interactions.TIMESTAMP);
            String line;
            if (f.hasHeader()) {
                line = in.readLine();
                lineNo++;
                if (line == null) {
                    throw new DataFormatException(source, 1, null, null, "empty file: no header line", null);
                }
                String[] h = split.split(strip(line), -1);
                if (h.length != 4 || !h[0].trim().equalsIgnoreCase("userId") || !h[1].trim().equalsIgnoreCase("movieId")
                        || !h[2].trim().equalsIgnoreCase("rating") || !h[3].trim().equalsIgnoreCase("timestamp")) {
                    throw new DataFormatException(source, 1, null, line,
                            "header must be userId,movieId,rating,timestamp", null);
                }
            }
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                try {
                    String[] p = split.split(line.strip(), -1);
                    if (p.length != 4) {
                        throw new DataFormatException(source, lineNo, null, line,
                                "expected 4 fields separated by '" + printable(f.separator()) + "', found " + p.length, null);
                    }
                    long user = integer(p[0], source, lineNo, 0, line);
                    long item = integer(p[1], source, lineNo, 1, line);
                    float rating = rating(p[2], source, lineNo, line);
                    long time = integer(p[3], source, lineNo, 3, line);
                    cu.appendLong(user);
                    ci.appendLong(item);
                    cr.appendFloat(rating);
                    ct.appendLong(time);
                    w.endRow();
                } catch (DataFormatException e) {
                    if (policy == ErrorPolicy.FAIL) {
                        throw e;
                    }
                    skipped++;
                    if (reasons.size() < MAX_REASONS) {
                        reasons.add(e.getMessage());
                    }
                }
            }
            return new InteractionsRead(w.build(), lines, skipped, List.copyOf(reasons));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads the file into {@link Interactions} (no Arrow memory kept), merging duplicates by {@code duplicates}. */
    public Interactions readInteractions(DuplicatePolicy duplicates) {
        try (InteractionsRead r = read()) {
            return Interactions.from(r.data(), duplicates);
        }
    }

    /**
     * Reads a GroupLens {@code movies.csv} ({@code movieId,title,genres}, quoted titles allowed) through core's
     * CSV reader: {@code movieId} is an int64 column with role {@link ColumnRole#ITEM}. The caller closes it.
     */
    public static Dataset readMovies(Path moviesCsv) {
        return Dataset.readCsv(moviesCsv).column("movieId", ColumnType.INT64).column("title", ColumnType.TEXT)
                .column("genres", ColumnType.TEXT).role("movieId", ColumnRole.ITEM).read();
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String printable(String sep) {
        return sep.equals("\t") ? "\\t" : sep;
    }

    private static long integer(String text, String source, long line, int column, String whole) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, COLUMNS[column], whole, "'" + t + "' is not an integer", null);
        }
    }

    private float rating(String text, String source, long line, String whole) {
        String t = text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, line, Interactions.RATING, whole, "'" + t + "' is not a number", null);
        }
        if (!Double.isFinite(v)) {
            throw new DataFormatException(source, line, Interactions.RATING, whole, "rating " + t + " is not finite", null);
        }
        if (v < min || v > max) {
            throw new DataFormatException(source, line, Interactions.RATING, whole,
                    "rating " + t + " is outside the declared scale [" + min + ", " + max + "]", null);
        }
        return (float) v;
    }
}
