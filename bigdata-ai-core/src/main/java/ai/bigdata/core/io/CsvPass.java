package ai.bigdata.core.io;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ChunkAssembler;
import ai.bigdata.core.internal.ColumnSink;
import ai.bigdata.core.internal.CompressedInput;
import ai.bigdata.core.internal.CsvTokenizer;
import ai.bigdata.core.internal.TextValues;
import ai.bigdata.core.internal.TypeGuesser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One read of one CSV file (gzip or zstd compressed or plain, told apart by magic bytes): header, type
 * inference from a sample (records with syntax errors left out), then every row under the error
 * policy.
 */
final class CsvPass {
    private final CsvReader.Builder o;
    private final String src;
    private final byte[][] nulls;
    /** Bit per first byte of a non-empty null token: a field whose first byte is not here is no null. */
    private final boolean[] nullStart = new boolean[256];
    private final boolean emptyIsNull;
    private final int longestNull;
    private byte[] headerRaw;
    private final List<ColumnTypeReport> columnReports = new ArrayList<>();

    CsvPass(CsvReader.Builder o) {
        this.o = o;
        this.src = o.file.toString();
        this.nulls = o.nullTokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int longest = 0;
        boolean empty = false;
        for (byte[] tok : nulls) {
            if (tok.length == 0) {
                empty = true;
            } else {
                nullStart[tok[0] & 0xFF] = true;
            }
            longest = Math.max(longest, tok.length);
        }
        this.emptyIsNull = empty;
        this.longestNull = longest;
    }

    private CsvTokenizer open(InputStream in) throws IOException {
        CsvTokenizer t = new CsvTokenizer(in, o.delimiter, o.quote, 1 << 20);
        if (!t.skipByteOrderMark()) {
            throw new DataFormatException(src, "the file starts with a UTF-16 or UTF-32 byte order mark; only UTF-8 is read");
        }
        if (t.isEmpty()) {
            throw new DataFormatException(src, "file is empty");
        }
        return t;
    }

    private boolean nextNonBlank(CsvTokenizer t, long[] blanks) throws IOException {
        while (true) {
            try {
                if (!t.next()) {
                    return false;
                }
            } catch (CsvTokenizer.SyntaxError e) {
                throw new DataFormatException(src, e.line, null, null, e.getMessage(), null);
            }
            if (!t.isBlankLine()) {
                return true;
            }
            if (blanks != null) {
                blanks[0]++;
            }
        }
    }

    ReadResult run() throws IOException {
        List<String> names;
        Schema schema;
        try (InputStream in = CompressedInput.open(o.file)) {
            CsvTokenizer t = open(in);
            if (!nextNonBlank(t, null)) {
                throw new DataFormatException(src, "file holds only blank lines");
            }
            names = o.header ? headerNames(t) : defaultNames(t.fieldCount());
            if (o.header) {
                headerRaw = t.rawRecord();
            }
            schema = inferSchema(t, names, o.header);
        }
        try (InputStream in = CompressedInput.open(o.file)) {
            CsvTokenizer t = open(in);
            return readAll(t, schema);
        }
    }

    private List<String> defaultNames(int n) {
        if (o.names != null) {
            return o.names;
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("c" + i);
        }
        return out;
    }

