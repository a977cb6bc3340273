package ai.bigdata.core.io;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.AtomicFiles;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Chunk;
import ai.bigdata.core.internal.ChunkReader;
import ai.bigdata.core.internal.ChunkSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a dataset as RFC 4180 CSV with a header: nulls as empty fields, text quoted when it holds a
 * delimiter, quote or line break, or when it would read back as a null token; floats in their
 * shortest exact decimal form. Tensor columns cannot be written as CSV.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes {@code data} to {@code file} through a temporary file and a rename. */
    public static void write(Dataset data, Path file) throws IOException {
        Schema s = data.schema();
        for (Column c : s.columns()) {
            if (c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE) {
                throw new IllegalArgumentException("column '" + c.name() + "' is a " + c.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " vector; CSV cannot hold it (write Arrow instead)");
            }
        }
        AtomicFiles.write(file, false, tmp -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                for (int i = 0; i < s.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(quoteIfNeeded(s.column(i).name(), true));
                }
                w.write('\n');
                ChunkSource src = Datasets.source(data);
                try (ChunkReader r = src.open()) {
                    for (int k = 0; k < src.chunkCount(); k++) {
                        Chunk chunk = r.chunk(k);
                        for (int row = 0; row < chunk.rowCount(); row++) {
                            for (int i = 0; i < s.size(); i++) {
                                if (i > 0) {
                                    w.write(',');
                                }
                                w.write(format(s.column(i), chunk, i, row));
                            }
                            w.write('\n');
                        }
                    }
                }
            }
        });
    }

    private static String format(Column c, Chunk chunk, int col, int row) {
        Object v = Cells.value(c, chunk.vector(col), row);
        if (v == null) {
            return "";
        }
        if (v instanceof Instant) {
            return v.toString();
        }
        if (c.type() == ColumnType.TEXT || c.type() == ColumnType.CATEGORICAL) {
            return quoteIfNeeded((String) v, false);
        }
        return v.toString();
    }

    private static String quoteIfNeeded(String s, boolean header) {
        boolean needs = s.isEmpty() && !header || s.equals("NA") || s.equals("NaN") || s.equals("null");
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needs && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) {
            needs = true;
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
