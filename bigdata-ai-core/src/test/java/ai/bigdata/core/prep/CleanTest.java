package ai.bigdata.core.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class CleanTest {

    @Test
    void parsesMessyReportedHeightsAndCountsWhatItCannot() {
        assertThat(LengthParseTransform.inches("5'7")).isEqualTo(67);
        assertThat(LengthParseTransform.inches("5'10''")).isEqualTo(70);
        assertThat(LengthParseTransform.inches("5 ft 7 in")).isEqualTo(67);
        assertThat(LengthParseTransform.inches("6 feet")).isEqualTo(72);
        assertThat(LengthParseTransform.inches("170 cm")).isCloseTo(66.929, within(1e-3));
        assertThat(LengthParseTransform.inches("1.70 m")).isCloseTo(66.929, within(1e-3));
        assertThat(LengthParseTransform.inches("68.5")).isEqualTo(68.5);
        assertThat(LengthParseTransform.inches("180")).isCloseTo(70.866, within(1e-3));
        assertThat(LengthParseTransform.inches("5.5")).isEqualTo(66);
        assertThat(LengthParseTransform.inches("5'13")).isNaN();
        assertThat(LengthParseTransform.inches("1")).isNaN();
        assertThat(LengthParseTransform.inches("tall")).isNaN();
        try (Dataset h = Dataset.readCsv(SharedData.file("tabular/reported_heights.csv")).read();
             Dataset parsed = Clean.parseLengthInches("height", "inches").fit(h).apply(h)) {
            assertThat(parsed.schema().column("inches").type()).isEqualTo(ColumnType.FLOAT64);
            // reference: the rules above applied to each raw answer, one by one
            List<Double> readable = new java.util.ArrayList<>();
            long[] unreadable = {0};
            h.forEachRow(r -> {
                double v = r.isNull("height") ? Double.NaN : LengthParseTransform.inches(r.getString("height"));
                if (Double.isNaN(v)) {
                    unreadable[0]++;
                } else {
                    readable.add(v);
                }
            });
            assertThat(readable.size() + unreadable[0]).isEqualTo(1095);
            ai.bigdata.core.data.ColumnSummary inches = parsed.summary().column("inches");
            assertThat(inches.missing()).isEqualTo(unreadable[0]);
            assertThat(inches.count()).isEqualTo(readable.size());
            double sum = readable.stream().mapToDouble(Double::doubleValue).sum();
            assertThat(inches.mean()).isCloseTo(sum / readable.size(), within(1e-12 * sum / readable.size()));
            assertThat(inches.min()).isEqualTo(readable.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(inches.max()).isEqualTo(readable.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            // and row by row: the transform keeps row order
            List<Double> out = new java.util.ArrayList<>();
            parsed.forEachRow(r -> {
                if (!r.isNull("inches")) {
                    out.add(r.getDouble("inches"));
                }
            });
            assertThat(out).isEqualTo(readable);
        }
    }

    @Test
    void dropsDuplicateMovieLensRatingsByKeyAndExactDuplicates() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.file("movielens-small/ratings.csv"));
        Set<String> pairs = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            pairs.add(f[0] + "," + f[1]);
        }
        try (Dataset r = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).read();
             Dataset twice = r.concat(r);
             Dataset exact = Clean.dropDuplicates().fit(twice).apply(twice);
             Dataset byKey = Clean.dropDuplicates("userId", "movieId").fit(twice).apply(twice)) {
            assertThat(twice.rowCount()).isEqualTo(200_008);
            assertThat(exact.rowCount()).isEqualTo(100_004);
            assertThat(byKey.rowCount()).isEqualTo(pairs.size());
        }
    }

    @Test
    void keepsTheLastOfEachDuplicateGroupWhenAsked() {
        Schema s = Schema.of(Column.of("k", ColumnType.INT32), Column.of("v", ColumnType.INT32));
        try (Dataset d = Dataset.builder(s).chunkRows(2).add(1, 10).add(2, 20).add(1, 11).add(3, 30).add(2, 21).build();
             Dataset first = Clean.dropDuplicates("k").fit(d).apply(d);
             Dataset last = Clean.dropDuplicates(Clean.Keep.LAST, "k").fit(d).apply(d)) {
            List<Object> firstValues = new java.util.ArrayList<>();
            List<Object> lastValues = new java.util.ArrayList<>();
            first.forEachRow(r -> firstValues.add(r.get("v")));
            last.forEachRow(r -> lastValues.add(r.get("v")));
            assertThat(firstValues).containsExactly(10, 20, 30);
            assertThat(lastValues).containsExactly(11, 30, 21);
        }
    }

    @Test
    void clipsOutliersToFencesFittedOnTrainingData() {
        try (Dataset g = Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).read()) {
            ClipTransform iqr = (ClipTransform) Clean.clipIqr(1.5).columns("population").fit(g);
            double[] b = iqr.bounds("population");
            try (Dataset clipped = iqr.apply(g)) {
                assertThat(clipped.summary().column("population").max()).isEqualTo(b[1]);
                assertThat(clipped.summary().column("population").missing())
                        .isEqualTo(g.summary().column("population").missing());
                assertThat(g.summary().column("population").max()).isGreaterThan(b[1]);
            }
            ClipTransform z = (ClipTransform) Clean.clipZScore(3).columns("gdp").fit(g);
            Transform back = TransformJson.read(TransformJson.write(z));
            assertThat(((ClipTransform) back).bounds("gdp")).containsExactly(z.bounds("gdp"));
        }
    }

    @Test
    void dropsRowsWithTooManyMissingValues() {
        Schema s = Schema.of(Column.of("a", ColumnType.FLOAT64), Column.of("b", ColumnType.FLOAT64),
                Column.of("c", ColumnType.FLOAT64), Column.of("d", ColumnType.FLOAT64));
        try (Dataset d = Dataset.builder(s).add(1.0, 2.0, 3.0, 4.0).add(null, 2.0, 3.0, 4.0).add(null, null, 3.0, 4.0)
                .add(null, null, null, 4.0).build();
             Dataset kept = Clean.dropRowsMissingMoreThan(0.5).fit(d).apply(d)) {
            assertThat(kept.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void invalidValuesBecomeMissingByRuleAndSparseColumnsAreDropped() {
        try (Dataset g = Dataset.readCsv(SharedData.file("tabular/gapminder.csv")).read()) {
            // reference counts from Python's csv and re modules over the file's 10,545 rows
            assertThat(g.summary().column("life_expectancy").missing()).isZero();
            Transform range = Clean.invalidOutside("life_expectancy", 40, 90).fit(g);
            try (Dataset checked = range.apply(g)) {
                ai.bigdata.core.data.ColumnSummary s = checked.summary().column("life_expectancy");
                assertThat(s.missing()).isEqualTo(198);
                assertThat(s.count()).isEqualTo(10_545 - 198);
                assertThat(s.min()).isEqualTo(40.03);
                assertThat(s.max()).isEqualTo(83.9);
            }
            Transform names = Clean.invalidNotMatching("country", "[A-Z][a-z]+").fit(g);
            try (Dataset checked = names.apply(g)) {
                assertThat(checked.summary().column("country").missing()).isEqualTo(2_223);
                assertThat(checked.summary().column("country").count()).isEqualTo(10_545 - 2_223);
                checked.forEachRow(r -> {
                    if (!r.isNull("country")) {
                        assertThat(r.getString("country")).matches("[A-Z][a-z]+");
                    }
                });
            }
            // gdp is missing in about 28 % of rows, the others far less
            DropColumnsTransform sparse = (DropColumnsTransform) Clean.dropColumnsMissingMoreThan(0.2).fit(g);
            assertThat(sparse.dropped()).containsExactly("gdp");
            try (Dataset kept = sparse.apply(g)) {
                assertThat(kept.schema().contains("gdp")).isFalse();
                assertThat(kept.schema().size()).isEqualTo(g.schema().size() - 1);
            }
            assertThat(TransformJson.write(TransformJson.read(TransformJson.write(names)))).isEqualTo(TransformJson.write(names));
        }
    }
}
