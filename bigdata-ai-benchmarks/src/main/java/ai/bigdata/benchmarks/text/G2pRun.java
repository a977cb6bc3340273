package ai.bigdata.benchmarks.text;

import ai.bigdata.benchmarks.BenchData;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.model.Seq2SeqNetwork;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.train.Checkpoints;
import ai.bigdata.core.train.EarlyStopping;
import ai.bigdata.core.train.EpochRecord;
import ai.bigdata.core.train.LearningRateSchedule;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import ai.bigdata.core.train.TrainingListener;
import ai.bigdata.nlp.g2p.CmuDict;
import ai.bigdata.nlp.g2p.CmuDictRead;
import ai.bigdata.nlp.g2p.Pronunciation;
import ai.bigdata.nlp.g2p.PronunciationCodes;
import ai.bigdata.nlp.g2p.PronunciationCoder;
import ai.bigdata.nlp.g2p.Pronunciations;
import ai.bigdata.nlp.g2p.WordSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The full CMUdict grapheme-to-phoneme run (a long job, not a test): the README's split (10 % of the
 * words held out, seed 42), of the 112,504 training words a seeded 2,000 kept aside as validation, the
 * attention encoder-decoder trained on the rest with Adam and a cosine-decayed learning rate, the epoch
 * chosen on the validation words' word error rate (early stopping, patience 3, best epoch restored), then
 * all 12,501 held-out words scored once, greedily and (optionally) by beam search. Checkpoints every
 * epoch: run it again with the same folder and it resumes the last checkpoint exactly; once the run has
 * saved its bundle ({@code g2p.bundle} in that folder), running it again scores the bundle (greedy, and by
 * beam search when {@code beam} is above 1) instead of training.
 *
 * <p>{@code java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... ai.bigdata.benchmarks.text.G2pRun
 * epochs hidden embedding batch learningRate beam [checkpoint folder] [training words]} (defaults 8, 128,
 * 64, 64, 5e-3, 1, {@code target/g2p-checkpoints}, all); the dictionary comes from
 * {@code cmudict/cmudict-0.7b.txt} under {@code -Dbigdata.data} or {@code ../shared/data}.
 */
public final class G2pRun {
    private static final int VALIDATION_WORDS = 2_000;

    private G2pRun() {
    }

    /** Entry point: see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        int epochs = intArg(args, 0, 8);
        int hidden = intArg(args, 1, 128);
        int embedding = intArg(args, 2, 64);
        int batch = intArg(args, 3, 64);
        double learningRate = args.length > 4 ? Double.parseDouble(args[4]) : 5e-3;
        int beam = intArg(args, 5, 1);
        Path folder = Path.of(args.length > 6 ? args[6] : "target/g2p-checkpoints");
        int trainWords = intArg(args, 7, Integer.MAX_VALUE);
        Files.createDirectories(folder);
        long start = System.nanoTime();
        CmuDictRead read = CmuDict.read(BenchData.file("cmudict/cmudict-0.7b.txt"));
        WordSplit split = WordSplit.of(read.entries(), 0.1, 42);
        List<Pronunciation> shuffled = new ArrayList<>(split.train());
        Collections.shuffle(shuffled, new Random(7));
        List<Pronunciation> validation = shuffled.subList(0, VALIDATION_WORDS);
        List<Pronunciation> train = shuffled.subList(VALIDATION_WORDS, (int) Math.min(shuffled.size(), (long) VALIDATION_WORDS + trainWords));
        System.out.printf(Locale.ROOT, "start %s: %,d training, %,d validation, %,d held-out words; %d epochs, hidden %d, "
                + "embedding %d, batch %d, Adam %.1e cosine, beam %d, checkpoints in %s%n", Instant.now(), train.size(),
                validation.size(), split.test().size(), epochs, hidden, embedding, batch, learningRate, beam, folder);
        Path bundle = folder.resolve("g2p.bundle");
        if (Files.exists(bundle)) {
            scoreSaved(bundle, split.test(), beam);
            return;
        }
        try (Dataset rawTrain = Pronunciations.dataset(train); Dataset rawValidation = Pronunciations.dataset(validation);
             Dataset rawTest = Pronunciations.dataset(split.test())) {
            PronunciationCodes codes = PronunciationCoder.of().unknownLettersAsUnknown().fit(rawTrain);
            Seq2SeqNetwork model = Seq2SeqNetwork.attention().sourceVocabulary(codes.sourceVocabulary())
                    .targetVocabulary(codes.targetVocabulary()).embedding(embedding).hidden(hidden).build();
            Trainer trainer = Trainer.builder().epochs(epochs).batchSize(batch).seed(42).clipGradientNorm(5)
                    .optimizer(Optimizer.adam(learningRate).schedule(LearningRateSchedule.cosine(learningRate / 50)))
                    .earlyStopping(EarlyStopping.patience(3).monitor("sequence_error_rate"))
                    .checkpoints(Checkpoints.in(folder).everyEpochs(1).keepLast(2))
                    .listener(new TrainingListener() {
                        @Override
                        public void onEpoch(EpochRecord e, int total) {
                            System.out.printf(Locale.ROOT, "%s epoch %d/%d: train loss %.4f, validation WER %.4f, PER %.4f, %.1f s%n",
                                    Instant.now(), e.epoch(), total, e.trainLoss(), e.validation().get("sequence_error_rate"),
                                    e.validation().get("token_error_rate"), e.seconds());
                        }
                    }).build();
            try (Dataset trainIds = codes.apply(rawTrain); Dataset validationIds = codes.apply(rawValidation);
                 Dataset testIds = codes.apply(rawTest)) {
                Optional<Path> last = Checkpoints.latest(folder);
                TrainingHistory h = last.isPresent() ? trainer.resume(last.get(), model, trainIds, validationIds)
                        : trainer.fit(model, trainIds, validationIds);
                System.out.println("selected epoch " + h.bestEpoch() + " of " + h.epochs().size()
                        + (h.stoppedEarly() ? " (stopped early)" : "") + "; " + model.description());
                ModelBundle.of(codes, model, Pronunciations.spellingSchema()).save(bundle);
                score("greedy", model, testIds);
                if (beam > 1) {
                    score("beam " + beam, model.withBeamWidth(beam), testIds);
                }
            }
        }
        System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Scores the bundle a finished run saved on the held-out words, greedily and with {@code beam} hypotheses. */
    private static void scoreSaved(Path bundle, List<Pronunciation> heldOut, int beam) {
        ModelBundle saved = ModelBundle.load(bundle);
        PronunciationCodes codes = (PronunciationCodes) saved.transform();
        Seq2SeqNetwork model = (Seq2SeqNetwork) saved.model();
        System.out.println("scoring the saved " + model.description());
        try (Dataset raw = Pronunciations.dataset(heldOut); Dataset test = codes.apply(raw)) {
            score("greedy", model, test);
            if (beam > 1) {
                score("beam " + beam, model.withBeamWidth(beam), test);
            }
        }
    }

    private static void score(String decoding, Seq2SeqNetwork model, Dataset test) {
        long t = System.nanoTime();
        SequenceReport report = Evaluator.sequence().batchSize(256).evaluate(model, test);
        System.out.printf(Locale.ROOT, "held-out %s: WER %.4f, PER %.4f on %,d words, scoring %.0f s%n", decoding,
                report.sequenceErrorRate(), report.tokenErrorRate(), report.sequences(), (System.nanoTime() - t) / 1e9);
    }

    private static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
