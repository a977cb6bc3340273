package ai.bigdata.nlp.g2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grapheme-to-phoneme path end to end on a made-up spelling system (so it needs no shared data):
 * codes, training through core's {@code Trainer}, {@code Evaluator.sequence()}, a bundle read back with
 * identical predictions, and the {@link Pronouncer} serving spellings.
 */
@ExtendWith(ArrowLeakCheck.class)
class G2pBundleTest {
    /** Letter to phonemes of the made-up language; "X" is two phonemes, "H" is silent after "C" ("CH" is one). */
    static final Map<String, String> SOUNDS = Map.of("B", "B", "D", "D", "K", "K", "A", "AE", "E", "IY", "O", "OW", "X", "K S",
            "C", "K");
    static PronunciationCodes codes;
    static Seq2SeqNetwork model;

    static List<Pronunciation> words(int n, long seed) {
        Random rnd = new Random(seed);
        String letters = "BDKAEOXC";
        List<Pronunciation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            List<String> ph = new ArrayList<>();
            int length = 2 + rnd.nextInt(5);
            for (int j = 0; j < length; j++) {
                String l = String.valueOf(letters.charAt(rnd.nextInt(letters.length())));
                if (l.equals("C") && rnd.nextBoolean()) {
                    w.append("CH");
                    ph.add("CH");
                    continue;
                }
                w.append(l);
                ph.addAll(List.of(SOUNDS.get(l).split(" ")));
            }
            out.add(new Pronunciation(w.toString(), ph, i + 1));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        try (Dataset raw = Pronunciations.dataset(words(1500, 1))) {
            codes = PronunciationCoder.of().maxLetters(12).maxPhonemes(16).fit(raw);
            model = Seq2SeqNetwork.attention().sourceVocabulary(codes.sourceVocabulary()).targetVocabulary(codes.targetVocabulary())
                    .embedding(16).hidden(32).beamWidth(2).build();
            try (Dataset train = codes.apply(raw)) {
                Trainer.builder().epochs(8).batchSize(32).seed(5).optimizer(Optimizer.adam(1e-2)).build().fit(model, train);
            }
        }
    }

    @Test
    void codesTheLettersAndPhonemesItWasFittedOn() {
        assertThat(codes.letters()).containsExactly("A", "B", "C", "D", "E", "H", "K", "O", "X");
        assertThat(codes.phonemes()).containsExactly("AE", "B", "CH", "D", "IY", "K", "OW", "S");
        assertThat(codes.sourceVocabulary()).isEqualTo(11);
        assertThat(codes.targetVocabulary()).isEqualTo(9);
        assertThat(codes.letterIds("bad")).startsWith(3f, 2f, 5f, 0f);          // upper-cased: B=3, A=2, D=5
        assertThat(codes.phonemes(new double[] {6, 1, 4, 0, 2})).containsExactly("K", "AE", "D");
    }

    @Test
    void learnsTheSpellingSystemAndServesItFromABundle(@TempDir Path dir) {
        try (Dataset rawTest = Pronunciations.dataset(words(200, 2)); Dataset test = codes.apply(rawTest)) {
            SequenceReport report = Evaluator.sequence().evaluate(model, test);
            System.out.println("made-up spellings: " + report);
            assertThat(report.tokenErrorRate()).isLessThan(0.1);
            ModelBundle.of(codes, model, Pronunciations.spellingSchema()).metrics("test", report).save(dir.resolve("g2p.bundle"));
            ModelBundle loaded = ModelBundle.load(dir.resolve("g2p.bundle"));
            assertThat(Evaluator.sequence().evaluate(loaded.model(), test).edits()).isEqualTo(report.edits());
            assertThat(loaded.model().output(batch(test))).isEqualTo(model.output(batch(test)));
        }
        Pronouncer pronouncer = Pronouncer.load(dir.resolve("g2p.bundle"));
        List<String> spellings = List.of("BOX", "BAD", "KEECH", "DOCK");
        List<List<String>> served = pronouncer.pronounceAll(spellings);
        for (int i = 0; i < spellings.size(); i++) {
            // the served answer is the in-memory model's, read through the codes
            float[] ids = codes.letterIds(spellings.get(i));
            double[] direct = model.output(org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {ids})).toDoubleVector();
            assertThat(served.get(i)).isEqualTo(codes.phonemes(direct)).isEqualTo(pronouncer.pronounce(spellings.get(i).toLowerCase()));
        }
        assertThat(served.get(1)).containsExactly("B", "AE", "D");
        assertThatThrownBy(() -> pronouncer.pronounce("bz")).isInstanceOfSatisfying(UncodableSymbolException.class, e -> {
            assertThat(e.column()).isEqualTo("word");
            assertThat(e.position()).isEqualTo(1);
            assertThat(e.getMessage()).contains("'Z', which the model was not trained on");
        });
        assertThatThrownBy(() -> pronouncer.pronounce("BADBADBADBADB")).isInstanceOf(UncodableSymbolException.class)
                .hasMessageContaining("has 13 letters; the column holds 12");
    }

    private static org.nd4j.linalg.api.ndarray.INDArray batch(Dataset test) {
        try (ai.bigdata.core.data.BatchIterator it = test.batches().features("letter_ids").label("phoneme_ids").batchSize(64).build()) {
            return it.next().features().dup();
        }
    }
}
