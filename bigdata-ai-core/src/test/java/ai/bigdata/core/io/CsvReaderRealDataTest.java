package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnSummary;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.data.Summary;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class CsvReaderRealDataTest {

    @Test
    void readsMovieLensRatingsWithInferredTypesAndExactStatistics() throws IOException {
        Path file = SharedData.file("movielens-small/ratings.csv");
        // reference statistics computed independently with a plain split loop
        List<String> lines = Files.readAllLines(file);
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String l : lines.subList(1, lines.size())) {
            double r = Double.parseDouble(l.split(",")[2]);
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        try (Dataset ratings = Dataset.readCsv(file).chunkRows(10_000).read()) {
            Schema s = ratings.schema();
            assertThat(s.names()).containsExactly("userId", "movieId", "rating", "timestamp");
            assertThat(s.column("userId").type()).isEqualTo(ColumnType.INT32);
            assertThat(s.column("rating").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(s.column("timestamp").type()).isEqualTo(ColumnType.INT32);
            assertThat(ratings.rowCount()).isEqualTo(100_004).isEqualTo(lines.size() - 1);
            assertThat(ratings.chunkCount()).isEqualTo(11);
            Summary sum2 = ratings.summary();
            ColumnSummary rating = sum2.column("rating");
            assertThat(rating.count()).isEqualTo(100_004);
            assertThat(rating.missing()).isZero();
            assertThat(rating.mean()).isCloseTo(sum / 100_004, within(1e-12));
            assertThat(rating.min()).isEqualTo(min);
            assertThat(rating.max()).isEqualTo(max);
        }
    }

    @Test
    void readsGapminderNullTokensAsMissingNeverAsNaN() throws IOException {
        Path file = SharedData.file("tabular/gapminder.csv");
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).replace("\"", "").split(",");
        int fertility = List.of(header).indexOf("fertility");
        long naCount = lines.stream().skip(1).filter(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)[fertility].equals("NA")).count();
        try (Dataset g = Dataset.readCsv(file).label("continent").read()) {
            assertThat(g.rowCount()).isEqualTo(lines.size() - 1);
            assertThat(g.schema().column("continent").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(g.schema().column("continent").role()).isEqualTo(ColumnRole.LABEL);
            assertThat(g.schema().column("continent").categories()).hasSize(5);
            assertThat(g.schema().column("fertility").type()).isEqualTo(ColumnType.FLOAT64);
            ColumnSummary f = g.summary().column("fertility");
            assertThat(naCount).isGreaterThan(0);
            assertThat(f.missing()).isEqualTo(naCount);
            assertThat(Double.isNaN(f.mean())).isFalse();
            assertThat(g.filter(r -> !r.isNull("fertility") && Double.isNaN(r.getDouble("fertility"))).rowCount()).isZero();
        }
    }

    @Test
    void olivesHaveCategoricalRegionAndAreaAndNumericAcids() {
        try (Dataset olive = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read()) {
            assertThat(olive.rowCount()).isEqualTo(572);
            assertThat(olive.schema().column("region").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(olive.schema().column("area").categories()).hasSize(9);
            assertThat(olive.schema().column("palmitic").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(olive.toString()).contains("area:categorical(label)").contains("more rows");
        }
    }
}
