package ai.bigdata.nlp.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class TextCorpusTest {
    private Path dir;

    @BeforeEach
    void folder(TestInfo info) throws IOException {
        dir = Path.of("target", "test-corpora", info.getTestMethod().orElseThrow().getName());
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static Map<String, byte[]> mails() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("corpus/spam-1/002", bytes("Subject: win money\n\nclick here\n"));
        m.put("corpus/easy-ham-1/001", bytes("Subject: meeting\n\nsee you at noon\n"));
        m.put("corpus/spam-1/001", bytes("Subject: broken\nContent-Transfer-Encoding: base64\n\nQUJD\nQ\n"));
        m.put("corpus/README", bytes("not a message of any class\n"));
        m.put("corpus/hard-ham-1/007", "Subject: r\u00e9union\nContent-Type: text/plain; charset=utf-8\n\ncaf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        return m;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry t = new TarArchiveEntry(e.getKey());
                t.setSize(e.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    @Test
    void emailsFromATarGzGiveTextLabelAndIdColumnsAndAFullReport() throws IOException {
        Path archive = dir.resolve("mail.tar.gz");
        tarGz(archive, mails());
        try (CorpusRead read = TextCorpus.folders(archive).format(CorpusFormat.EMAIL).labels(SpamAssassin::label).read()) {
            var schema = read.dataset().schema();
            assertThat(schema.names()).containsExactly("text", "label", "source");
            assertThat(schema.column("text").type()).isEqualTo(ColumnType.TEXT);
            assertThat(schema.column("label").role()).isEqualTo(ColumnRole.LABEL);
            assertThat(schema.column("label").categories()).containsExactly("ham", "spam");
            assertThat(schema.column("source").role()).isEqualTo(ColumnRole.ID);
            List<String> rows = new ArrayList<>();
            read.dataset().forEachRow(r -> rows.add(r.getString("source") + "|" + r.getString("label") + "|"
                    + r.getString("text").replace("\r", "")));
            assertThat(rows).containsExactly(
                    "corpus/easy-ham-1/001|ham|Subject: meeting\n\nsee you at noon\n",
                    "corpus/hard-ham-1/007|ham|Subject: r\u00e9union\nContent-Type: text/plain; charset=utf-8\n\ncaf\u00e9\n",
                    "corpus/spam-1/002|spam|Subject: win money\n\nclick here\n");
            CorpusReport report = read.report();
            assertThat(report.files()).isEqualTo(5);
            assertThat(report.documents()).isEqualTo(3);
            assertThat(report.unlabelled()).containsExactly("corpus/README");
            assertThat(report.undecodable()).containsOnlyKeys("corpus/spam-1/001");
            assertThat(report.undecodable().get("corpus/spam-1/001")).contains("base64");
            assertThat(report.fallbacks()).containsOnlyKeys("corpus/hard-ham-1/007");
            assertThat(report.toString()).contains("undecodable corpus/spam-1/001");
        }
    }

    @Test
    void failOnUndecodableThrowsNamingTheDocument() throws IOException {
        Path archive = dir.resolve("mail.tar.gz");
        tarGz(archive, mails());
        assertThatThrownBy(() -> TextCorpus.folders(archive).format(CorpusFormat.EMAIL).labels(SpamAssassin::label)
                .failOnUndecodable().read())
                .isInstanceOf(UndecodableDocumentException.class).hasMessageContaining("corpus/spam-1/001");
    }

    @Test
    void truncatedTarGzIsATypedErrorNamingTheArchive() throws IOException {
        Path archive = dir.resolve("mail.tar.gz");
        Map<String, byte[]> big = new LinkedHashMap<>(mails());
        byte[] noise = new byte[200_000];
        new java.util.Random(1).nextBytes(noise);
        big.put("corpus/spam-1/big", noise);
        tarGz(archive, big);
        byte[] all = Files.readAllBytes(archive);
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> TextCorpus.folders(cut).format(CorpusFormat.EMAIL).labels(SpamAssassin::label).read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("cut.tar.gz");
    }

    @Test
    void aMissingOrUnsupportedRootIsNamed() throws IOException {
        assertThatThrownBy(() -> TextCorpus.folders(dir.resolve("nowhere")).read())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere").hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("corpus.zip"), "x");
        assertThatThrownBy(() -> TextCorpus.folders(dir.resolve("corpus.zip")).read())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corpus.zip")
                .hasMessageContaining("neither a folder nor");
    }

    @Test
    void plainTextFoldersLikeLoadFiles() throws IOException {
        Files.createDirectories(dir.resolve("pos"));
        Files.createDirectories(dir.resolve("neg"));
        Files.writeString(dir.resolve("pos/a.txt"), "gr\u00fc\u00dfe", StandardCharsets.UTF_8);
        Files.write(dir.resolve("neg/b.txt"), "na\u00efve".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("top.txt"), "no class");
        try (CorpusRead read = TextCorpus.folders(dir).read()) {
            List<String> rows = new ArrayList<>();
            read.dataset().forEachRow(r -> rows.add(r.getString("source") + "|" + r.getString("label") + "|"
                    + r.getString("text")));
            assertThat(rows).containsExactly("neg/b.txt|neg|na\u00efve", "pos/a.txt|pos|gr\u00fc\u00dfe");
            assertThat(read.report().unlabelled()).containsExactly("top.txt");
            assertThat(read.report().fallbacks()).containsOnlyKeys("neg/b.txt");
            assertThat(read.report().fallbacks().get("neg/b.txt")).contains("read as windows-1252");
        }
    }

    @Test
    void documentsOverTheSizeLimitAreCountedNotRead() throws IOException {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c/small"), "ok");
        Files.writeString(dir.resolve("c/large"), "x".repeat(100));
        try (CorpusRead read = TextCorpus.folders(dir).maxDocumentBytes(10).read()) {
            assertThat(read.report().documents()).isEqualTo(1);
            assertThat(read.report().tooLarge()).containsExactly("c/large (100 bytes)");
            assertThat(read.report().files()).isEqualTo(2);
        }
    }

    @Test
    void jsonLinesCorpusCountsBadLinesByNumber() throws IOException {
        Path file = dir.resolve("docs.jsonl");
        Files.writeString(file, "{\"text\": \"good one\", \"label\": \"pos\"}\n\n{\"text\": 5, \"label\": \"neg\"}\n"
                + "not json\n{\"text\": \"second\", \"label\": 1}\n{\"label\": \"x\"}\n");
        try (CorpusRead read = JsonLinesCorpus.read(file, "text", "label")) {
            List<String> rows = new ArrayList<>();
            read.dataset().forEachRow(r -> rows.add(r.getString("source") + "|" + r.getString("label") + "|"
                    + r.getString("text")));
            assertThat(rows).containsExactly("docs.jsonl:1|pos|good one", "docs.jsonl:5|1|second");
            assertThat(read.report().undecodable()).containsOnlyKeys("docs.jsonl:3", "docs.jsonl:4", "docs.jsonl:6");
            assertThat(read.report().undecodable().get("docs.jsonl:3")).isEqualTo("field 'text' is not a string");
            assertThat(read.report().undecodable().get("docs.jsonl:6")).isEqualTo("field 'text' is missing");
            assertThat(read.report().files()).isEqualTo(5);
        }
    }

    @Test
    void jsonLinesThatAreNotUtf8AreATypedErrorWithTheLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"caf\u00e9\", \"label\": \"x\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> JsonLinesCorpus.read(file, "text", "label")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad.jsonl").hasMessageContaining("line 2");
    }
}
