package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class DatasetOpsTest {
    @TempDir
    Path dir;

    private static Dataset olive() {
        return Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").chunkRows(100).read();
    }

    @Test
    void selectDropRenameAndRolesAreViews() {
        try (Dataset o = olive();
             Dataset s = o.select("area", "oleic");
             Dataset d = o.drop("region", "area");
             Dataset renamed = s.rename("oleic", "oleic_acid");
             Dataset r = renamed.withRole("oleic_acid", ColumnRole.WEIGHT)) {
            assertThat(s.schema().names()).containsExactly("area", "oleic");
            assertThat(d.schema().size()).isEqualTo(8);
            assertThat(r.schema().column("oleic_acid").role()).isEqualTo(ColumnRole.WEIGHT);
            assertThat(r.summary().column("oleic_acid").mean()).isEqualTo(o.summary().column("oleic").mean());
            assertThat(r.rowCount()).isEqualTo(572);
        }
    }

    @Test
    void derivedDatasetsOutliveTheirParent() {
        Dataset s;
        try (Dataset o = olive()) {
            s = o.select("oleic");
        }
        try (s) {
            assertThat(s.summary().column("oleic").count()).isEqualTo(572);
        }
    }

    @Test
    void badColumnNamesAreNamed() {
        try (Dataset o = olive()) {
            assertThatThrownBy(() -> o.select("nope")).isInstanceOf(ColumnNotFoundException.class)
                    .hasMessageContaining("'nope'").hasMessageContaining("oleic");
            assertThatThrownBy(() -> o.rename("oleic", "area")).hasMessageContaining("taken");
            assertThatThrownBy(() -> o.select("oleic", "oleic")).hasMessageContaining("twice");
        }
    }

    @Test
    void filterHeadAndConcat() {
        try (Dataset o = olive();
             Dataset south = o.filter(r -> r.getString("region").equals("Southern Italy"));
             Dataset first = o.head(150);
             Dataset both = south.concat(first)) {
            long expected = o.summary().column("region").count();
            assertThat(expected).isEqualTo(572);
            assertThat(south.rowCount()).isEqualTo(323);
            assertThat(first.rowCount()).isEqualTo(150);
            assertThat(first.chunkCount()).isEqualTo(2);
            assertThat(both.rowCount()).isEqualTo(473);
            try (Dataset none = o.head(0)) {
                assertThat(none.rowCount()).isZero();
            }
        }
        assertThat(Memory.allocatedBytes()).isZero();
    }

    @Test
    void concatRefusesDifferentSchemas() {
        try (Dataset o = olive(); Dataset a = o.select("oleic"); Dataset b = o.select("linoleic")) {
            assertThatThrownBy(() -> a.concat(b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different schemas");
        }
    }

    @Test
    void summaryCountsMissingAndDistinct() {
        try (Dataset g = Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).read()) {
            ColumnSummary continent = g.summary().column("continent");
            assertThat(continent.distinct()).isEqualTo(5);
            ColumnSummary gdp = g.summary().column("gdp");
            // reference values from Python's csv module and math.fsum (correctly rounded) over the file's
            // 10,545 rows, 2,972 of them "NA"; the mean agrees with scikit-learn's in golden/gapminder.json
            assertThat(gdp.count()).isEqualTo(7_573);
            assertThat(gdp.missing()).isEqualTo(2_972);
            assertThat(gdp.min()).isEqualTo(40_395_127.89);
            assertThat(gdp.max()).isEqualTo(11_744_219_459_693.0);
            assertThat(gdp.mean()).isCloseTo(147_954_410_013.23462, within(1e-13 * 147_954_410_013.23462));
        }
    }

    @Test
    void streamedDatasetsSupportTheSameOperations() {
        Path f = dir.resolve("o.arrow");
        try (Dataset o = olive()) {
            o.writeArrow(f);
        }
        try (Dataset s = Dataset.readArrow(f);
             Dataset north = s.filter(r -> r.getString("region").equals("Northern Italy"));
             Dataset mem = north.materialize()) {
            assertThat(north.inMemory()).isFalse();
            assertThat(north.rowCount()).isEqualTo(151);
            assertThat(mem.inMemory()).isTrue();
            assertThat(mem.summary().toString()).isEqualTo(north.summary().toString());
            assertThat(List.of(north.toString().split("\n")).get(0)).contains("151 rows").contains("streamed");
        }
    }
}
