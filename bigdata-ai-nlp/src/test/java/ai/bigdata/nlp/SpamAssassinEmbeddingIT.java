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
import ai.bigdata.nlp.embed.EncoderSettings;
import ai.bigdata.nlp.embed.SentenceEmbedding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A classifier head on frozen all-MiniLM-L6-v2 embeddings, the library's answer to fine-tuning a pretrained
 * language model: SpamAssassin read and split as in {@link SpamAssassinIT} (stratified 80/20, seed 42),
 * each e-mail embedded from its first {@code spam.embedTokens} word pieces, then logistic regression
 * trained by core's {@code Trainer} (Adam, then L-BFGS) and scored by core's {@code Evaluator}.
 * {@code -Dspam.embedFraction=f} embeds a stratified part f of both parts (seed 42) instead of all.
 */
@ExtendWith(ArrowLeakCheck.class)
class SpamAssassinEmbeddingIT {
    static final double FRACTION = Double.parseDouble(System.getProperty("spam.embedFraction", "0.25"));
    static final int TOKENS = Integer.getInteger("spam.embedTokens", 128);
    static final int EPOCHS = Integer.getInteger("spam.embedEpochs", 30);

    @Test
    void logisticRegressionOnSentenceEmbeddings() throws IOException {
        Path archive = SharedData.file("spamassassin/spamassassin.tar.gz");
        long t0 = System.nanoTime();
        try (CorpusRead read = SpamAssassin.read(archive);
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            assertThat(split.train().rowCount()).isEqualTo(4834);
            assertThat(split.test().rowCount()).isEqualTo(1208);
            System.out.printf(Locale.ROOT, "SpamAssassin: read and split %.1f s%n", (System.nanoTime() - t0) / 1e9);
            if (FRACTION < 1) {
                try (Split trainPart = part(split.train()); Split testPart = part(split.test())) {
                    run(trainPart.train(), testPart.train());
                }
            } else {
                run(split.train(), split.test());
            }
        }
    }

    private static Split part(Dataset data) {
        return data.split().train(FRACTION).test(1 - FRACTION).stratifyBy("label").seed(42).build();
    }

    private static void run(Dataset trainText, Dataset testText) {
        long t1 = System.nanoTime();
        Transform embed = SentenceEmbedding.of("text").output("features")
                .settings(EncoderSettings.defaults().withMaxTokens(TOKENS)).fit(trainText);
        try (Dataset train = embed.apply(trainText); Dataset test = embed.apply(testText)) {
            double seconds = (System.nanoTime() - t1) / 1e9;
            long rows = train.rowCount() + test.rowCount();
            System.out.printf(Locale.ROOT, "embedded %d e-mails (%d word pieces at most) in %.1f s, %.1f ms per e-mail%n",
                    rows, TOKENS, seconds, seconds * 1000 / rows);
            double[] adam = score(train, test, NeuralNetwork.logisticRegression().build(),
                    Trainer.builder().epochs(EPOCHS).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build(),
                    "Adam 1e-2, batch 32, " + EPOCHS + " epochs");
            double[] lbfgs = score(train, test, NeuralNetwork.logisticRegression().l2(1 / (10.0 * train.rowCount())).build(),
                    Trainer.builder().optimizer(Optimizer.lbfgs()).build(), "L-BFGS, C=10");
            // well above the majority class (ham, 0.69), well below TF-IDF (0.995): see README
            for (double[] result : new double[][] {adam, lbfgs}) {
                assertThat(result[0]).isGreaterThanOrEqualTo(0.85);
                assertThat(result[1]).isGreaterThanOrEqualTo(0.75);
            }
        }
    }

    private static double[] score(Dataset train, Dataset test, NeuralNetwork model, Trainer trainer, String name) {
        long t = System.nanoTime();
        trainer.fit(model, train);
        double seconds = (System.nanoTime() - t) / 1e9;
        ClassificationReport report = Evaluator.classification().evaluate(model, test);
        int spam = report.classes().indexOf("spam");
        System.out.println(report);
        System.out.printf(Locale.ROOT, "SpamAssassin, MiniLM embeddings + logistic regression (%s): %d train / %d test;"
                + " training %.1f s; accuracy %.4f, spam F1 %.4f%n", name, train.rowCount(), test.rowCount(), seconds,
                report.accuracy(), report.f1()[spam]);
        return new double[] {report.accuracy(), report.f1()[spam]};
    }
}
