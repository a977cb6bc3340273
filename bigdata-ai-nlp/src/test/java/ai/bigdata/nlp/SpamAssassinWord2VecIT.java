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
import ai.bigdata.nlp.embed.DocumentVectors;
import ai.bigdata.nlp.embed.DocumentWeighting;
import ai.bigdata.nlp.embed.WordNeighbour;
import ai.bigdata.nlp.embed.WordVectors;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Word2Vec learned from real mail: skip-gram vectors trained on the training part of the SpamAssassin
 * split (stratified 80/20, seed 42; the test part never seen), then document vectors (the mean, and the
 * TF-IDF-weighted mean) with logistic regression, scored once on the test part. CI runs the bounded
 * version (one epoch of Word2Vec); {@code -Dspam.full=true} is README's row (five epochs).
 */
@ExtendWith(ArrowLeakCheck.class)
class SpamAssassinWord2VecIT {
    private static final boolean FULL = Boolean.getBoolean("spam.full");
    private static final int EPOCHS = FULL ? 5 : 1;

    @Test
    void documentVectorsFromWord2VecClassifyMail() {
        try (CorpusRead read = SpamAssassin.read(SharedData.file("spamassassin/spamassassin.tar.gz"));
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            long t0 = System.nanoTime();
            WordVectors words = WordVectors.word2vec().dimensions(100).window(5).minCount(5).epochs(EPOCHS).seed(42).train(split.train(), "text");
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "Word2Vec on SpamAssassin's training part: %s in %.1f s (%d epochs)%n", words, seconds, EPOCHS);
            for (String w : new String[] {"money", "linux", "free"}) {
                System.out.println(w + ": " + words.nearest(w, 8).stream()
                        .map(n -> String.format(Locale.ROOT, "%s %.2f", n.word(), n.score())).collect(Collectors.joining(", ")));
            }
            assertThat(words.nearest("linux", 20)).extracting(WordNeighbour::word).isNotEmpty();
            double mean = classify(split, DocumentVectors.of("text", words), "mean");
            double tfidf = classify(split, DocumentVectors.of("text", words).weighting(DocumentWeighting.TFIDF), "TF-IDF weighted");
            // the majority class (ham) is 0.69 of the test part
            assertThat(mean).isGreaterThan(FULL ? 0.93 : 0.85);
            assertThat(tfidf).isGreaterThan(FULL ? 0.93 : 0.85);
        }
    }

    private static double classify(Split split, DocumentVectors vectors, String name) {
        Transform docs = vectors.fit(split.train());
        try (Dataset train = docs.apply(split.train()); Dataset test = docs.apply(split.test())) {
            NeuralNetwork model = NeuralNetwork.logisticRegression().build();
            Trainer.builder().epochs(30).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build().fit(model, train);
            ClassificationReport report = Evaluator.classification().evaluate(model, test);
            double f1 = report.f1()[report.classes().indexOf("spam")];
            System.out.printf(Locale.ROOT, "| Word2Vec %d epochs, document vectors (%s), logistic regression | %.4f | %.4f |%n", EPOCHS, name,
                    report.accuracy(), f1);
            return report.accuracy();
        }
    }
}
