package ai.bigdata.core.io;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ChunkAssembler;
import ai.bigdata.core.internal.CompressedInput;
import ai.bigdata.core.internal.LineReader;
import ai.bigdata.core.internal.TextValues;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON Lines (one JSON object per line, the file plain or gzip / zstd compressed, told apart by
 * magic bytes) into a {@link Dataset}. Columns are the keys seen in a sample of lines; numbers become
 * int32, int64 or float64, booleans boolean, strings text (categorical for a label), arrays of
 * numbers float32 tensors. A column whose sampled values are all numbers, or at least 95% and at
 * least 20 of them (the rule of {@code CsvReader}), is numeric and its other values are bad values;
 * any other mix is text, and numbers and booleans in a text column are stored as their JSON text. A missing
 * key is a null; a key not in the schema, a value of the wrong type, a non-finite number (such as
 * 1e309, or 1e39 in a float32 column or tensor) or a malformed line is a bad row, handled by the
 * {@link ErrorPolicy}. The {@link ReadReport} says each column's type and why.
 */
public final class JsonLinesReader {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesReader() {
    }

    /** A builder for reading {@code file}. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Options of a JSON Lines read. */
    public static final class Builder {
        private final Path file;
        private int chunkRows = 65_536;
        private int sampleRows = 1_000;
        private ErrorPolicy policy = ErrorPolicy.FAIL;
        private Path quarantine;
        private final Map<String, ColumnType> types = new HashMap<>();
        private final Map<String, ColumnRole> roles = new HashMap<>();

        Builder(Path file) {
            this.file = file;
        }

