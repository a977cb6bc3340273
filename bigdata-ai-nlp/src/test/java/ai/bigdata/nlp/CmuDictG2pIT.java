package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.EditDistance;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingListener;
import ai.bigdata.nlp.g2p.CmuDict;
import ai.bigdata.nlp.g2p.CmuDictRead;
import ai.bigdata.nlp.g2p.Pronouncer;
import ai.bigdata.nlp.g2p.Pronunciation;
import ai.bigdata.nlp.g2p.PronunciationCodes;
import ai.bigdata.nlp.g2p.PronunciationCoder;
import ai.bigdata.nlp.g2p.Pronunciations;
import ai.bigdata.nlp.g2p.WordSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grapheme-to-phoneme on CMUdict 0.7b (issue 13): the dictionary read with the default policies (first
 * pronunciation, stress stripped: 39 phonemes), 10 % of the words held out with seed 42 (the list is
 * written to {@code target/cmudict-split.tsv}), the encoder-decoder with attention trained through core's
 * {@code Trainer}, scored by {@code Evaluator.sequence()} (word and phoneme error rates), bundled, read back
 * and served by a {@link Pronouncer}.
 *
 * <p>Bounded by default (a few minutes on two busy cores): {@code g2p.trainWords} training words (default
 * 8,000 of the 112,504), {@code g2p.epochs} (default 2), scored on {@code g2p.testWords}
 * (default 1,000, a seeded sample) held-out words, greedy. Its floor is relative to a trivial baseline computed here (each
 * letter read as its most frequent phoneme, from training words as long as their pronunciation): the
 * phoneme error rate must be at most 60 % of the baseline's, which an untrained or broken model does not
 * reach. {@code -Dg2p.full=true} trains on every training word and scores every held-out word, with the
 * sizes and epochs given.
 */
@ExtendWith(ArrowLeakCheck.class)
class CmuDictG2pIT {
    static final boolean FULL = Boolean.getBoolean("g2p.full");
    static final int TRAIN_WORDS = Integer.getInteger("g2p.trainWords", FULL ? Integer.MAX_VALUE : 8_000);
    static final int TEST_WORDS = Integer.getInteger("g2p.testWords", FULL ? Integer.MAX_VALUE : 1_000);
    static final int EPOCHS = Integer.getInteger("g2p.epochs", 2);
    static final int HIDDEN = Integer.getInteger("g2p.hidden", 64);
    static final int EMBEDDING = Integer.getInteger("g2p.embedding", 32);
    static final int BEAM = Integer.getInteger("g2p.beam", 1);
    static final double LEARNING_RATE = Double.parseDouble(System.getProperty("g2p.learningRate", "1e-2"));
    static final int BATCH = Integer.getInteger("g2p.batch", 64);

