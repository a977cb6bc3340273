package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.eval.ClassificationReport;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.corpus.CorpusRead;
import ai.bigdata.nlp.corpus.SpamAssassin;
import ai.bigdata.nlp.vectorize.TextVectorizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SpamAssassin check on the whole corpus: e-mails read straight from the archive, a stratified
 * 80/20 split with seed 42 (written to {@code target/spamassassin-split.tsv}), TF-IDF (sublinear tf, capped
 * vocabulary) fitted on the training part, logistic regression trained by core's {@code Trainer} and
 * evaluated by core's {@code Evaluator} on the test part.
 */
@ExtendWith(ArrowLeakCheck.class)
class SpamAssassinIT {
    static final int MAX_FEATURES = Integer.getInteger("spam.maxFeatures", 20_000);
    static final int EPOCHS = Integer.getInteger("spam.epochs", 10);

    @Test
    void tfidfLogisticRegressionReachesTheGoal() throws IOException {
        Path archive = SharedData.file("spamassassin/spamassassin.tar.gz");
        long t0 = System.nanoTime();
        try (CorpusRead read = SpamAssassin.read(archive);
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            double readSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.println(read.report());
            assertThat(read.report().files()).isEqualTo(6047);
            assertThat(read.report().unlabelled()).containsExactly("spamassassin/LICENSE-stdlib-packaging");
            // two with corrupt base64, two multiparts whose boundary never appears: named, counted, left out
            assertThat(read.report().undecodable()).containsOnlyKeys(
                    "spamassassin/spam-1/00313.fab744bfd5a128fca39b69df9811c086",
                    "spamassassin/spam-1/00467.5b733c506b7165424a0d4a298e67970f",
                    "spamassassin/spam-2/01214.973b4598b630a989967ff69b19f95d4a",
                    "spamassassin/spam-2/01309.4da3e5f7445fe71bdb9a145b3c704cc3");
            assertThat(read.report().documents()).isEqualTo(6042);
            assertThat(split.train().rowCount()).isEqualTo(4834);
            assertThat(split.test().rowCount()).isEqualTo(1208);
            writeSplit(split, Path.of("target", "spamassassin-split.tsv"));

            long t1 = System.nanoTime();
            Transform tfidf = TextVectorizer.tfidf("text").sublinearTf(true).maxFeatures(MAX_FEATURES).build()
                    .fit(split.train());
            try (Dataset train = tfidf.apply(split.train()); Dataset test = tfidf.apply(split.test())) {
                double vectoriseSeconds = (System.nanoTime() - t1) / 1e9;
                NeuralNetwork model = NeuralNetwork.logisticRegression().build();
                long t2 = System.nanoTime();
                Trainer.builder().epochs(EPOCHS).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build()
                        .fit(model, train);
                double trainSeconds = (System.nanoTime() - t2) / 1e9;
                ClassificationReport report = Evaluator.classification().evaluate(model, test);
                int spam = report.classes().indexOf("spam");
                System.out.println(report);
                System.out.printf(Locale.ROOT, "SpamAssassin: %d train / %d test, %d features; read %.1f s, TF-IDF fit +"
                                + " transform %.1f s, training %.1f s (%d epochs); accuracy %.4f, spam F1 %.4f%n",
                        train.rowCount(), test.rowCount(), tfidf.outputSchema(split.train().schema()).column("features")
                                .width(), readSeconds, vectoriseSeconds, trainSeconds, EPOCHS, report.accuracy(),
                        report.f1()[spam]);
                assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.99);
                assertThat(report.f1()[spam]).isGreaterThanOrEqualTo(0.985);
            }
        }
    }

    static void writeSplit(Split split, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        split.train().forEachRow(r -> lines.add("train\t" + r.getString("label") + "\t" + r.getString("source")));
        split.test().forEachRow(r -> lines.add("test\t" + r.getString("label") + "\t" + r.getString("source")));
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
