package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.nlp.g2p.CmuDict;
import ai.bigdata.nlp.g2p.CmuDictRead;
import ai.bigdata.nlp.g2p.Pronouncer;
import ai.bigdata.nlp.g2p.PronunciationCodes;
import ai.bigdata.nlp.g2p.PronunciationCoder;
import ai.bigdata.nlp.g2p.Pronunciations;
import ai.bigdata.nlp.g2p.WordSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the README's grapheme-to-phoneme example as written, on 26 real cmudict lines (so it needs no shared
 * data; 40 one-batch epochs, so the phonemes are poor: the path is checked, not the quality) and checks the README shows it.
 */
@ExtendWith(ArrowLeakCheck.class)
class G2pReadmeTest {
    static final String LINES = ";;; 26 lines of cmudict-0.7b\nAA  EY2 EY1\nABBS  AE1 B Z\nADID  AH0 D IH1 D\nAIDS  EY1 D Z\n"
            + "ASSIST  AH0 S IH1 S T\nBABB  B AE1 B\nBAGGS  B AE1 G Z\nBASTA  B AE1 S T AH0\nBIB  B IH1 B\nBISIG  B IH1 S IH0 G\n"
            + "DADS  D AE1 D Z\nDATAS  D EY1 T AH0 Z\nDIG  D IH1 G\nGA  G AA1\nGAIT  G EY1 T\nGIG  G IH1 G\nIDA  AY1 D AH0\n"
            + "IDA(1)  IY1 D AH0\nSAAB  S AA1 B\nSAG  S AE1 G\nSAT  S AE1 T\nSIS  S IH1 S\nSTABS  S T AE1 B Z\nSTATS  S T AE1 T S\n"
            + "TAG  T AE1 G\nTI  T IY1\nTITS  T IH1 T S\n";

    @Test
    void readmeG2pExampleRuns() throws IOException {
        Path dir = Path.of("target", "readme-g2p");
        Files.createDirectories(dir);
        Path dictFile = dir.resolve("cmudict-sample.txt");
        Files.writeString(dictFile, LINES, StandardCharsets.ISO_8859_1);
        Path bundleFile = dir.resolve("g2p.bundle");
        int epochs = 40;                  // 23 training words: one batch an epoch
        SequenceReport report;
        // README-G2P-BEGIN
        CmuDictRead dict = CmuDict.read(dictFile);                   // first pronunciation of each word, stress stripped
        WordSplit split = WordSplit.of(dict.entries(), 0.1, 42);     // 10% of the words held out, by spelling
        split.write(dictFile.resolveSibling("cmudict-split.tsv"));   // the word list that rebuilds the split
        try (Dataset rawTrain = Pronunciations.dataset(split.train()); Dataset rawTest = Pronunciations.dataset(split.test())) {
            PronunciationCodes codes = PronunciationCoder.of().unknownLettersAsUnknown().fit(rawTrain);
            Seq2SeqNetwork model = Seq2SeqNetwork.attention().sourceVocabulary(codes.sourceVocabulary())
                    .targetVocabulary(codes.targetVocabulary()).embedding(32).hidden(64).beamWidth(1).build();
            try (Dataset train = codes.apply(rawTrain); Dataset test = codes.apply(rawTest)) {
                Trainer.builder().epochs(epochs).batchSize(64).optimizer(Optimizer.adam(1e-2)).clipGradientNorm(5).seed(42)
                        .build().fit(model, train);
                report = Evaluator.sequence().evaluate(model, test);    // WER: sequenceErrorRate(), PER: tokenErrorRate()
            }
            ModelBundle.of(codes, model, Pronunciations.spellingSchema()).metrics("held-out", report).save(bundleFile);
        }
        List<String> phonemes = Pronouncer.load(bundleFile).pronounce("bigdata");     // ARPAbet, e.g. [B, IH, G, ...]
        // README-G2P-END
        assertThat(dict.entries()).hasSize(26);
        assertThat(dict.alternatesSkipped()).isEqualTo(1);
        assertThat(split.test()).hasSize(3);
        assertThat(report.sequences()).isEqualTo(3);
        assertThat(phonemes).isNotEmpty().allMatch(p -> CmuDict.VOWELS.contains(p) || CmuDict.CONSONANTS.contains(p));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(QuickStartBlocks.block(Path.of("src/test/java/ai/bigdata/nlp/G2pReadmeTest.java"), "README-G2P"));
    }
}
