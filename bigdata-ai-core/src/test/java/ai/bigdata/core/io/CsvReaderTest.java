package ai.bigdata.core.io;

import static ai.bigdata.core.io.ReaderFiles.column;
import static ai.bigdata.core.io.ReaderFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class CsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepDelimitersNewlinesAndDoubledQuotes() throws IOException {
        Path f = write(dir, "q.csv", "\uFEFFid,text\r\n1,\"a,b\"\r\n2,\"line1\nline2\"\r\n3,\"say \"\"hi\"\"\"\r\n4,\"\"\r\n5,\n");
        try (Dataset d = Dataset.readCsv(f).column("text", ColumnType.TEXT).read()) {
            assertThat(d.schema().names()).containsExactly("id", "text");
            assertThat(column(d, "text")).containsExactly("a,b", "line1\nline2", "say \"hi\"", "", null);
        }
    }

    @Test
    void wrongFieldCountNamesFileAndLine() throws IOException {
        Path f = write(dir, "bad.csv", "a,b\n1,2\n3\n4,5\n");
        assertThatThrownBy(() -> Dataset.readCsv(f).read())
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("expected 2 fields, found 1");
    }

    @Test
    void unparseableValueNamesLineColumnAndText() throws IOException {
        Path f = write(dir, "v.csv", "a,b\n1,2\n3,x7\n");
        assertThatThrownBy(() -> Dataset.readCsv(f).column("b", ColumnType.INT32).read())
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("2 (b)");
                    assertThat(e.text()).isEqualTo("x7");
                    assertThat(e.getMessage()).contains("not an integer");
                });
    }

    @Test
    void valueOfWrongTypeAfterTheSampleGivesAHint() throws IOException {
        StringBuilder sb = new StringBuilder("a\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append('\n');
        }
        sb.append("2.5\n");
        Path f = write(dir, "late.csv", sb.toString());
        assertThatThrownBy(() -> Dataset.readCsv(f).sampleRows(10).read())
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 22")
                .hasMessageContaining("override it with column(\"a\", ...)");
    }

    @Test
    void skipPolicyCountsEveryRejectedRow() throws IOException {
        Path f = write(dir, "s.csv", "a,b\n1,2\n3\nx,4\n5,6\n\n7,8,9\n");
        try (ReadResult r = Dataset.readCsv(f).column("a", ColumnType.INT32).onError(ErrorPolicy.SKIP).readWithReport()) {
            ReadReport rep = r.report();
            assertThat(rep.rowsRead()).isEqualTo(5);
            assertThat(rep.rowsKept()).isEqualTo(2);
            assertThat(rep.rowsRejected()).isEqualTo(3);
            assertThat(rep.rowsKept() + rep.rowsRejected()).isEqualTo(rep.rowsRead());
            assertThat(rep.blankLines()).isEqualTo(1);
            assertThat(rep.rejections()).extracting(DataFormatException::line).containsExactly(3L, 4L, 7L);
            assertThat(r.dataset().rowCount()).isEqualTo(2);
            assertThat(column(r.dataset(), "b")).containsExactly(2, 6);
        }
    }

    @Test
    void quarantineWritesTheRawBadRecordsToASideFile() throws IOException {
        Path f = write(dir, "qq.csv", "a,b\n1,2\nbad,\"x\ny\"\n5,6\n");
        Path side = dir.resolve("bad-rows.csv");
        try (ReadResult r = Dataset.readCsv(f).column("a", ColumnType.INT32).quarantine(side).readWithReport()) {
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            assertThat(r.report().quarantine()).isEqualTo(side);
            assertThat(Files.readString(side)).isEqualTo("a,b\nbad,\"x\ny\"\n");
        }
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws IOException {
        byte[] bytes = "a,name\n1,ok\n2,bad\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = write(dir, "u.csv", bytes);
        assertThatThrownBy(() -> Dataset.readCsv(f).column("name", ColumnType.TEXT).read())
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("invalid UTF-8");
    }

    @Test
    void emptyFileAndMissingHeaderAreRefused() throws IOException {
        Path empty = write(dir, "e.csv", "");
        assertThatThrownBy(() -> Dataset.readCsv(empty).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("e.csv").hasMessageContaining("file is empty");
        Path noHeader = write(dir, "nh.csv", "1,2.5,3\n4,5,6\n");
        assertThatThrownBy(() -> Dataset.readCsv(noHeader).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("missing header");
        try (Dataset d = Dataset.readCsv(noHeader).header(false).read()) {
            assertThat(d.schema().names()).containsExactly("c1", "c2", "c3");
            assertThat(d.rowCount()).isEqualTo(2);
        }
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> Dataset.readCsv(missing).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void unterminatedQuoteIsASyntaxError() throws IOException {
        Path f = write(dir, "uq.csv", "a,b\n1,\"open\n2,3\n");
        assertThatThrownBy(() -> Dataset.readCsv(f).column("b", ColumnType.TEXT).read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("unterminated quoted field");
    }

    @Test
    void nullTokensBecomeNullsAndNaNNeverAValue() throws IOException {
        Path f = write(dir, "n.csv", "x,y\n1.5,a\nNA,b\nNaN,c\nnull,d\n,e\n2.5,NA\n");
        try (Dataset d = Dataset.readCsv(f).column("y", ColumnType.TEXT).read()) {
            assertThat(column(d, "x")).containsExactly(1.5, null, null, null, null, 2.5);
            assertThat(column(d, "y")).containsExactly("a", "b", "c", "d", "e", null);
            assertThat(d.summary().column("x").missing()).isEqualTo(4);
        }
    }

    @Test
    void declaredCategoriesRefuseUnknownValues() throws IOException {
        Path f = write(dir, "c.csv", "k\nred\nblue\ngreen\n");
        assertThatThrownBy(() -> Dataset.readCsv(f).categories("k", "red", "blue").read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("line 4")
                .hasMessageContaining("'green' is not one of the declared categories");
    }

    @Test
    void optionsNamingAbsentColumnsFailEarly() throws IOException {
        Path f = write(dir, "o.csv", "a\n1\n");
        assertThatThrownBy(() -> Dataset.readCsv(f).label("b").read()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'").hasMessageContaining("[a]");
        assertThatThrownBy(() -> Dataset.readCsv(f).chunkRows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkRows must be positive, got 0");
    }

    @Test
    void reportedHeightsKeepsFreeTextAndParsesTimestamps() {
        try (Dataset h = Dataset.readCsv(SharedData.file("tabular/reported_heights.csv")).read()) {
            assertThat(h.rowCount()).isEqualTo(1095);
            assertThat(h.schema().column("time_stamp").type()).isEqualTo(ColumnType.TIMESTAMP);
            assertThat(h.schema().column("sex").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(h.schema().column("height").type()).isEqualTo(ColumnType.TEXT);
            List<Object> heights = column(h, "height");
            assertThat(heights).contains("5'4", "165cm");
            assertThat(column(h, "time_stamp").get(0)).isEqualTo(Instant.parse("2014-09-02T13:40:36Z"));
        }
    }
}
