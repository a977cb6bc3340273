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
import ai.bigdata.nlp.text.BpeTokenizer;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.text.WordTokenizer;
import ai.bigdata.nlp.vectorize.TextVectorizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subword tokenizer learned from real mail: byte-pair merges trained on the training part of
 * SpamAssassin (the stratified 80/20 split, seed 42), then TF-IDF over the pieces and logistic
 * regression, scored once on the test part. It also measures what subwords are for: the share of test
 * tokens that the training vocabulary has never seen, as words and as pieces.
 */
@ExtendWith(ArrowLeakCheck.class)
class SpamAssassinSubwordIT {
    static final int MERGES = Integer.getInteger("spam.bpeMerges", 8000);

    @Test
    void subwordTfidfClassifiesMailAndLeavesAlmostNoUnseenTokens() throws IOException {
        Path archive = SharedData.file("spamassassin/spamassassin.tar.gz");
        try (CorpusRead read = SpamAssassin.read(archive);
             Split split = read.dataset().split().train(0.8).test(0.2).stratifyBy("label").seed(42).build()) {
            long t0 = System.nanoTime();
            BpeTokenizer bpe = BpeTokenizer.trainer().merges(MERGES).train(split.train(), "text");
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(bpe.mergeCount()).isEqualTo(MERGES);

            Tokenizer words = WordTokenizer.standard();
            double wordsUnseen = unseenShare(words, split.train(), split.test());
            double piecesUnseen = unseenShare(bpe, split.train(), split.test());
            System.out.printf(Locale.ROOT, "SpamAssassin BPE: %d merges learned in %.1f s; test tokens unseen in training:"
                    + " words %.2f%%, pieces %.3f%%%n", bpe.mergeCount(), trainSeconds, 100 * wordsUnseen, 100 * piecesUnseen);
            assertThat(piecesUnseen).isLessThan(wordsUnseen / 10);

            long t1 = System.nanoTime();
            Transform tfidf = TextVectorizer.tfidf("text").tokenizer(bpe).sublinearTf(true).sparse(true).build().fit(split.train());
            try (Dataset train = tfidf.apply(split.train()); Dataset test = tfidf.apply(split.test())) {
                NeuralNetwork model = NeuralNetwork.logisticRegression().build();
                Trainer.builder().epochs(10).batchSize(32).optimizer(Optimizer.adam(1e-2)).seed(42).build().fit(model, train);
                ClassificationReport report = Evaluator.classification().evaluate(model, test);
                int spam = report.classes().indexOf("spam");
                int features = tfidf.outputSchema(split.train().schema()).column("features").width();
                System.out.println(report);
                System.out.printf(Locale.ROOT, "SpamAssassin (BPE %d merges, sparse TF-IDF, Adam): %d pieces; vectorise + train %.1f s;"
                                + " accuracy %.4f, spam F1 %.4f%n", MERGES, features, (System.nanoTime() - t1) / 1e9,
                        report.accuracy(), report.f1()[spam]);
                assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.985);
                assertThat(report.f1()[spam]).isGreaterThanOrEqualTo(0.975);
            }
        }
    }

    /** The share of the test part's tokens that never occur in the training part. */
    private static double unseenShare(Tokenizer tokenizer, Dataset train, Dataset test) {
        Set<String> seen = new HashSet<>();
        train.forEachRow(r -> seen.addAll(tokenizer.tokens(r.getString("text"))));
        long[] counts = new long[2];
        test.forEachRow(r -> tokenizer.tokens(r.getString("text")).forEach(t -> {
            counts[0]++;
            counts[1] += seen.contains(t) ? 0 : 1;
        }));
        return (double) counts[1] / counts[0];
    }
}
