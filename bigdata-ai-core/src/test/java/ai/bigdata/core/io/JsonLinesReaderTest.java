package ai.bigdata.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class JsonLinesReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTypedColumnsMissingKeysAsNullsAndArraysAsTensors() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"id\":1,\"score\":0.5,\"ok\":true,\"tag\":\"a\",\"v\":[1,2,3]}\n"
                + "{\"id\":2,\"score\":1,\"tag\":\"b\",\"v\":[4,5,6]}\n\n"
                + "{\"id\":3,\"score\":null,\"ok\":false,\"tag\":\"a\",\"v\":[7,8,9]}\n");
        try (ReadResult r = Dataset.readJsonLines(f).label("tag").readWithReport()) {
            Dataset d = r.dataset();
            assertThat(d.schema().column("id").type()).isEqualTo(ColumnType.INT32);
            assertThat(d.schema().column("score").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(d.schema().column("ok").type()).isEqualTo(ColumnType.BOOLEAN);
            assertThat(d.schema().column("tag").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(d.schema().column("v").shape()).containsExactly(3);
            assertThat(d.rowCount()).isEqualTo(3);
            assertThat(r.report().blankLines()).isEqualTo(1);
            assertThat(d.summary().column("ok").missing()).isEqualTo(1);
            assertThat(d.summary().column("score").missing()).isEqualTo(1);
            assertThat(d.summary().column("score").mean()).isEqualTo(0.75);
        }
    }

    @Test
    void malformedLinesAndUnknownKeysFollowThePolicy() throws IOException {
        Path f = dir.resolve("b.jsonl");
        Files.writeString(f, "{\"a\":1}\n{\"a\":2\n{\"a\":\"x\"}\n{\"b\":3}\n{\"a\":4}\n");
        assertThatThrownBy(() -> Dataset.readJsonLines(f).sampleRows(1).read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("b.jsonl").hasMessageContaining("line 2")
                .hasMessageContaining("malformed JSON");
        try (ReadResult r = Dataset.readJsonLines(f).sampleRows(1).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.report().rowsRead()).isEqualTo(5);
            assertThat(r.report().rowsKept()).isEqualTo(2);
            assertThat(r.report().rowsRejected()).isEqualTo(3);
            assertThat(r.report().rejections()).extracting(DataFormatException::line).containsExactly(2L, 3L, 4L);
            assertThat(r.report().rejections().get(2).getMessage()).contains("key 'b' is not a column");
        }
    }

    @Test
    void readsCrLfLinesLongLinesAndALastLineWithoutBreak() throws IOException {
        Path f = dir.resolve("c.jsonl");
        String longText = "x".repeat(200_000);
        Files.writeString(f, "{\"t\":\"a\"}\r\n{\"t\":\"" + longText + "\"}\r\n{\"t\":\"c\"}");
        try (Dataset d = Dataset.readJsonLines(f).read()) {
            List<Object> texts = new ArrayList<>();
            d.forEachRow(r -> texts.add(r.get("t")));
            assertThat(texts).containsExactly("a", longText, "c");
        }
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path f = dir.resolve("e.jsonl");
        Files.writeString(f, "");
        assertThatThrownBy(() -> Dataset.readJsonLines(f).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("file is empty");
    }
}