        /** Rows per chunk (default 65,536). */
        public Builder chunkRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("chunkRows must be positive, got " + n);
            }
            this.chunkRows = n;
            return this;
        }

        /** Lines sampled to find columns and infer types (default 1,000). */
        public Builder sampleRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("sampleRows must be positive, got " + n);
            }
            this.sampleRows = n;
            return this;
        }

        /** Overrides the inferred type of a column. */
        public Builder column(String name, ColumnType type) {
            types.put(name, type);
            return this;
        }

        /** Gives a column a role. */
        public Builder role(String name, ColumnRole role) {
            roles.put(name, role);
            return this;
        }

        /** Marks the label column. */
        public Builder label(String name) {
            return role(name, ColumnRole.LABEL);
        }

        /** What to do with bad rows (default FAIL). */
        public Builder onError(ErrorPolicy p) {
            this.policy = p;
            return this;
        }

        /**
         * Quarantines bad lines to {@code sideFile} (sets the policy to QUARANTINE). The file is
         * created, or replaced, only when a line is quarantined; otherwise it is not touched.
         */
        public Builder quarantine(Path sideFile) {
            this.policy = ErrorPolicy.QUARANTINE;
            this.quarantine = sideFile;
            return this;
        }

        /** Reads the file. */
        public Dataset read() {
            return readWithReport().dataset();
        }

        /** Reads the file and reports what was kept and rejected. */
        public ReadResult readWithReport() {
            if (policy == ErrorPolicy.QUARANTINE && quarantine == null) {
                quarantine = file.resolveSibling(file.getFileName() + ".quarantine.jsonl");
            }
            try {
                List<ColumnTypeReport> columnReports = new ArrayList<>(); // per read: a builder may read again
                Schema schema = inferSchema(columnReports);
                return readAll(schema, columnReports);
            } catch (NoSuchFileException e) {
                throw new DataFormatException(file.toString(), "file does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        /** The schema from a sample of lines; each column's type and why go to {@code columnReports}. */
        private Schema inferSchema(List<ColumnTypeReport> columnReports) throws IOException {
            Map<String, JsonColumnSample> seen = new LinkedHashMap<>();
            int sampled = 0;
            long lineNo = 0;
            boolean any = false;
            try (InputStream in = CompressedInput.open(file)) {
                LineReader lines = new LineReader(in);
                byte[] line;
                while (sampled < sampleRows && (line = lines.next()) != null) {
                    lineNo++;
                    any = true;
                    if (isBlank(line)) {
                        continue;
                    }
                    Map<String, Object> row;
                    try {
                        row = parseObject(line, Set.of());
                    } catch (IOException | IllegalArgumentException bad) {
                        continue; // reported in the full pass
                    }
                    sampled++;
                    for (Map.Entry<String, Object> e : row.entrySet()) {
                        seen.computeIfAbsent(e.getKey(), k -> new JsonColumnSample()).observe(e.getValue(), lineNo);
                    }
                }
            }
            if (!any) {
                throw new DataFormatException(file.toString(), "file is empty");
            }
            if (seen.isEmpty()) {
                throw new DataFormatException(file.toString(), "no JSON object with fields in the first " + sampleRows + " lines");
            }
            for (String n : types.keySet()) {
                if (!seen.containsKey(n)) {
                    throw new IllegalArgumentException("column '" + n + "' named in the options is not among the keys "
                            + seen.keySet() + " of " + file);
                }
            }
            List<Column> cols = new ArrayList<>();
            for (Map.Entry<String, JsonColumnSample> e : seen.entrySet()) {
                String n = e.getKey();
                JsonColumnSample sample = e.getValue();
                ColumnRole role = roles.getOrDefault(n, ColumnRole.FEATURE);
                boolean declared = types.containsKey(n);
                ColumnType t = declared ? types.get(n) : sample.guess();
                String reason = declared ? "declared in the options" : sample.reason() + " in the first " + sampleRows + " lines";
                if (t == ColumnType.TEXT && role == ColumnRole.LABEL) {
                    t = ColumnType.CATEGORICAL;
                    reason += "; a text label is categorical";
                }
                if (t == ColumnType.TENSOR) {
                    if (sample.tensorWidth() < 0) {
                        throw new DataFormatException(file.toString(), sample.firstLine(), n, sample.firstText(),
                                "column '" + n + "' is declared TENSOR but no value of it in the first " + sampleRows
                                        + " lines is an array of numbers, so its width is unknown", null);
                    }
                    cols.add(Column.tensor(n, sample.tensorWidth()).withRole(role));
                } else if (t == ColumnType.CATEGORICAL) {
                    cols.add(Column.categorical(n, role, List.of()));
                } else {
                    cols.add(Column.of(n, t, role));
                }
                columnReports.add(new ColumnTypeReport(n, t, declared, reason));
            }
            return new Schema(cols);
        }

        private ReadResult readAll(Schema schema, List<ColumnTypeReport> columnReports) throws IOException {
            ChunkAssembler out = new ChunkAssembler(schema, Memory.newChild("jsonl:" + file.getFileName()), chunkRows);
            Set<String> asText = textColumns(schema);
            long read = 0;
            long kept = 0;
            long blanks = 0;
            long lineNo = 0;
            try (InputStream in = CompressedInput.open(file);
                 Rejections rejections = new Rejections(policy, quarantine, null)) {
                LineReader lines = new LineReader(in);
                byte[] line;
                while ((line = lines.next()) != null) {
                    lineNo++;
                    if (isBlank(line)) {
                        blanks++;
                        continue;
                    }
                    read++;
                    DataFormatException bad = appendRow(line, lineNo, schema, asText, out);
                    if (bad == null) {
                        kept++;
                        out.endRow();
                    } else {
                        rejections.reject(bad, line);
                    }
                }
                ReadReport report = rejections.report(file.toString(), read, kept, blanks, columnReports);
                return new ReadResult(Datasets.wrap(out.build()), report);
            } catch (RuntimeException | IOException e) {
                out.close();
                throw e;
            }
        }

        private DataFormatException appendRow(byte[] line, long lineNo, Schema schema, Set<String> asText,
                                              ChunkAssembler out) {
            String src = file.toString();
            Map<String, Object> row;
            try {
                TextValues.utf8(line, 0, line.length);
                row = parseObject(line, asText);
            } catch (JsonParseException e) {
                return new DataFormatException(src, lineNo, String.valueOf(e.getLocation().getColumnNr()), text(line),
                        "malformed JSON: " + e.getOriginalMessage(), e);
            } catch (IOException | IllegalArgumentException e) {
                return new DataFormatException(src, lineNo, null, text(line), e.getMessage(), e);
            }
            for (String k : row.keySet()) {
                if (!schema.contains(k)) {
                    return new DataFormatException(src, lineNo, k, text(line), "key '" + k + "' is not a column " + schema.names()
                            + " (columns come from the first " + sampleRows + " lines)", null);
                }
            }
            for (int c = 0; c < schema.size(); c++) {
                Column col = schema.column(c);
                Object v = row.get(col.name());
                try {
                    if (v instanceof String && col.type() == ColumnType.TIMESTAMP) {
                        v = Instant.ofEpochMilli(TextValues.parseTimestamp((String) v));
                    } else if ((v instanceof Number || v instanceof Boolean)
                            && (col.type() == ColumnType.TEXT || col.type() == ColumnType.CATEGORICAL)) {
                        v = String.valueOf(v); // numbers and booleans in a text column are text
                    }
                    out.append(c, v);
                } catch (IllegalArgumentException e) {
                    out.undoRow(c);
                    return new DataFormatException(src, lineNo, col.name(), String.valueOf(v instanceof float[] ? "[array]" : v),
                            e.getMessage(), e);
                }
            }
            return null;
        }
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static Set<String> textColumns(Schema schema) {
        Set<String> out = new HashSet<>();
        for (Column c : schema.columns()) {
            if (c.type() == ColumnType.TEXT || c.type() == ColumnType.CATEGORICAL) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses one line holding one flat JSON object; arrays must hold only numbers. Numbers and
     * booleans of the keys in {@code asText} are kept as their JSON text.
     */
    static Map<String, Object> parseObject(byte[] line, Set<String> asText) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a line must hold one JSON object");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.getCurrentName();
                JsonToken t = p.nextToken();
                Object v;
                if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                        || t == JsonToken.VALUE_FALSE) && asText.contains(key)) {
                    t = JsonToken.VALUE_STRING; // numbers in a text column are text, as written
                }
                switch (t) {
                    case VALUE_NULL: v = null; break;
                    case VALUE_TRUE: v = Boolean.TRUE; break;
                    case VALUE_FALSE: v = Boolean.FALSE; break;
                    case VALUE_STRING: v = p.getText(); break;
                    case VALUE_NUMBER_INT:
                        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            throw new IllegalArgumentException("key '" + key + "': integer out of the int64 range");
                        }
                        v = p.getNumberValue();
                        break;
                    case VALUE_NUMBER_FLOAT: v = p.getDoubleValue(); break;
                    case START_ARRAY: v = readArray(p, key); break;
                    default:
                        throw new IllegalArgumentException("key '" + key + "': nested objects are not supported");
                }
                if (row.containsKey(key)) {
                    throw new IllegalArgumentException("key '" + key + "' appears twice");
                }
                row.put(key, v);
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("malformed object");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            return row;
        }
    }

    private static float[] readArray(JsonParser p, String key) throws IOException {
        List<Float> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new IllegalArgumentException("key '" + key + "': arrays must hold only numbers");
            }
            values.add(p.getFloatValue());
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
