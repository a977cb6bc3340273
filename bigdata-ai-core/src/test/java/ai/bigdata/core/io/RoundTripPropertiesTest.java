package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Memory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Random tables with nulls and odd strings survive CSV -> Dataset -> Arrow IPC -> Dataset unchanged, and
 * Dataset -> {@link CsvWriter} -> {@link CsvReader} -> Dataset unchanged.
 */
class RoundTripPropertiesTest {
    private static final ColumnType[] TYPES = {ColumnType.INT32, ColumnType.INT64, ColumnType.FLOAT64, ColumnType.BOOLEAN,
        ColumnType.TEXT};

    /** A random table: column types plus rows of Java values (null = missing). */
    record Table(List<ColumnType> types, List<List<Object>> rows, int chunkRows) {
    }

    @Provide
    Arbitrary<Table> tables() {
        return tables(TYPES, 5, RoundTripPropertiesTest::cell);
    }

    /** Tables of 1 to {@code maxColumns} columns of the given types, up to 40 rows, a fifth of the cells null. */
    private static Arbitrary<Table> tables(ColumnType[] types, int maxColumns,
            java.util.function.Function<ColumnType, Arbitrary<Object>> cell) {
        return Arbitraries.of(types).list().ofMinSize(1).ofMaxSize(maxColumns).flatMap(ts -> {
            List<Arbitrary<Object>> cells = new ArrayList<>();
            for (ColumnType t : ts) {
                cells.add(cell.apply(t).injectNull(0.2));
            }
            Arbitrary<List<Object>> row = Combinators.combine(cells).as(ArrayList::new);
            return Combinators.combine(row.list().ofMaxSize(40), Arbitraries.integers().between(1, 9))
                    .as((rows, chunk) -> new Table(ts, rows, chunk));
        });
    }

    private static Arbitrary<Object> cell(ColumnType t) {
        switch (t) {
            case INT32: return Arbitraries.integers().map(Object.class::cast);
            case INT64: return Arbitraries.longs().map(Object.class::cast);
            case FLOAT64: return Arbitraries.oneOf(Arbitraries.doubles(),
                    Arbitraries.of(0.0, -0.0, 1e-300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.1, 2.5))
                    .map(Object.class::cast); // infinities are refused as bad values (see HostileInputTest)
            case BOOLEAN: return Arbitraries.of(true, false).map(Object.class::cast);
            default: return Arbitraries.strings().ofMaxLength(12).alpha().numeric()
                    .withChars(',', '"', '\n', '\r', ' ', ';', '\'', '\\')
                    .withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e08')
                    .map(Object.class::cast);
        }
    }

    @Property(tries = 150)
    void csvToArrowAndBackLosesNothing(@ForAll("tables") Table table) throws IOException {
        Path dir = Files.createTempDirectory("roundtrip");
        try {
            Path csv = dir.resolve("t.csv");
            Files.writeString(csv, toCsv(table), StandardCharsets.UTF_8);
            Path arrow = dir.resolve("t.arrow");
            try (Dataset d = readAs(csv, table)) {
                assertThat(d.rowCount()).isEqualTo(table.rows().size());
                d.writeArrow(arrow);
            }
            try (Dataset back = Dataset.readArrow(arrow)) {
                assertThat(rowsOf(back, table)).isEqualTo(table.rows());
            }
        } finally {
            deleteFolder(dir);
        }
    }

    private static final ColumnType[] WRITER_TYPES = {ColumnType.INT32, ColumnType.INT64, ColumnType.FLOAT32,
        ColumnType.FLOAT64, ColumnType.BOOLEAN, ColumnType.TEXT, ColumnType.CATEGORICAL, ColumnType.TIMESTAMP};

    @Provide
    Arbitrary<Table> writerTables() {
        return tables(WRITER_TYPES, 6, RoundTripPropertiesTest::writerCell);
    }

    private static Arbitrary<Object> writerCell(ColumnType t) {
        switch (t) {
            case FLOAT32: return Arbitraries.oneOf(Arbitraries.floats(),
                    Arbitraries.of(0f, -0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, 0.1f, 16_777_217f))
                    .map(Object.class::cast);
            case CATEGORICAL: return Arbitraries.of("red", "green", "NA", "", " padded ", "a,b", "x\"y").map(Object.class::cast);
            case TIMESTAMP: return Arbitraries.longs().between(-2_208_988_800_000L, 4_102_444_800_000L)
                    .map(ms -> (Object) java.time.Instant.ofEpochMilli(ms));
            default: return cell(t);
        }
    }

    @Property(tries = 150)
    void csvWriterOutputReadsBackEqual(@ForAll("writerTables") Table table) throws IOException {
        Path dir = Files.createTempDirectory("csvwriter");
        try {
            List<ai.bigdata.core.data.Column> cols = new ArrayList<>();
            for (int c = 0; c < table.types().size(); c++) {
                ColumnType t = table.types().get(c);
                cols.add(t == ColumnType.CATEGORICAL ? ai.bigdata.core.data.Column.categorical("c" + c,
                        ai.bigdata.core.data.ColumnRole.FEATURE, List.of()) : ai.bigdata.core.data.Column.of("c" + c, t));
            }
            Dataset.RowsBuilder rb = Dataset.builder(new ai.bigdata.core.data.Schema(cols)).chunkRows(table.chunkRows());
            for (List<Object> row : table.rows()) {
                rb.add(row.toArray());
            }
            Path csv = dir.resolve("w.csv");
            try (Dataset d = rb.build()) {
                d.writeCsv(csv);
            }
            try (Dataset back = readAs(csv, table)) {
                assertThat(rowsOf(back, table)).isEqualTo(table.rows());
            }
        } finally {
            deleteFolder(dir);
        }
    }

    /** The CSV file read with the table's column types declared ({@code c0}, {@code c1}, ...) and chunk size. */
    private static Dataset readAs(Path csv, Table table) {
        CsvReader.Builder b = Dataset.readCsv(csv).chunkRows(table.chunkRows());
        for (int c = 0; c < table.types().size(); c++) {
            b.column("c" + c, table.types().get(c));
        }
        return b.read();
    }

    /** The rows of a dataset read back, as lists of the table's columns' values. */
    private static List<List<Object>> rowsOf(Dataset back, Table table) {
        List<List<Object>> got = new ArrayList<>();
        back.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < table.types().size(); c++) {
                row.add(r.get("c" + c));
            }
            got.add(row);
        });
        return got;
    }

    /** Deletes a folder of plain files. */
    private static void deleteFolder(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @AfterProperty
    void noArrowMemoryLeft() {
        assertThat(Memory.allocatedBytes()).isZero();
    }

    private static String toCsv(Table t) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < t.types().size(); c++) {
            sb.append(c == 0 ? "" : ",").append("c").append(c);
        }
        sb.append("\r\n");
        for (List<Object> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof String) {
                    sb.append('"').append(((String) v).replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

}
