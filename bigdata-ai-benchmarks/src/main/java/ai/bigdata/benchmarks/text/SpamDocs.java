package ai.bigdata.benchmarks.text;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.nlp.corpus.CorpusRead;
import ai.bigdata.nlp.corpus.SpamAssassin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SpamAssassin documents that the text benchmarks and their Python peer share: decoded once from the
 * archive by the nlp module's reader and written as one UTF-8 file, documents separated by NUL characters
 * (a NUL inside a document becomes a space), so that both sides read exactly the same texts.
 */
public final class SpamDocs {
    /** The archive under the data folder. */
    public static final String ARCHIVE = "spamassassin/spamassassin.tar.gz";

    private SpamDocs() {
    }

    /** The exported file under {@code target/}, written on first use. */
    public static synchronized Path file() {
        Path file = Path.of("target", "bench-data", "spamassassin-docs.nul");
        if (Files.exists(file)) {
            return file;
        }
        List<String> texts = new ArrayList<>();
        try (CorpusRead read = SpamAssassin.read(BenchData.file(ARCHIVE))) {
            read.dataset().forEachRow(r -> texts.add(r.getString("text").replace('\0', ' ')));
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("\0", texts), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code max} documents of the exported file. */
    public static List<String> read(int max) {
        try {
            List<String> all = Arrays.asList(Files.readString(file(), StandardCharsets.UTF_8).split("\0", -1));
            return all.subList(0, Math.min(max, all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