    @Test
    void translatesHeldOutSpellingsIntoPhonemes() throws Exception {
        Path file = SharedData.file("cmudict/cmudict-0.7b.txt");
        CmuDictRead read = CmuDict.read(file);
        System.out.println("CMUdict: " + read);
        assertThat(read.entries().size()).isEqualTo(125_005);
        WordSplit split = WordSplit.of(read.entries(), 0.1, 42);
        Path target = Path.of("target");
        Files.createDirectories(target);
        split.write(target.resolve("cmudict-split.tsv"));
        assertThat(split.test().size()).isEqualTo(12_501);   // round(0.1 x 125,005 words)
        List<Pronunciation> train = head(shuffled(split.train(), 7), TRAIN_WORDS);
        List<Pronunciation> test = head(shuffled(split.test(), 11), TEST_WORDS);
        System.out.printf(Locale.ROOT, "training on %,d words, scoring %,d held-out words%n", train.size(), test.size());

        Seq2SeqNetwork model;
        PronunciationCodes codes;
        double baseline;
        SequenceReport report;
        long t0 = System.nanoTime();
        try (Dataset rawTrain = Pronunciations.dataset(train); Dataset rawTest = Pronunciations.dataset(test)) {
            codes = PronunciationCoder.of().unknownLettersAsUnknown().fit(rawTrain);
            model = Seq2SeqNetwork.attention().sourceVocabulary(codes.sourceVocabulary()).targetVocabulary(codes.targetVocabulary())
                    .embedding(EMBEDDING).hidden(HIDDEN).beamWidth(BEAM).build();
            try (Dataset trainIds = codes.apply(rawTrain); Dataset testIds = codes.apply(rawTest)) {
                Trainer.builder().epochs(EPOCHS).batchSize(BATCH).seed(42).optimizer(Optimizer.adam(LEARNING_RATE)).clipGradientNorm(5)
                        .listener(new TrainingListener() {
                            @Override
                            public void onEpoch(EpochRecord r, int epochs) {
                                System.out.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, %.0f s%n", r.epoch(), epochs, r.trainLoss(),
                                        r.seconds());
                            }
                        }).build().fit(model, trainIds);
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                report = Evaluator.sequence().batchSize(256).evaluate(model, testIds);
                System.out.printf(Locale.ROOT, "%s; WER %.4f, PER %.4f; training %.0f s, scoring %.0f s (%s)%n", model.description(),
                        report.sequenceErrorRate(), report.tokenErrorRate(), trainSeconds, (System.nanoTime() - t1) / 1e9, report);
            }
            baseline = letterBaseline(train, test);
            System.out.printf(Locale.ROOT, "trivial baseline (most frequent phoneme per letter): PER %.4f%n", baseline);
        }
        assertThat(report.sequences()).isEqualTo(test.size());
        assertThat(report.tokenErrorRate()).isLessThan(0.6 * baseline);

        Path bundle = target.resolve("cmudict-g2p.bundle");
        ModelBundle.of(codes, model, Pronunciations.spellingSchema()).metrics("held-out", report).save(bundle);
        Pronouncer pronouncer = Pronouncer.load(bundle);
        List<String> words = test.stream().limit(20).map(Pronunciation::word).toList();
        List<List<String>> served = pronouncer.pronounceAll(words);
        for (int i = 0; i < words.size(); i++) {
            float[] ids = codes.letterIds(words.get(i));
            double[] direct = model.output(org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {ids})).toDoubleVector();
            assertThat(served.get(i)).as(words.get(i)).isEqualTo(codes.phonemes(direct));
            System.out.println(words.get(i) + " -> " + String.join(" ", served.get(i)) + "   (dictionary: "
                    + test.get(i).phonemeText() + ")");
        }
    }

    /**
     * The phoneme error rate of reading each letter as its most frequent phoneme, learnt from the training
     * words whose pronunciation has as many phonemes as the word has letters (aligned one to one).
     */
    static double letterBaseline(List<Pronunciation> train, List<Pronunciation> test) {
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (Pronunciation p : train) {
            int[] letters = p.word().codePoints().toArray();
            if (letters.length == p.phonemes().size()) {
                for (int i = 0; i < letters.length; i++) {
                    counts.computeIfAbsent(letters[i], k -> new HashMap<>()).merge(p.phonemes().get(i), 1, Integer::sum);
                }
            }
        }
        long edits = 0;
        long tokens = 0;
        for (Pronunciation p : test) {
            List<String> guess = new ArrayList<>();
            p.word().codePoints().forEach(cp -> {
                Map<String, Integer> c = counts.get(cp);
                if (c != null) {
                    guess.add(Collections.max(c.entrySet(), Map.Entry.comparingByValue()).getKey());
                }
            });
            edits += levenshtein(p.phonemes(), guess);
            tokens += p.phonemes().size();
        }
        return (double) edits / tokens;
    }

    static int levenshtein(List<String> reference, List<String> guess) {
        List<String> symbols = new ArrayList<>(reference);
        symbols.addAll(guess);
        List<String> distinct = symbols.stream().distinct().toList();
        return EditDistance.between(reference.stream().mapToInt(distinct::indexOf).toArray(),
                guess.stream().mapToInt(distinct::indexOf).toArray());
    }

    static <T> List<T> shuffled(List<T> list, long seed) {
        List<T> out = new ArrayList<>(list);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    static <T> List<T> head(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
