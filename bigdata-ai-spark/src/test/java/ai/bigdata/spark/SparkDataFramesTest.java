package ai.bigdata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.SharedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkArrowLeakCheck.class)
class SparkDataFramesTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    /** Olive as core reads it, with nulls put into every column but the label. */
    static Dataset oliveWithNulls() {
        try (Dataset olive = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read()) {
            Schema s = olive.schema();
            Dataset.RowsBuilder b = Dataset.builder(s);
            long[] i = {0};
            olive.forEachRow(r -> {
                Object[] row = new Object[s.size()];
                for (int c = 0; c < s.size(); c++) {
                    Column col = s.column(c);
                    boolean hole = col.role() != ColumnRole.LABEL && (i[0] + 3 * c) % 11 == 0;
                    row[c] = hole ? null : r.get(col.name());
                }
                b.add(row);
                i[0]++;
            });
            return b.build();
        }
    }

    static List<List<Object>> cells(Dataset d) {
        List<List<Object>> out = new ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (String n : d.schema().names()) {
                Object v = r.get(n);
                row.add(v instanceof float[] f ? toList(f) : v);
            }
            out.add(row);
        });
        return out;
    }

    private static List<Float> toList(float[] f) {
        List<Float> l = new ArrayList<>();
        for (float x : f) {
            l.add(x);
        }
        return l;
    }

    @Test
    void oliveWithNullsGoesToSparkAndBackCellForCell() {
        try (Dataset olive = oliveWithNulls()) {
            var frame = DataFrames.toDataFrame(spark, olive);
            assertThat(frame.rdd().getNumPartitions()).isEqualTo(2);
            assertThat(frame.count()).isEqualTo(572);
            StructField area = frame.schema().apply("area");
            assertThat(area.dataType()).isEqualTo(DataTypes.StringType);
            assertThat(frame.schema().apply("oleic").dataType()).isEqualTo(DataTypes.DoubleType);
            assertThat(frame.filter(functions.col("region").isNull()).count()).isPositive();
            try (Dataset back = DataFrames.toDataset(frame)) {
                assertThat(back.schema()).isEqualTo(olive.schema());
                assertThat(back.schema().column("area").role()).isEqualTo(ColumnRole.LABEL);
                assertThat(back.schema().column("area").categories()).isEqualTo(olive.schema().column("area").categories());
                assertThat(cells(back)).isEqualTo(cells(olive));
                var again = DataFrames.toDataFrame(spark, back);
                assertThat(again.schema()).isEqualTo(frame.schema());
                assertThat(again.collectAsList()).isEqualTo(frame.collectAsList());
            }
        }
    }

    /** Olive with nulls as a DataFrame made by Spark alone: strings and doubles, no core metadata. */
    static org.apache.spark.sql.Dataset<Row> plainOlive(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        try (Dataset olive = oliveWithNulls()) {
            olive.forEachRow(r -> {
                Object[] v = new Object[olive.schema().size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = r.get(olive.schema().column(c).name());
                }
                rows.add(RowFactory.create(v));
            });
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("region", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("area", DataTypes.StringType, true));
        for (String n : List.of("palmitic", "palmitoleic", "stearic", "oleic", "linoleic", "linolenic", "arachidic", "eicosenoic")) {
            fields.add(DataTypes.createStructField(n, DataTypes.DoubleType, true));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    @Test
    void aPlainDataFrameReadsWithANamedLabelAndCategoricalsAndComesBackEqual() {
        var frame = plainOlive(spark);
        try (Dataset d = DataFrames.reader(frame).label("area").categorical("region").batchRows(100).read()) {
            Schema s = d.schema();
            assertThat(s.column("area").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(s.column("area").role()).isEqualTo(ColumnRole.LABEL);
            List<String> areas = new ArrayList<>(s.column("area").categories());
            assertThat(areas).hasSize(9).isSorted();
            assertThat(s.column("region").categories()).containsExactly("Northern Italy", "Sardinia", "Southern Italy");
            assertThat(s.column("oleic").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(d.rowCount()).isEqualTo(572);
            var back = DataFrames.toDataFrame(spark, d);
            assertThat(back.collectAsList()).isEqualTo(frame.collectAsList());
        }
    }

    @Test
    void everyScalarTypeAndTensorsRoundTripWithNulls() {
        Schema s = Schema.of(Column.of("i", ColumnType.INT32, ColumnRole.ID), Column.of("l", ColumnType.INT64),
                Column.of("f", ColumnType.FLOAT32), Column.of("b", ColumnType.BOOLEAN), Column.of("t", ColumnType.TEXT),
                Column.of("ts", ColumnType.TIMESTAMP, ColumnRole.TIME), Column.tensor("x", 2, 2),
                Column.of("y", ColumnType.FLOAT64, ColumnRole.LABEL));
        Dataset.RowsBuilder b = Dataset.builder(s);
        for (int i = 0; i < 7; i++) {
            boolean hole = i % 3 == 2;
            b.add(i, hole ? null : 10_000_000_000L + i, hole ? null : i / 4f, hole ? null : i % 2 == 0, hole ? null : "row " + i,
                    hole ? null : Instant.ofEpochMilli(1_700_000_000_123L + i), hole ? null : new float[] {i, -i, 0.5f, 1e-3f * i},
                    i * 1.5);
        }
        try (Dataset d = b.build(); Dataset back = DataFrames.toDataset(DataFrames.toDataFrame(spark, d))) {
            assertThat(back.schema()).isEqualTo(s);
            assertThat(cells(back)).isEqualTo(cells(d));
        }
    }

    @Test
    void sparkOnlyTypesReadWithTheGivenTensorShapeAndRole() {
        StructType st = DataTypes.createStructType(List.of(DataTypes.createStructField("b", DataTypes.ByteType, true),
                DataTypes.createStructField("s", DataTypes.ShortType, true),
                DataTypes.createStructField("v", DataTypes.createArrayType(DataTypes.FloatType, true), true),
                DataTypes.createStructField("id", DataTypes.LongType, false)));
        var frame = spark.createDataFrame(List.of(RowFactory.create((byte) -3, (short) 300, new float[] {1f, 2.5f, -4f}, 7L),
                RowFactory.create(null, null, null, 8L)), st);
        try (Dataset d = DataFrames.reader(frame).tensor("v", 3).role("id", ColumnRole.ID).read()) {
            assertThat(d.schema()).isEqualTo(Schema.of(Column.of("b", ColumnType.INT32), Column.of("s", ColumnType.INT32),
                    Column.tensor("v", 3), Column.of("id", ColumnType.INT64, ColumnRole.ID)));
            assertThat(cells(d)).containsExactly(Arrays.asList(-3, 300, List.of(1f, 2.5f, -4f), 7L),
                    Arrays.asList(null, null, null, 8L));
        }
        assertThatThrownBy(() -> DataFrames.toDataset(frame)).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("'v' is array<float> without a tensor shape");
        var holes = spark.createDataFrame(List.of(RowFactory.create((byte) 1, (short) 1, new Float[] {1f, null, 2f}, 1L)), st);
        assertThatThrownBy(() -> DataFrames.reader(holes).tensor("v", 3).read()).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("element 1 of an array is null");
    }

    @Test
    void aColumnWithoutCoreTypeIsNamed() {
        StructType st = DataTypes.createStructType(List.of(DataTypes.createStructField("x", DataTypes.DoubleType, true),
                DataTypes.createStructField("day", DataTypes.DateType, true)));
        var frame = spark.createDataFrame(List.of(RowFactory.create(1.0, java.sql.Date.valueOf("2024-05-01"))), st);
        assertThatThrownBy(() -> DataFrames.toDataset(frame)).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("'day' is date").extracting(e -> ((ColumnMismatchException) e).column()).isEqualTo("day");
        var decimals = spark.createDataFrame(List.of(RowFactory.create(new java.math.BigDecimal("1.50"))),
                DataTypes.createStructType(List.of(DataTypes.createStructField("price", DataTypes.createDecimalType(10, 2), true))));
        assertThatThrownBy(() -> DataFrames.toDataset(decimals)).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("'price' is decimal(10,2)");
        assertThatThrownBy(() -> DataFrames.toDataset(frame, "nope")).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("no column 'nope'");
    }

    @Test
    void aValueCoreRefusesIsNamedWithItsColumnAndPartition() {
        StructType st = DataTypes.createStructType(List.of(DataTypes.createStructField("x", DataTypes.DoubleType, true)));
        var frame = spark.createDataFrame(Arrays.asList(RowFactory.create(1.0), RowFactory.create(Double.NaN)), st);
        assertThatThrownBy(() -> DataFrames.toDataset(frame)).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("column 'x'").hasMessageContaining("partition")
                .extracting(e -> ((ColumnMismatchException) e).column()).isEqualTo("x");
    }

    @Test
    void aFrameReadIntoAFileIsAStreamedDatasetEqualToTheInMemoryRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var frame = plainOlive(spark).repartition(5);
        DataFrameImport reader = DataFrames.reader(frame).label("area").categorical("region").batchRows(50);
        java.nio.file.Path file = dir.resolve("olive.arrow");
        try (Dataset inMemory = reader.read(); Dataset streamed = reader.readToFile(file)) {
            assertThat(streamed.inMemory()).isFalse();
            assertThat(streamed.chunkCount()).as("one chunk per Arrow stream of at most 50 rows").isGreaterThanOrEqualTo(572 / 50);
            assertThat(streamed.schema()).isEqualTo(inMemory.schema());
            assertThat(cells(streamed)).isEqualTo(cells(inMemory));
        }
        StructType st = DataTypes.createStructType(List.of(DataTypes.createStructField("x", DataTypes.DoubleType, true)));
        var bad = spark.createDataFrame(Arrays.asList(RowFactory.create(1.0), RowFactory.create(Double.NaN)), st).repartition(2);
        java.nio.file.Path never = dir.resolve("never.arrow");
        assertThatThrownBy(() -> DataFrames.reader(bad).readToFile(never)).isInstanceOf(ColumnMismatchException.class)
                .hasMessageContaining("column 'x'").hasMessageContaining("partition");
        assertThat(never).as("a failed read leaves no file").doesNotExist();
    }
}
