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
 * evaluated by core's {@code Evaluator} on the test part: the dense 20,000-term column with Adam, then the
 * sparse column with the whole vocabulary with Adam, then the sparse column with L-BFGS (scikit-learn's
 * C = 10) on the vocabulary its full-batch matrix can hold.
 */
@ExtendWith(ArrowLeakCheck.class)
class SpamAssassinIT {
    static final int MAX_FEATURES = Integer.getInteger("spam.maxFeatures", 20_000);
    static final int EPOCHS = Integer.getInteger("spam.epochs", 10);
    /** Whether the sparse runs (full vocabulary with Adam, L-BFGS) follow the dense one. */
    static final boolean SPARSE = Boolean.parseBoolean(System.getProperty("spam.sparse", "true"));
    /** L-BFGS's vocabulary cap: its full-batch matrix of rows x terms doubles must fit the heap. */
    static final int LBFGS_FEATURES = Integer.getInteger("spam.lbfgsFeatures", 20_000);
    static final double LBFGS_ACCURACY_FLOOR = 0.988;
    static final double LBFGS_F1_FLOOR = 0.98;

    @Test
    void tfidfLogisticRegressionReachesTheGoal() throws IOException {
        Path archive = SharedData.file("spamassassin/spamassassin.tar.gz");
        long t0 = System.nanoTime();
        try (CorpusRead read = SpamAssassin.read(archive);
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            System.out.printf(Locale.ROOT, "SpamAssassin: read %.1f s%n", (System.nanoTime() - t0) / 1e9);
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

            // the dense 20,000-term column and Adam, as before
            Result dense = run(split, TextVectorizer.tfidf("text").sublinearTf(true).maxFeatures(MAX_FEATURES).build(),
                    NeuralNetwork.logisticRegression().build(), adam(), "dense, Adam");
            assertThat(dense.accuracy).isGreaterThanOrEqualTo(0.99);
            assertThat(dense.spamF1).isGreaterThanOrEqualTo(0.985);
            if (!SPARSE) {
                return;
            }
            // the sparse column with the whole training vocabulary, same Adam training
            Result sparse = run(split, TextVectorizer.tfidf("text").sublinearTf(true).sparse(true).build(),
                    NeuralNetwork.logisticRegression().build(), adam(), "sparse full vocabulary, Adam");
            assertThat(sparse.accuracy).isGreaterThanOrEqualTo(0.99);
            assertThat(sparse.spamF1).isGreaterThanOrEqualTo(0.985);
            // L-BFGS gathers rows x features doubles on the heap (twice while copying): the full vocabulary
            // would need rows x terms x 8 bytes, so it gets the largest cap that fits the test JVM's heap
            long rows = split.train().rowCount();
            System.out.printf(Locale.ROOT, "L-BFGS over the full vocabulary of %d terms would gather %.1f GB of doubles;"
                    + " the heap is %.1f GB; it runs on at most %d terms%n", sparse.features, rows * (double) sparse.features * 8 / 1e9,
                    Runtime.getRuntime().maxMemory() / 1e9, LBFGS_FEATURES);
            // scikit-learn's C = 10 (peers.md's protocol) is l2 = 1 / (C * rows)
            Result lbfgs = run(split, TextVectorizer.tfidf("text").sublinearTf(true).sparse(true).maxFeatures(LBFGS_FEATURES).build(),
                    NeuralNetwork.logisticRegression().l2(1 / (10.0 * rows)).build(),
                    Trainer.builder().optimizer(Optimizer.lbfgs()).build(), "sparse, L-BFGS C=10");
            assertThat(lbfgs.accuracy).isGreaterThanOrEqualTo(LBFGS_ACCURACY_FLOOR);
            assertThat(lbfgs.spamF1).isGreaterThanOrEqualTo(LBFGS_F1_FLOOR);
        }
    }

    private static Trainer adam() {
        return Trainer.builder().epochs(EPOCHS).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build();
    }

    /** Scores of one vectoriser + model on the split. */
    record Result(int features, double accuracy, double spamF1) {
    }

    private static Result run(Split split, TextVectorizer vectorizer, NeuralNetwork model, Trainer trainer, String name) {
        long t1 = System.nanoTime();
        Transform tfidf = vectorizer.fit(split.train());
        try (Dataset train = tfidf.apply(split.train()); Dataset test = tfidf.apply(split.test())) {
            double vectoriseSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            trainer.fit(model, train);
            double trainSeconds = (System.nanoTime() - t2) / 1e9;
            ClassificationReport report = Evaluator.classification().evaluate(model, test);
            int spam = report.classes().indexOf("spam");
            int features = tfidf.outputSchema(split.train().schema()).column("features").width();
            System.out.println(report);
            System.out.printf(Locale.ROOT, "SpamAssassin (%s): %d train / %d test, %d features; TF-IDF fit + transform %.1f s,"
                            + " training %.1f s; accuracy %.4f, spam F1 %.4f%n", name, train.rowCount(), test.rowCount(), features,
                    vectoriseSeconds, trainSeconds, report.accuracy(), report.f1()[spam]);
            return new Result(features, report.accuracy(), report.f1()[spam]);
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
