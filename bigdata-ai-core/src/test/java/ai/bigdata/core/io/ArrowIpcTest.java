package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class ArrowIpcTest {
    @TempDir
    Path dir;

    static Dataset sample() {
        Schema s = Schema.of(
                Column.of("id", ColumnType.INT64, ColumnRole.ID),
                Column.of("x", ColumnType.FLOAT32),
                Column.of("flag", ColumnType.BOOLEAN),
                Column.of("note", ColumnType.TEXT),
                Column.categorical("kind", ColumnRole.LABEL, List.of()),
                Column.of("at", ColumnType.TIMESTAMP, ColumnRole.TIME),
                Column.tensor("img", 2, 3));
        return Dataset.builder(s).chunkRows(2)
                .add(1L, 1.5f, true, "a,b", "cat", Instant.ofEpochMilli(1000), new float[] {1, 2, 3, 4, 5, 6})
                .add(2L, null, false, null, "dog", Instant.ofEpochMilli(2000), new float[] {0, 0, 0, 0, 0, 1})
                .add(3L, -2f, null, "ünïcode \"q\"", "cat", null, new float[] {6, 5, 4, 3, 2, 1})
                .build();
    }

    static List<List<Object>> rows(Dataset d) {
        List<List<Object>> out = new java.util.ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new java.util.ArrayList<>();
            for (String n : d.schema().names()) {
                Object v = r.get(n);
                row.add(v instanceof float[] ? Arrays.toString((float[]) v) : v);
            }
            out.add(row);
        });
        return out;
    }

    @Test
    void fileRoundTripKeepsTypesRolesShapesCategoriesAndValues() {
        Path f = dir.resolve("s.arrow");
        try (Dataset d = sample()) {
            d.writeArrow(f);
            try (Dataset back = Dataset.readArrow(f)) {
                assertThat(back.inMemory()).isFalse();
                assertThat(back.chunkCount()).isEqualTo(2);
                assertThat(back.schema()).isEqualTo(d.schema());
                assertThat(back.schema().column("img").shape()).containsExactly(2, 3);
                assertThat(back.schema().column("kind").role()).isEqualTo(ColumnRole.LABEL);
                assertThat(back.schema().column("kind").categories()).containsExactly("cat", "dog");
                assertThat(rows(back)).isEqualTo(rows(d));
            }
        }
    }

    @Test
    void streamRoundTripReadsIntoMemory() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Dataset d = sample()) {
            ArrowIpc.writeStream(d, out);
            try (Dataset back = Dataset.readArrowStream(new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(back.inMemory()).isTrue();
                assertThat(back.schema()).isEqualTo(d.schema());
                assertThat(rows(back)).isEqualTo(rows(d));
            }
        }
    }

    @Test
    void truncatedFileIsRefusedWithItsName() throws IOException {
        Path f = dir.resolve("t.arrow");
        try (Dataset d = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).chunkRows(20_000).read()) {
            d.writeArrow(f);
        }
        byte[] all = Files.readAllBytes(f);
        for (int cut : new int[] {all.length - 7, all.length / 2, 10}) {
            Path t = dir.resolve("cut" + cut + ".arrow");
            Files.write(t, Arrays.copyOf(all, cut));
            assertThatThrownBy(() -> Dataset.readArrow(t).close())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(t.toString());
        }
        Path empty = dir.resolve("empty.arrow");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> Dataset.readArrow(empty)).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> Dataset.readArrow(dir.resolve("none.arrow"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void movieLensSurvivesCsvToArrowToCsv() throws IOException {
        Path arrow = dir.resolve("r.arrow");
        Path csv = dir.resolve("r.csv");
        try (Dataset d = Dataset.readCsv(SharedData.file("movielens-small/ratings.csv")).read()) {
            d.writeArrow(arrow);
            try (Dataset back = Dataset.readArrow(arrow)) {
                back.writeCsv(csv);
                assertThat(back.summary().toString()).isEqualTo(d.summary().toString());
            }
        }
        List<String> original = Files.readAllLines(SharedData.file("movielens-small/ratings.csv"));
        List<String> written = Files.readAllLines(csv);
        assertThat(written).hasSize(original.size());
        // values are equal; float formatting may differ (2.0 vs 2), so compare parsed numbers
        for (int i = 1; i < original.size(); i += 997) {
            String[] a = original.get(i).split(",");
            String[] b = written.get(i).split(",");
            for (int k = 0; k < a.length; k++) {
                assertThat(Double.parseDouble(b[k])).isEqualTo(Double.parseDouble(a[k]));
            }
        }
    }

    @Test
    void partsWrittenOneAfterAnotherMakeOneFileAndAForeignPartLeavesNoFile() {
        Path file = dir.resolve("parts.arrow");
        try (Dataset a = sample(); Dataset b = sample(); Dataset c = sample(); Dataset whole = a.concat(b, c)) {
            ArrowIpc.writeFile(a.schema(), List.of(sample(), sample(), sample()).iterator(), file);
            try (Dataset read = ArrowIpc.readFile(file)) {
                assertThat(read.inMemory()).isFalse();
                assertThat(read.schema()).isEqualTo(a.schema());
                assertThat(rows(read)).isEqualTo(rows(whole));
            }
        }
        Path never = dir.resolve("never.arrow");
        try (Dataset a = sample(); Dataset other = a.drop("img")) {
            java.util.Iterator<Dataset> parts = List.of(sample(), other.materialize()).iterator();
            assertThatThrownBy(() -> ArrowIpc.writeFile(a.schema(), parts, never)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("part 1 has schema");
        }
        assertThat(never).doesNotExist();
        try (Dataset a = sample()) {
            java.util.Iterator<Dataset> withNull = java.util.Arrays.asList(sample(), (Dataset) null).iterator();
            assertThatThrownBy(() -> ArrowIpc.writeFile(a.schema(), withNull, never)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("part 1 is null");
        }
        assertThat(never).doesNotExist();
    }
}