    private List<String> headerNames(CsvTokenizer t) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int numeric = 0;
        for (int i = 0; i < t.fieldCount(); i++) {
            String n;
            try {
                n = TextValues.utf8(t.bytes(i), t.start(i), t.end(i)).trim();
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(src, t.recordLine(), String.valueOf(i + 1), null, "header name is not valid UTF-8", e);
            }
            if (n.isEmpty()) {
                throw new DataFormatException(src, t.recordLine(), String.valueOf(i + 1), null, "header name is empty", null);
            }
            if (!seen.add(n)) {
                throw new DataFormatException(src, t.recordLine(), String.valueOf(i + 1), n, "duplicate header name", null);
            }
            try {
                TextValues.parseDouble(t.bytes(i), t.start(i), t.end(i));
                numeric++;
            } catch (NumberFormatException notNumber) {
                // a proper name
            }
            names.add(n);
        }
        if (numeric == names.size()) {
            throw new DataFormatException(src, t.recordLine(), null, String.join(",", names),
                    "missing header: the first line is all numbers; use header(false) if the file has no header", null);
        }
        return names;
    }

    private Schema inferSchema(CsvTokenizer t, List<String> names, boolean headerRead) throws IOException {
        for (String n : o.types.keySet()) {
            checkNamed(n, names);
        }
        for (String n : o.roles.keySet()) {
            checkNamed(n, names);
        }
        TypeGuesser[] g = new TypeGuesser[names.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = new TypeGuesser();
        }
        int seen = 0;
        boolean have = !headerRead;
        while (seen < o.sampleRows) {
            if (!have) {
                try {
                    if (!t.next()) {
                        break;
                    }
                } catch (CsvTokenizer.SyntaxError syntax) {
                    t.recover(syntax); // the full pass reports it under the policy; the sample goes on
                    continue;
                }
            }
            have = false;
            if (t.isBlankLine() || t.fieldCount() != names.size()) {
                continue;
            }
            for (int i = 0; i < names.size(); i++) {
                if (!isNull(t, i)) {
                    g[i].observe(t.bytes(i), t.start(i), t.end(i));
                }
            }
            seen++;
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            ColumnRole role = o.roles.getOrDefault(n, ColumnRole.FEATURE);
            boolean declared = o.types.containsKey(n);
            ColumnType type = declared ? o.types.get(n) : g[i].guess(o.decimals, role == ColumnRole.LABEL);
            columnReports.add(new ColumnTypeReport(n, type, declared, declared ? "declared in the options"
                    : g[i].reason() + " in the first " + o.sampleRows + " rows"));
            cols.add(type == ColumnType.CATEGORICAL
                    ? Column.categorical(n, role, o.categories.getOrDefault(n, List.of()))
                    : Column.of(n, type, role));
        }
        return new Schema(cols);
    }

    private void checkNamed(String n, List<String> names) {
        if (!names.contains(n)) {
            throw new IllegalArgumentException("column '" + n + "' named in the CSV options is not in " + src
                    + "; its columns are " + names);
        }
    }

    private boolean isNull(CsvTokenizer t, int i) {
        if (t.quoted(i)) {
            return false;
        }
        byte[] b = t.bytes(i);
        int s = t.start(i);
        int len = t.end(i) - s;
        if (len == 0) {
            return emptyIsNull;
        }
        if (len > longestNull || !nullStart[b[s] & 0xFF]) {
            return false;
        }
        for (byte[] tok : nulls) {
            if (tok.length == len && Arrays.equals(b, s, s + len, tok, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private ReadResult readAll(CsvTokenizer t, Schema schema) throws IOException {
        int n = schema.size();
        ChunkAssembler out = new ChunkAssembler(schema, Memory.newChild("csv:" + o.file.getFileName()), o.chunkRows);
        ColumnSink[] sinks = new ColumnSink[n];
        for (int i = 0; i < n; i++) {
            sinks[i] = out.sink(i);
        }
        long read = 0;
        long kept = 0;
        long[] blanks = new long[1];
        try (Rejections rejections = new Rejections(o.policy, o.quarantine, headerRaw)) {
            if (o.header) {
                nextNonBlank(t, blanks);
            }
            while (true) {
                DataFormatException bad = null;
                byte[] raw = null;
                try {
                    if (!t.next()) {
                        break;
                    }
                } catch (CsvTokenizer.SyntaxError e) {
                    long first = t.recordLine();
                    raw = t.recover(e);
                    String lines = e.line > first ? " (the malformed record spans lines " + first + "-" + e.line
                            + " and is left out whole)" : "";
                    bad = new DataFormatException(src, first, null, new String(raw, StandardCharsets.UTF_8),
                            e.getMessage() + lines, null);
                }
                if (bad == null) {
                    // with one column an empty line is a row holding one empty field; otherwise it is no row
                    if (t.isBlankLine() && n > 1) {
                        blanks[0]++;
                        continue;
                    }
                    bad = parseRow(t, schema, sinks, out);
                    if (bad != null) {
                        raw = t.rawRecord();
                    }
                }
                read++;
                if (bad == null) {
                    kept++;
                    out.endRow();
                } else {
                    rejections.reject(bad, raw);
                }
            }
            ReadReport report = rejections.report(src, read, kept, blanks[0], columnReports);
            return new ReadResult(Datasets.wrap(out.build()), report);
        } catch (RuntimeException | IOException e) {
            out.close();
            throw e;
        }
    }

    /** Appends one record; returns the problem (after undoing the partial row) or null. */
    private DataFormatException parseRow(CsvTokenizer t, Schema schema, ColumnSink[] sinks, ChunkAssembler out) {
        int n = schema.size();
        if (t.fieldCount() != n) {
            return new DataFormatException(src, t.recordLine(), null, preview(t),
                    "expected " + n + " fields, found " + t.fieldCount(), null);
        }
        for (int i = 0; i < n; i++) {
            try {
                if (isNull(t, i)) {
                    sinks[i].appendNull();
                } else {
                    appendValue(schema.column(i), sinks[i], t.bytes(i), t.start(i), t.end(i));
                }
            } catch (IllegalArgumentException e) {
                out.undoRow(i);
                Column c = schema.column(i);
                String text = new String(t.bytes(i), t.start(i), t.end(i) - t.start(i), StandardCharsets.UTF_8);
                String hint = o.types.containsKey(c.name()) ? "" : " (type inferred from the first " + o.sampleRows
                        + " rows; override it with column(\"" + c.name() + "\", ...))";
                return new DataFormatException(src, t.recordLine(), (i + 1) + " (" + c.name() + ")", text,
                        e.getMessage() + " for a " + c.type() + " column" + hint, e);
            }
        }
        return null;
    }

    private static String preview(CsvTokenizer t) {
        return new String(t.rawRecord(), StandardCharsets.UTF_8);
    }

    private static void appendValue(Column c, ColumnSink sink, byte[] b, int s, int e) {
        switch (c.type()) {
            case INT32:
            case INT64:
                sink.appendLong(TextValues.parseLong(b, s, e));
                return;
            case FLOAT32:
                sink.appendFloat(TextValues.parseFloat(b, s, e));
                return;
            case FLOAT64:
                sink.appendDouble(TextValues.parseDouble(b, s, e));
                return;
            case BOOLEAN:
                sink.appendBoolean(TextValues.parseBoolean(b, s, e));
                return;
            case TIMESTAMP:
                sink.appendLong(TextValues.parseTimestamp(TextValues.utf8(b, s, e)));
                return;
            case TEXT:
                if (!TextValues.isAscii(b, s, e)) {
                    TextValues.utf8(b, s, e);
                }
                sink.appendUtf8(b, s, e - s);
                return;
            case CATEGORICAL:
                sink.appendText(TextValues.utf8(b, s, e));
                return;
            default:
                throw new IllegalArgumentException("CSV cannot hold " + c.type());
        }
    }
}
