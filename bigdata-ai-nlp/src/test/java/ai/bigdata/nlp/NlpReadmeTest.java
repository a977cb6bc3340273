package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.corpus.CorpusRead;
import ai.bigdata.nlp.corpus.SpamAssassin;
import ai.bigdata.nlp.vectorize.TextVectorizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the README's text example as written (on a small generated archive) and checks the README shows it. */
@ExtendWith(ArrowLeakCheck.class)
class NlpReadmeTest {
    @Test
    void readmeTextExampleRuns() throws IOException {
        Path archive = smallArchive();
        ClassificationReport report;
        // README-NLP-BEGIN
        try (CorpusRead read = SpamAssassin.read(archive);          // e-mails straight from the .tar.gz
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            System.out.println(read.report());                      // kept, unlabelled, undecodable (by name)
            Transform tfidf = TextVectorizer.tfidf("text").sublinearTf(true).maxFeatures(20_000).build()
                    .fit(split.train());                            // vocabulary and idf from the training part
            try (Dataset train = tfidf.apply(split.train()); Dataset test = tfidf.apply(split.test())) {
                NeuralNetwork model = NeuralNetwork.logisticRegression().build();
                Trainer.builder().epochs(10).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build()
                        .fit(model, train);
                report = Evaluator.classification().evaluate(model, test);
            }
        }
        // README-NLP-END
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.classes()).containsExactly("ham", "spam");
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(QuickStartBlocks.block(Path.of("src/test/java/ai/bigdata/nlp/NlpReadmeTest.java"),
                "README-NLP"));
    }

    private static Path smallArchive() throws IOException {
        Path dir = Path.of("target", "readme-nlp");
        Files.createDirectories(dir);
        Path file = dir.resolve("mini-spamassassin.tar.gz");
        List<String> ham = List.of("meeting notes for monday", "lunch at noon with the team", "project budget review",
                "see the attached minutes", "code review tomorrow morning", "family dinner on sunday",
                "the quarterly report draft", "library book is due", "train tickets for the trip", "garden party plans");
        List<String> spam = List.of("win free money now", "cheap pills online click here", "you are a winner claim prize",
                "free offer click now", "lowest mortgage rates act now", "make money fast from home",
                "claim your free gift card", "urgent click to unsubscribe", "hot singles free offer", "cash prize winner");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < ham.size(); i++) {
                put(tar, "spamassassin/easy-ham-1/" + i, "Subject: " + ham.get(i) + "\n\n" + ham.get(i) + "\n");
                put(tar, "spamassassin/spam-1/" + i, "Subject: " + spam.get(i) + "\n\n" + spam.get(i) + "\n");
            }
        }
        return file;
    }

    private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }
}
