package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public column writer: every type round-trips, and every misuse is a typed, located error that leaks nothing. */
@ExtendWith(ArrowLeakCheck.class)
class DatasetWriterTest {
    private static final Schema ALL = Schema.of(
            Column.of("i32", ColumnType.INT32),
            Column.of("i64", ColumnType.INT64),
            Column.of("f32", ColumnType.FLOAT32),
            Column.of("f64", ColumnType.FLOAT64),
            Column.of("b", ColumnType.BOOLEAN),
            Column.of("t", ColumnType.TEXT),
            Column.of("c", ColumnType.CATEGORICAL),
            Column.of("ts", ColumnType.TIMESTAMP),
            Column.tensor("x", 2, 2));

    private static List<List<Object>> rows(Dataset d) {
        List<List<Object>> out = new ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (String n : d.schema().names()) {
                Object v = r.get(n);
                row.add(v instanceof float[] ? Arrays.toString((float[]) v) : v);
            }
            out.add(row);
        });
        return out;
    }

    private static void writeRow(DatasetWriter w, int i) {
        w.column("i32").appendInt(-7 + i);
        w.column("i64").appendLong(1L << 40 | i);
        w.column("f32").appendFloat(1.5f + i);
        w.column("f64").appendDouble(-2.25 * i);
        w.column("b").appendBoolean(i % 2 == 0);
        w.column("t").appendText("été " + i);
        w.column("c").appendCategory(i % 2 == 0 ? "even" : "odd");
        w.column("ts").appendTimestamp(Instant.ofEpochMilli(1_700_000_000_000L + i));
        w.column("x").appendTensor(new float[] {i, 0.5f, -1f, 3e38f});
        w.endRow();
    }

    @Test
    void everyColumnTypeRoundTripsAcrossChunks() {
        try (DatasetWriter w = Dataset.writer(ALL, 2)) {
            for (int i = 0; i < 5; i++) {
                writeRow(w, i);
            }
            assertThat(w.rowCount()).isEqualTo(5);
            try (Dataset d = w.build()) {
                assertThat(d.rowCount()).isEqualTo(5);
                assertThat(d.chunkCount()).isEqualTo(3);
                assertThat(d.schema().column("c").categories()).containsExactly("even", "odd");
                List<List<Object>> got = rows(d);
                for (int i = 0; i < 5; i++) {
                    assertThat(got.get(i)).containsExactly(-7 + i, 1L << 40 | i, 1.5f + i, -2.25 * i, i % 2 == 0, "été " + i,
                            i % 2 == 0 ? "even" : "odd", Instant.ofEpochMilli(1_700_000_000_000L + i),
                            Arrays.toString(new float[] {i, 0.5f, -1f, 3e38f}));
                }
            }
        }
    }

    @Test
    void nullsInEveryColumnTypeAndNullReferencesAreNulls() {
        try (DatasetWriter w = Dataset.writer(ALL)) {
            for (ColumnWriter c : w.columns()) {
                c.appendNull();
            }
            w.endRow();
            w.column("i32").appendNull();
            w.column("i64").appendNull();
            w.column("f32").appendNull();
            w.column("f64").appendNull();
            w.column("b").appendNull();
            w.column("t").appendText(null);
            w.column("c").appendCategory(null);
            w.column("ts").appendTimestamp(null);
            w.column("x").appendTensor(null);
            w.endRow();
            writeRow(w, 2);
            try (Dataset d = w.build()) {
                List<List<Object>> got = rows(d);
                assertThat(got.get(0)).containsOnlyNulls().hasSize(ALL.size());
                assertThat(got.get(1)).containsOnlyNulls().hasSize(ALL.size());
                assertThat(got.get(2)).doesNotContainNull();
            }
        }
    }

    @Test
    void tensorFromUnsignedBytesIsExactlyTheFloatQuotient() {
        Schema s = Schema.of(Column.tensor("p", 256));
        byte[] all = new byte[256 + 3];
        for (int v = 0; v < 256; v++) {
            all[v + 3] = (byte) v;
        }
        float[] divisors = {255f, 1f, 3.7f, 255f, 0.5f};
        try (DatasetWriter w = Dataset.writer(s, 2)) {
            for (float d : divisors) {
                w.column(0).appendUnsignedBytes(all, 3, d);
                w.endRow();
            }
            try (Dataset d = w.build()) {
                List<float[]> got = new ArrayList<>();
                d.forEachRow(r -> got.add((float[]) r.get("p")));
                for (int k = 0; k < divisors.length; k++) {
                    for (int v = 0; v < 256; v++) {
                        assertThat(Float.floatToRawIntBits(got.get(k)[v]))
                                .as("byte %d / %s", v, divisors[k]).isEqualTo(Float.floatToRawIntBits(v / divisors[k]));
                    }
                }
            }
        }
    }

    @Test
    void unsignedBytesOutsideTheArrayOrWithABadDivisorAreRefusedWithColumnAndRow() {
        Schema s = Schema.of(Column.tensor("p", 4));
        try (DatasetWriter w = Dataset.writer(s)) {
            w.column(0).appendUnsignedBytes(new byte[4], 0, 1f);
            w.endRow();
            ColumnWriter p = w.column("p");
            for (int offset : new int[] {-1, 1, Integer.MAX_VALUE}) {
                assertThatThrownBy(() -> p.appendUnsignedBytes(new byte[4], offset, 1f)).isInstanceOf(InvalidValueException.class)
                        .hasMessageStartingWith("row 1, column 'p': ").hasMessageContaining("offset " + offset);
            }
            for (float d : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE}) {
                assertThatThrownBy(() -> p.appendUnsignedBytes(new byte[4], 0, d)).isInstanceOf(InvalidValueException.class)
                        .hasMessageContaining("divisor");
            }
            p.appendUnsignedBytes(new byte[] {0, 1, 2, (byte) 255}, 0, 1f); // nothing was written by the refusals
            w.endRow();
            try (Dataset d = w.build()) {
                List<float[]> got = new ArrayList<>();
                d.forEachRow(r -> got.add((float[]) r.get("p")));
                assertThat(got.get(1)).containsExactly(0f, 1f, 2f, 255f);
            }
        }
    }

    @Test
    void wrongTypesAreTypedErrorsNamingColumnAndRow() {
        try (DatasetWriter w = Dataset.writer(ALL)) {
            writeRow(w, 0);
            InvalidValueException e = (InvalidValueException) org.assertj.core.api.Assertions
                    .catchThrowable(() -> w.column("t").appendDouble(1.0));
            assertThat(e.column()).isEqualTo("t");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e).hasMessage("row 1, column 't': a double is not a value of a TEXT column");
            assertThatThrownBy(() -> w.column("f64").appendInt(1)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("column 'f64'");
            assertThatThrownBy(() -> w.column("i32").appendDouble(1.0)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("c").appendText("even")).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("t").appendCategory("even")).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("b").appendInt(1)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("ts").appendLong(1)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("i64").appendTensor(new float[1])).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("f32").appendUnsignedBytes(new byte[1], 0, 1f))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("i32").append("3")).isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("row 1, column 'i32': ");
            assertThatThrownBy(() -> w.column("i32").appendLong(1L << 31)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("does not fit int32");
            assertThatThrownBy(() -> w.column("nope")).isInstanceOf(ColumnNotFoundException.class);
        }
    }

    @Test
    void wrongTensorWidthNonFiniteAndOverflowAreRefused() {
        try (DatasetWriter w = Dataset.writer(ALL)) {
            ColumnWriter x = w.column("x");
            assertThatThrownBy(() -> x.appendTensor(new float[3])).isInstanceOf(InvalidValueException.class)
                    .hasMessage("row 0, column 'x': tensor has 3 values, the column's shape needs 4");
            assertThatThrownBy(() -> x.appendTensor(new float[] {0, Float.NaN, 0, 0})).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("tensor value 1 is NaN");
            assertThatThrownBy(() -> w.column("f64").appendDouble(Double.POSITIVE_INFINITY))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("non-finite");
            assertThatThrownBy(() -> w.column("f64").appendDouble(Double.NaN)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("NaN is not a value");
            assertThatThrownBy(() -> w.column("f32").appendFloat(Float.NEGATIVE_INFINITY))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("f32").appendDouble(1e39)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("overflows float32");
            assertThatThrownBy(() -> w.column("c").append(Double.NaN)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> w.column("ts").appendTimestamp(Instant.MAX)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("column 'ts'");
        }
    }

    @Test
    void declaredCategoriesAreTheOnlyOnesAccepted() {
        Schema s = Schema.of(Column.categorical("y", ColumnRole.LABEL, List.of("b", "a")));
        try (DatasetWriter w = Dataset.writer(s)) {
            assertThatThrownBy(() -> w.column("y").appendCategory("c")).isInstanceOf(InvalidValueException.class)
                    .hasMessage("row 0, column 'y': 'c' is not one of the declared categories [b, a]");
            w.column("y").appendCategory("a");
            w.endRow();
            try (Dataset d = w.build()) {
                assertThat(d.schema().column("y").categories()).containsExactly("b", "a");
                assertThat(rows(d)).containsExactly(List.of("a"));
            }
        }
    }

    @Test
    void rowDisciplineIsEnforced() {
        Schema s = Schema.of(Column.of("a", ColumnType.INT32), Column.of("b", ColumnType.TEXT));
        try (DatasetWriter w = Dataset.writer(s)) {
            w.column("a").appendInt(1);
            assertThatThrownBy(() -> w.column("a").appendInt(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("row 0, column 'a': the column already has a value");
            assertThatThrownBy(w::endRow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("row 0 has no value for column(s) [b]");
            assertThatThrownBy(w::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("[a]");
            w.discardRow();
            w.column("b").appendText("x");
            w.column("a").appendInt(3);
            w.endRow();
            try (Dataset d = w.build()) {
                assertThat(rows(d)).containsExactly(List.of(3, "x"));
            }
            assertThatThrownBy(() -> w.column("a").appendInt(4)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("built or closed");
            assertThatThrownBy(w::build).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingWithoutBuildFreesEveryChunkAndLaterUseIsRefused() {
        DatasetWriter w = Dataset.writer(ALL, 2);
        for (int i = 0; i < 5; i++) {
            writeRow(w, i);
        }
        w.column("i32").appendInt(9); // a started row too
        assertThat(Memory.allocatedBytes()).isPositive();
        w.close();
        w.close();
        assertThat(Memory.allocatedBytes()).isZero();
        assertThatThrownBy(() -> w.column("i32").appendInt(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::endRow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyWriterBuildsAnEmptyDatasetAndBadArgumentsLeakNothing() {
        try (DatasetWriter w = Dataset.writer(ALL); Dataset d = w.build()) {
            assertThat(d.rowCount()).isZero();
            assertThat(d.schema()).isEqualTo(ALL);
        }
        assertThatThrownBy(() -> Dataset.writer(ALL, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkRows");
        assertThatThrownBy(() -> Dataset.writer(Schema.of(Column.tensor("t", 1 << 14, 1 << 14))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void rowsBuilderReportsTheSameLocatedErrors() {
        Schema s = Schema.of(Column.of("a", ColumnType.FLOAT64));
        assertThatThrownBy(() -> Dataset.builder(s).add(1.0).add(Double.POSITIVE_INFINITY).build())
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("row 1, column 'a': ");
    }
}
