package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class InteractionsTest {
    @Test
    void datasetRoundTripKeepsEveryValue() {
        Interactions x = Fixtures.test();
        try (Dataset d = x.toDataset()) {
            Interactions back = Interactions.from(d, DuplicatePolicy.ERROR);
            assertThat(back.size()).isEqualTo(4);
            for (int r = 0; r < 4; r++) {
                assertThat(new long[] {back.user(r), back.item(r), back.time(r)}).containsExactly(x.user(r), x.item(r), x.time(r));
                assertThat(back.rating(r)).isEqualTo(x.rating(r));
            }
        }
    }

    @Test
    void datasetWithRolesButOtherNamesAndNoRatingIsImplicit() {
        Schema s = Schema.of(Column.of("uid", ColumnType.INT32, ColumnRole.USER), Column.of("sku", ColumnType.INT64, ColumnRole.ITEM));
        try (Dataset d = Dataset.builder(s).add(7, 70L).add(8, 70L).add(7, 70L).build()) {
            Interactions x = Interactions.from(d, DuplicatePolicy.SUM);
            assertThat(x.size()).isEqualTo(2);
            assertThat(x.rating(0)).isEqualTo(2f); // (7, 70) twice, weights 1 + 1
            assertThat(x.rating(1)).isEqualTo(1f);
            assertThat(x.time(0)).isZero();
        }
    }

    @Test
    void nonFiniteWeightsAndMissingRolesFailNamingTheRow() {
        assertThatThrownBy(() -> Interactions.of(new long[] {1, 2}, new long[] {1, 1}, new float[] {1, Float.NaN}, new long[2],
                DuplicatePolicy.ERROR)).hasMessageContaining("row 1 (user 2, item 1): rating NaN is not finite");
        assertThatThrownBy(() -> Interactions.of(new long[] {1}, new long[] {1, 2}, new float[] {1}, new long[1],
                DuplicatePolicy.ERROR)).hasMessageContaining("different lengths");
        Schema s = Schema.of(Column.of("u", ColumnType.INT64, ColumnRole.USER), Column.of("i", ColumnType.INT64, ColumnRole.ITEM),
                Column.of("w", ColumnType.FLOAT64, ColumnRole.WEIGHT));
        try (Dataset d = Dataset.builder(s).add(1L, 2L, 1.0).add(1L, 3L, null).build()) {
            assertThatThrownBy(() -> Interactions.from(d, DuplicatePolicy.ERROR))
                    .hasMessageContaining("row 1, column w: value is missing (null)");
        }
        try (Dataset d = Dataset.builder(Schema.of(Column.of("u", ColumnType.INT64, ColumnRole.USER))).add(1L).build()) {
            assertThatThrownBy(() -> Interactions.from(d, DuplicatePolicy.ERROR)).hasMessageContaining("no column with role ITEM");
        }
    }

    @Test
    void largeInt64IdsStayExactAndTextIdsMustBeWhole() {
        long big = (1L << 62) + 1; // not representable as a double
        Schema s = Schema.of(Column.of("u", ColumnType.INT64, ColumnRole.USER), Column.of("i", ColumnType.TEXT, ColumnRole.ITEM));
        try (Dataset d = Dataset.builder(s).add(big, "17").build()) {
            Interactions x = Interactions.from(d, DuplicatePolicy.ERROR);
            assertThat(x.user(0)).isEqualTo(big);
            assertThat(x.item(0)).isEqualTo(17);
        }
        try (Dataset d = Dataset.builder(s).add(1L, "17.5").add(2L, "abc").build()) {
            assertThatThrownBy(() -> Interactions.from(d, DuplicatePolicy.ERROR)).hasMessageContaining("row 0, column i: id 17.5 is not an integer");
        }
        try (Dataset d = Dataset.builder(s).add(2L, "abc").build()) {
            assertThatThrownBy(() -> Interactions.from(d, DuplicatePolicy.ERROR)).hasMessageContaining("row 0, column i: id 'abc' is not an integer");
        }
    }

    @Test
    void positivesAndDistinctIds() {
        Interactions x = Fixtures.test().atLeast(4);
        assertThat(x.size()).isEqualTo(3);
        assertThat(x.distinctUsers()).containsExactly(1, 2, 3);
        assertThat(x.distinctItems()).containsExactly(200, 300, 400);
    }
}
