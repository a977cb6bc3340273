package ai.bigdata.core.io;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV into a {@link Dataset}, chunk by chunk; the file may be plain, gzip or zstd compressed
 * (told apart by its magic bytes, not its name; a damaged compressed stream is a
 * {@link DataFormatException} naming the file). Types are inferred from a sample of rows unless
 * given: a column is numeric when all its non-null sampled values are numbers, or at least 95% and at
 * least 20 of them (the other tokens are then bad values); the {@link ReadReport} says each column's
 * type and why. Null tokens (by default empty, {@code NA}, {@code NaN}, {@code null}) become nulls;
 * infinities ({@code inf}, {@code -Infinity}) and numbers beyond the column type's range
 * ({@code 1e309}; {@code 1e39} in float32) are bad values. Every row that cannot be read is reported
 * with file, line, column and text, and handled by the {@link ErrorPolicy}; a malformed record (such
 * as an unterminated quote) is left out whole and its rejection carries its text.
 */
public final class CsvReader {
    /** The field texts that mean "missing" unless told otherwise: empty, {@code NA}, {@code NaN} and {@code null}. */
    public static final List<String> DEFAULT_NULL_TOKENS = List.of("", "NA", "NaN", "null");

    private CsvReader() {
    }

    /** A builder for reading {@code file}. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Options of a CSV read; validated when set. */
    public static final class Builder {
        final Path file;
        boolean header = true;
        char delimiter = ',';
        char quote = '"';
        List<String> nullTokens = DEFAULT_NULL_TOKENS;
        int chunkRows = 65_536;
        int sampleRows = 1_000;
        ColumnType decimals = ColumnType.FLOAT64;
        ErrorPolicy policy = ErrorPolicy.FAIL;
        Path quarantine;
        List<String> names;
        final Map<String, ColumnType> types = new LinkedHashMap<>();
        final Map<String, ColumnRole> roles = new LinkedHashMap<>();
        final Map<String, List<String>> categories = new HashMap<>();

        Builder(Path file) {
            if (file == null) {
                throw new IllegalArgumentException("file must not be null");
            }
            this.file = file;
        }

        /** Whether the first line holds column names (default true). */
        public Builder header(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /** Column names when there is no header (default c1, c2, ...). */
        public Builder columnNames(String... columnNames) {
            this.names = List.of(columnNames);
            return this;
        }

        /** The field delimiter (default ','). */
        public Builder delimiter(char c) {
            if (c == '\n' || c == '\r' || c == quote) {
                throw new IllegalArgumentException("delimiter cannot be a line break or the quote character, got '" + c + "'");
            }
            this.delimiter = c;
            return this;
        }

        /** The quote character (default '"'). */
        public Builder quote(char c) {
            if (c == '\n' || c == '\r' || c == delimiter) {
                throw new IllegalArgumentException("quote cannot be a line break or the delimiter, got '" + c + "'");
            }
            this.quote = c;
            return this;
        }

        /** Field texts that mean "missing" (default: empty, NA, NaN, null). A quoted empty field is text, not null. */
        public Builder nullTokens(String... tokens) {
            this.nullTokens = List.of(tokens);
            return this;
        }

        /** Rows per chunk (default 65,536). */
        public Builder chunkRows(int rows) {
            if (rows <= 0) {
                throw new IllegalArgumentException("chunkRows must be positive, got " + rows);
            }
            this.chunkRows = rows;
            return this;
        }

        /** Rows sampled to infer types (default 1,000). */
        public Builder sampleRows(int rows) {
            if (rows <= 0) {
                throw new IllegalArgumentException("sampleRows must be positive, got " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /** The type of inferred non-integer columns: FLOAT64 (default, lossless) or FLOAT32. */
        public Builder decimals(ColumnType type) {
            if (type != ColumnType.FLOAT32 && type != ColumnType.FLOAT64) {
                throw new IllegalArgumentException("decimals must be FLOAT32 or FLOAT64, got " + type);
            }
            this.decimals = type;
            return this;
        }

        /** Overrides the inferred type of a column. */
        public Builder column(String name, ColumnType type) {
            if (type == ColumnType.TENSOR || type == ColumnType.SPARSE) {
                throw new IllegalArgumentException("CSV has no tensor or sparse columns; assemble or vectorise them after reading"
                        + " (column '" + name + "')");
            }
            types.put(name, type);
            return this;
        }

        /** Declares a categorical column with fixed categories; any other value is a bad row. */
        public Builder categories(String name, String... values) {
            types.put(name, ColumnType.CATEGORICAL);
            categories.put(name, List.of(values));
            return this;
        }

        /** Gives a column a role. */
        public Builder role(String name, ColumnRole role) {
            roles.put(name, role);
            return this;
        }

        /** Marks the label column (a text label becomes categorical). */
        public Builder label(String name) {
            return role(name, ColumnRole.LABEL);
        }

        /** What to do with bad rows (default FAIL). */
        public Builder onError(ErrorPolicy p) {
            if (p == null) {
                throw new IllegalArgumentException("policy must not be null");
            }
            this.policy = p;
            return this;
        }

        /**
         * Quarantines bad rows to {@code sideFile} (sets the policy to QUARANTINE). The file is created,
         * or replaced, only when a row is quarantined; otherwise it is not touched.
         */
        public Builder quarantine(Path sideFile) {
            this.policy = ErrorPolicy.QUARANTINE;
            this.quarantine = sideFile;
            return this;
        }

        /** Reads the file. @throws DataFormatException under FAIL for the first bad row */
        public Dataset read() {
            return readWithReport().dataset();
        }

        /** Reads the file and reports what was kept and rejected. */
        public ReadResult readWithReport() {
            if (policy == ErrorPolicy.QUARANTINE && quarantine == null) {
                quarantine = file.resolveSibling(file.getFileName() + ".quarantine.csv");
            }
            try {
                return new CsvPass(this).run();
            } catch (NoSuchFileException e) {
                throw new DataFormatException(file.toString(), "file does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
