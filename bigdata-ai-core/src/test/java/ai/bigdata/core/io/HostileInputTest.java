package ai.bigdata.core.io;

import static ai.bigdata.core.io.ReaderFiles.column;
import static ai.bigdata.core.io.ReaderFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** CSV and JSON Lines readers against compressed, malformed and numerically hostile input. */
@ExtendWith(ArrowLeakCheck.class)
class HostileInputTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }

    private static byte[] zstd(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }

    private static List<List<Object>> rows(Dataset d) {
        List<List<Object>> out = new ArrayList<>();
        d.forEachRow(r -> {
            List<Object> row = new ArrayList<>();
            for (String n : d.schema().names()) {
                row.add(r.get(n));
            }
            out.add(row);
        });
        return out;
    }

    // ---- compressed input ----

    @Test
    void gzipAndZstdCsvReadLikeThePlainFileWhateverTheirName() throws IOException {
        byte[] olive = Files.readAllBytes(SharedData.file("tabular/olive.csv"));
        Path plain = write(dir, "olive.csv", olive);
        Path gz = write(dir, "olive-no-suffix.csv", gzip(olive)); // detected by magic bytes, not by name
        Path zst = write(dir, "olive.data", zstd(olive));
        try (Dataset a = Dataset.readCsv(plain).read(); Dataset b = Dataset.readCsv(gz).read();
             Dataset c = Dataset.readCsv(zst).read()) {
            assertThat(a.rowCount()).isEqualTo(572);
            assertThat(b.schema()).isEqualTo(a.schema());
            assertThat(c.schema()).isEqualTo(a.schema());
            assertThat(rows(b)).isEqualTo(rows(a));
            assertThat(rows(c)).isEqualTo(rows(a));
        }
    }

    @Test
    void truncatedGzipIsATypedErrorNamingTheFile() throws IOException {
        byte[] gz = gzip(Files.readAllBytes(SharedData.file("tabular/olive.csv")));
        Path cut = write(dir, "cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Dataset.readCsv(cut).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cut.csv.gz").hasMessageContaining("truncated gzip data");
        Path noTrailer = write(dir, "notrailer.csv.gz", Arrays.copyOf(gz, gz.length - 4));
        assertThatThrownBy(() -> Dataset.readCsv(noTrailer).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("notrailer.csv.gz").hasMessageContaining("truncated gzip data");
    }

    @Test
    void corruptGzipCrcAndTrailingGarbageAreRefused() throws IOException {
        byte[] gz = gzip("a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 8] ^= 0x01; // first byte of the CRC-32 in the trailer
        Path crc = write(dir, "crc.csv", badCrc);
        assertThatThrownBy(() -> Dataset.readCsv(crc).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("crc.csv").hasMessageContaining("CRC-32 mismatch");
        byte[] garbage = Arrays.copyOf(gz, gz.length + 3);
        garbage[gz.length] = 'x';
        Path trailing = write(dir, "trailing.csv", garbage);
        assertThatThrownBy(() -> Dataset.readCsv(trailing).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("trailing.csv").hasMessageContaining("trailing garbage");
        // two members one after the other are one valid stream (as gzip -c a b > c makes)
        byte[] two = gzip("3,4\n".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(gz, gz.length + two.length);
        System.arraycopy(two, 0, both, gz.length, two.length);
        Path concat = write(dir, "concat.csv", both);
        try (Dataset d = Dataset.readCsv(concat).read()) {
            assertThat(column(d, "a")).containsExactly(1, 3, 3);
        }
    }

    @Test
    void gzipHeadersWithNameCommentExtraAndHeaderCrcAreRead() throws IOException {
        byte[] gz = gzip("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream withFields = new ByteArrayOutputStream();
        withFields.write(gz, 0, 3);
        withFields.write(4 | 8 | 16 | 2); // FEXTRA, FNAME, FCOMMENT, FHCRC as the gzip tool may write them
        withFields.write(gz, 4, 6);
        withFields.write(new byte[] {2, 0, 'x', 'y'});
        withFields.write("data.csv\0a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] header = withFields.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header);
        int crc16 = (int) (crc.getValue() & 0xFFFF);
        withFields.write(new byte[] {(byte) crc16, (byte) (crc16 >>> 8)});
        withFields.write(gz, 10, gz.length - 10);
        byte[] good = withFields.toByteArray();
        Path f = write(dir, "fields.gz", good);
        try (Dataset d = Dataset.readCsv(f).read()) {
            assertThat(column(d, "b")).containsExactly(2);
        }
        // a changed byte in the file name field is caught by the header CRC (the data's CRC-32 cannot see it)
        byte[] renamed = good.clone();
        renamed[header.length - 15] ^= 0x01;
        Path bad = write(dir, "renamed.gz", renamed);
        assertThatThrownBy(() -> Dataset.readCsv(bad).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("renamed.gz").hasMessageContaining("header CRC-16 mismatch");
    }

    @Test
    void corruptZstdIsRefusedOrReadsTheSameData() throws IOException {
        byte[] plain = Files.readAllBytes(SharedData.file("tabular/olive.csv"));
        byte[] z = zstd(plain);
        int refused = 0;
        for (int i = 4; i < z.length; i += Math.max(1, z.length / 40)) {
            byte[] bad = z.clone();
            bad[i] ^= 0x5a;
            Path f = write(dir, "flip.zst", bad);
            try (Dataset d = Dataset.readCsv(f).read(); Dataset good = Dataset.readCsv(write(dir, "good.csv", plain)).read()) {
                assertThat(rows(d)).as("flip at %d", i).isEqualTo(rows(good));
            } catch (DataFormatException e) {
                assertThat(e.getMessage()).contains("flip.zst");
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void truncatedZstdIsATypedErrorNamingTheFile() throws IOException {
        byte[] z = zstd(Files.readAllBytes(SharedData.file("tabular/olive.csv")));
        Path cut = write(dir, "cut.zst", Arrays.copyOf(z, z.length / 2));
        assertThatThrownBy(() -> Dataset.readCsv(cut).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cut.zst").hasMessageContaining("zstd");
    }

    @Test
    void gzipJsonLinesIsRead() throws IOException {
        Path f = write(dir, "rows.jsonl", gzip("{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n".getBytes(StandardCharsets.UTF_8)));
        try (Dataset d = Dataset.readJsonLines(f).read()) {
            assertThat(column(d, "a")).containsExactly(1, 2);
            assertThat(column(d, "b")).containsExactly("x", "y");
        }
    }

    // ---- type inference with bad tokens ----

    private static String numericWithTwoBadTokens() {
        StringBuilder sb = new StringBuilder("id,x\n");
        for (int i = 1; i <= 2000; i++) {
            sb.append(i).append(',').append(i == 500 || i == 1500 ? "oops" : Double.toString(i / 4.0)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aFewBadTokensDoNotTurnANumericColumnIntoCategories() throws IOException {
        Path f = write(dir, "oops.csv", numericWithTwoBadTokens());
        assertThatThrownBy(() -> Dataset.readCsv(f).sampleRows(2000).read())
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.source()).endsWith("oops.csv");
                    assertThat(e.line()).isEqualTo(501);
                    assertThat(e.column()).isEqualTo("2 (x)");
                    assertThat(e.text()).isEqualTo("oops");
                });
        try (ReadResult r = Dataset.readCsv(f).sampleRows(2000).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.dataset().schema().column("x").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(r.report().rowsRejected()).isEqualTo(2);
            assertThat(r.report().rowsKept()).isEqualTo(1998);
            assertThat(r.report().rejections()).extracting(DataFormatException::line).containsExactly(501L, 1501L);
            ColumnTypeReport x = r.report().columns().get(1);
            assertThat(x.column()).isEqualTo("x");
            assertThat(x.declared()).isFalse();
            assertThat(x.reason()).contains("1,998 of 2,000 sampled values parse; 2 bad tokens (e.g. \"oops\")");
            assertThat(r.report().columns().get(0).reason()).contains("numeric, int32: all 2,000 sampled values parse");
            assertThat(r.report().toString()).contains("x: FLOAT64 (numeric, decimal (float64): 1,998 of 2,000");
        }
    }

    @Test
    void aColumnWithTooManyNonNumbersStaysTextAndSaysWhy() throws IOException {
        // 3 of 4 are numbers: below both the share and the minimum count, so text
        Path f = write(dir, "mixed.csv", "k,v\n1,a\n2,b\n3,c\nx,d\n");
        try (ReadResult r = Dataset.readCsv(f).readWithReport()) {
            assertThat(r.dataset().schema().column("k").type()).isEqualTo(ColumnType.TEXT);
            assertThat(r.report().columns().get(0).reason()).isEqualTo("text: only 3 of 4 sampled values are numbers, not e.g. \"x\""
                    + " (numeric needs all, or at least 95% and 20); 4 distinct values in 4 sampled values (categorical needs at most"
                    + " 50 and at most half as many as values) in the first 1000 rows");
        }
    }

    @Test
    void declaredTypesAreReportedAsDeclared() throws IOException {
        Path f = write(dir, "d.csv", "a,b\n1,2\n");
        try (ReadResult r = Dataset.readCsv(f).column("b", ColumnType.FLOAT32).readWithReport()) {
            assertThat(r.report().columns().get(1).declared()).isTrue();
            assertThat(r.report().columns().get(1).type()).isEqualTo(ColumnType.FLOAT32);
        }
    }

    @Test
    void jsonLinesUsesTheSameRuleForMostlyNumericColumns() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            sb.append("{\"x\":").append(i == 7 ? "\"oops\"" : Integer.toString(i)).append("}\n");
        }
        Path f = write(dir, "oops.jsonl", sb.toString());
        assertThatThrownBy(() -> Dataset.readJsonLines(f).read()).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isEqualTo("x");
            assertThat(e.text()).isEqualTo("oops");
        });
        try (ReadResult r = Dataset.readJsonLines(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.dataset().schema().column("x").type()).isEqualTo(ColumnType.INT32);
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            assertThat(r.report().columns().get(0).reason()).contains("39 of 40 sampled values are numbers; 1 bad");
        }
    }

    @Test
    void aJsonLinesBuilderReadTwiceReportsEachColumnOnce() throws IOException {
        Path f = write(dir, "twice.jsonl", "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n");
        JsonLinesReader.Builder b = Dataset.readJsonLines(f);
        try (ReadResult first = b.readWithReport(); ReadResult second = b.readWithReport()) {
            assertThat(first.report().columns()).extracting(ColumnTypeReport::column).containsExactly("a", "b");
            assertThat(second.report().columns()).extracting(ColumnTypeReport::column).containsExactly("a", "b");
        }
    }

    // ---- non-finite values ----

    @Test
    void nonFiniteValuesInAFloat64CsvColumnAreBadValues() throws IOException {
        for (String bad : List.of("1e309", "-1e309", "inf", "-inf", "Infinity", "-Infinity", "+Infinity")) {
            Path f = write(dir, "nf.csv", "x\n1.5\n" + bad + "\n2.5\n");
            assertThatThrownBy(() -> Dataset.readCsv(f).column("x", ColumnType.FLOAT64).read())
                    .as(bad).isInstanceOfSatisfying(DataFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).isEqualTo("1 (x)");
                        assertThat(e.text()).isEqualTo(bad);
                    });
            try (ReadResult r = Dataset.readCsv(f).column("x", ColumnType.FLOAT64).onError(ErrorPolicy.SKIP).readWithReport()) {
                assertThat(column(r.dataset(), "x")).as(bad).containsExactly(1.5, 2.5);
                assertThat(r.report().rowsRejected()).isEqualTo(1);
            }
        }
    }

    @Test
    void inferredColumnsRefuseInfinitiesToo() throws IOException {
        Path f = write(dir, "inf.csv", "x\n1.5\ninf\n2.5\n");
        try (ReadResult r = Dataset.readCsv(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.dataset().schema().column("x").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(column(r.dataset(), "x")).containsExactly(1.5, 2.5);
            assertThat(r.report().rejections().get(0).getMessage()).contains("non-finite");
        }
    }

    @Test
    void float32OverflowIsABadValue() throws IOException {
        Path f = write(dir, "f32.csv", "x\n1.5\n1e39\n-1e39\n3.4e38\n");
        try (ReadResult r = Dataset.readCsv(f).column("x", ColumnType.FLOAT32).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(column(r.dataset(), "x")).containsExactly(1.5f, 3.4e38f);
            assertThat(r.report().rowsRejected()).isEqualTo(2);
            assertThat(r.report().rejections().get(0).getMessage()).contains("a number too large for float32");
        }
        Path g = write(dir, "f32d.csv", "x\n1.5\n1e39\n");
        assertThatThrownBy(() -> Dataset.readCsv(g).decimals(ColumnType.FLOAT32).read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("line 3").hasMessageContaining("a number too large for float32");
    }

    @Test
    void nonFiniteJsonNumbersAreBadValues() throws IOException {
        Path f = write(dir, "nf.jsonl", "{\"x\":1.5,\"t\":[1,2]}\n{\"x\":1e309,\"t\":[1,2]}\n{\"x\":2.5,\"t\":[1e39,2]}\n{\"x\":3.5,\"t\":[3,4]}\n");
        try (ReadResult r = Dataset.readJsonLines(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(column(r.dataset(), "x")).containsExactly(1.5, 3.5);
            assertThat(r.report().rejections()).extracting(DataFormatException::line).containsExactly(2L, 3L);
        }
        Path g = write(dir, "f32.jsonl", "{\"x\":1.5}\n{\"x\":1e39}\n");
        assertThatThrownBy(() -> Dataset.readJsonLines(g).column("x", ColumnType.FLOAT32).read())
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("x");
                    assertThat(e.getMessage()).contains("overflows float32");
                });
    }

    // ---- JSON Lines inference ----

    @Test
    void numbersInAJsonTextColumnAreText() throws IOException {
        Path f = write(dir, "ids.jsonl", "{\"id\":1}\n{\"id\":\"x2\"}\n{\"id\":3}\n{\"id\":true}\n{\"id\":2.50}\n{\"id\":1e3}\n");
        try (ReadResult r = Dataset.readJsonLines(f).readWithReport()) {
            assertThat(r.dataset().schema().column("id").type()).isEqualTo(ColumnType.TEXT);
            assertThat(column(r.dataset(), "id")).containsExactly("1", "x2", "3", "true", "2.50", "1e3");
            assertThat(r.report().rowsRejected()).isZero();
        }
    }

    @Test
    void jsonTensorDeclaredOnNonArrayDataIsATypedError() throws IOException {
        Path f = write(dir, "t.jsonl", "{\"x\":1.5}\n{\"x\":2.5}\n");
        assertThatThrownBy(() -> Dataset.readJsonLines(f).column("x", ColumnType.TENSOR).read())
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.source()).endsWith("t.jsonl");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("x");
                    assertThat(e.getMessage()).contains("declared TENSOR but no value");
                });
        Path g = write(dir, "t2.jsonl", "{\"x\":[1,2]}\n{\"x\":2.5}\n");
        assertThatThrownBy(() -> Dataset.readJsonLines(g).column("x", ColumnType.TENSOR).read())
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("x");
                });
    }

    // ---- CSV recovery ----

    @Test
    void anUnterminatedQuoteUnderSkipKeepsNoMadeUpRowAndCarriesItsText() throws IOException {
        Path f = write(dir, "uq.csv", "id,x,note\n6,6.5,\"first line\n7,7.5,second line\" trailing\n8,8.5,ok\n");
        try (ReadResult r = Dataset.readCsv(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(column(r.dataset(), "id")).containsExactly(8);
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            DataFormatException e = r.report().rejections().get(0);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.text()).isEqualTo("6,6.5,\"first line\n7,7.5,second line\" trailing");
            assertThat(e.getMessage()).contains("spans lines 2-3");
        }
        Path side = dir.resolve("uq-bad.csv");
        try (ReadResult r = Dataset.readCsv(f).quarantine(side).readWithReport()) {
            assertThat(Files.readString(side)).isEqualTo("id,x,note\n6,6.5,\"first line\n7,7.5,second line\" trailing\n");
        }
    }

    @Test
    void aQuoteNeverClosedRejectsItsLineAndReadsTheRest() throws IOException {
        Path f = write(dir, "open.csv", "a,b\n1,\"open\n2,3\n");
        try (ReadResult r = Dataset.readCsv(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            assertThat(r.report().rejections().get(0).text()).isEqualTo("1,\"open");
            assertThat(r.report().rejections().get(0).getMessage()).contains("unterminated quoted field");
        }
    }

    @Test
    void aSyntaxErrorEarlyOnDoesNotStopTypeInference() throws IOException {
        StringBuilder sb = new StringBuilder("x,y\n1,\"a\"b\n");
        for (int i = 0; i < 1998; i++) {
            sb.append(i).append(',').append(i * 0.5).append('\n');
        }
        Path f = write(dir, "early.csv", sb.toString());
        try (ReadResult r = Dataset.readCsv(f).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.dataset().schema().column("x").type()).isEqualTo(ColumnType.INT32);
            assertThat(r.dataset().schema().column("y").type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(r.report().rowsKept()).isEqualTo(1998);
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            assertThat(r.report().rejections().get(0).line()).isEqualTo(2);
        }
    }

    // ---- quarantine side file ----

    @Test
    void noQuarantineFileIsMentionedOrTouchedWhenNothingWasQuarantined() throws IOException {
        Path f = write(dir, "good.csv", "a,b\n1,2\n");
        Path side = write(dir, "users-own.csv", "precious\n");
        try (ReadResult r = Dataset.readCsv(f).quarantine(side).readWithReport()) {
            assertThat(r.report().quarantine()).isNull();
            assertThat(r.report().toString()).doesNotContain("quarantined");
        }
        assertThat(Files.readString(side)).isEqualTo("precious\n");
        Path j = write(dir, "good.jsonl", "{\"a\":1}\n");
        try (ReadResult r = Dataset.readJsonLines(j).quarantine(side).readWithReport()) {
            assertThat(r.report().quarantine()).isNull();
        }
        assertThat(Files.readString(side)).isEqualTo("precious\n");
        Path defaultSide = write(dir, "good.csv.quarantine.csv", "also mine\n");
        try (ReadResult r = Dataset.readCsv(f).onError(ErrorPolicy.QUARANTINE).readWithReport()) {
            assertThat(r.report().quarantine()).isNull();
        }
        assertThat(Files.readString(defaultSide)).isEqualTo("also mine\n");
    }
}
