package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.eval.SequenceReport;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The encoder-decoder on a task it must translate, not classify: reverse a sequence of 2 to 5 ids. Trained
 * through {@code Trainer}, scored by {@code Evaluator.sequence()}, decoded greedily and by beam search,
 * bundled and read back.
 */
@ExtendWith(ArrowLeakCheck.class)
class Seq2SeqNetworkTest {
    static final int TIME = Reversals.TIME;
    static final int IDS = Reversals.IDS;
    static final Schema SCHEMA = Reversals.SCHEMA;
    static Seq2SeqNetwork trained;

    static Dataset reversals(int n, long seed) {
        return Reversals.dataset(n, seed);
    }

    /** The whole source column as one batch. */
    static INDArray sources(Dataset d) {
        try (ai.bigdata.core.data.BatchIterator it = d.batches().features("source").label("target").batchSize((int) d.rowCount())
                .build()) {
            return it.next().features().dup();
        }
    }

    @BeforeAll
    static void train() {
        trained = Seq2SeqNetwork.attention().sourceVocabulary(IDS).targetVocabulary(IDS).embedding(16).hidden(32).build();
        try (Dataset train = reversals(1500, 1)) {
            Trainer.builder().epochs(6).batchSize(32).seed(3).optimizer(Optimizer.adam(1e-2)).build().fit(trained, train);
        }
    }

    @Test
    void learnsToReverseFarBelowTheUntrainedError() {
        Seq2SeqNetwork untrained = Seq2SeqNetwork.attention().sourceVocabulary(IDS).targetVocabulary(IDS).embedding(16).hidden(32)
                .build();
        try (Dataset test = reversals(300, 2); Dataset few = reversals(8, 5)) {
            Trainer.builder().epochs(1).batchSize(8).seed(3).optimizer(Optimizer.adam(1e-9)).build().fit(untrained, few);
            SequenceReport before = Evaluator.sequence().evaluate(untrained, test);
            SequenceReport after = Evaluator.sequence().evaluate(trained, test);
            System.out.println("reversal: untrained " + before + "; trained " + after);
            assertThat(before.tokenErrorRate()).isGreaterThan(0.6);
            assertThat(after.tokenErrorRate()).isLessThan(0.15);
            assertThat(after.sequenceErrorRate()).isLessThan(0.4);
            assertThat(Evaluator.any().evaluate(trained, test)).isInstanceOf(SequenceReport.class);
            SequenceReport beam = Evaluator.sequence().evaluate(trained.withBeamWidth(3), test);
            System.out.println("reversal, beam 3: " + beam);
            assertThat(beam.tokenErrorRate()).isLessThan(0.15);
        }
    }

    @Test
    void greedyDecodingAgreesWithTheTeacherForcedPassOverItsOwnOutput() {
        try (Dataset test = reversals(64, 9)) {
            INDArray source = sources(test);
            INDArray decoded = trained.output(source);
            // feed the decoded ids back as the decoder's input: at every position up to the end the argmax must be the id decoded
            float[][] ids = decoded.toFloatMatrix();
            float[][] decoderIn = new float[ids.length][TIME];
            for (int r = 0; r < ids.length; r++) {
                decoderIn[r][0] = IDS;
                for (int t = 1; t < TIME; t++) {
                    decoderIn[r][t] = ids[r][t - 1];
                }
            }
            INDArray out = trained.graph().output(false, new INDArray[] {source, Nd4j.createFromArray(decoderIn)},
                    new INDArray[] {TokenIds.paddingMask(source), Nd4j.ones(ids.length, TIME)})[0];
            for (int r = 0; r < ids.length; r++) {
                for (int t = 0; t < TIME; t++) {
                    assertThat(out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(r), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0)).as("row %d step %d", r, t)
                            .isEqualTo((int) ids[r][t]);
                    if (ids[r][t] == 0) {
                        break;
                    }
                }
            }
        }
    }

    @Test
    void paddingAndBatchMatesChangeNothing() {
        try (Dataset test = reversals(40, 11)) {
            INDArray source = sources(test);
            INDArray decoder = Nd4j.zeros(source.size(0), TIME).addi(IDS);
            INDArray batchOut = trained.graph().output(false, new INDArray[] {source, decoder},
                    new INDArray[] {TokenIds.paddingMask(source), Nd4j.ones(source.size(0), TIME)})[0];
            double worst = 0;
            for (int r = 0; r < source.size(0); r++) {
                INDArray one = Seq2SeqBatch.trimmed(source.getRow(r, true));
                INDArray out = trained.graph().output(false, new INDArray[] {one, decoder.getRow(r, true)},
                        new INDArray[] {TokenIds.paddingMask(one), Nd4j.ones(1, TIME)})[0];
                worst = Math.max(worst, Math.abs(out.sub(batchOut.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(r, r + 1),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all())).maxNumber().doubleValue()));
                worst = Math.max(worst, Math.abs(out.sub(batchOut.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(r, r + 1),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all())).minNumber().doubleValue()));
                assertThat(trained.output(source.getRow(r, true))).as("row %d", r).isEqualTo(trained.output(source).getRow(r, true));
            }
            System.out.println("largest difference alone vs in a padded batch: " + worst);
            assertThat(worst).isLessThan(1e-5);
        }
    }

    @Test
    void aBundleReadsBackWithIdenticalPredictions(@TempDir Path dir) {
        try (Dataset test = reversals(50, 4)) {
            ModelBundle.of(Preprocessor.identity().fit(test), trained.withBeamWidth(2), SCHEMA).save(dir.resolve("rev.bundle"));
            ModelBundle loaded = ModelBundle.load(dir.resolve("rev.bundle"));
            assertThat(loaded.model()).isInstanceOf(Seq2SeqNetwork.class);
            assertThat(((Seq2SeqNetwork) loaded.model()).beamWidth()).isEqualTo(2);
            INDArray source = sources(test);
            assertThat(loaded.model().output(source)).isEqualTo(trained.withBeamWidth(2).output(source));
        }
    }

    @Test
    void validationReportsSequenceErrorRates() {
        Seq2SeqNetwork net = Seq2SeqNetwork.attention().sourceVocabulary(IDS).targetVocabulary(IDS).embedding(8).hidden(8).build();
        try (Dataset train = reversals(64, 21); Dataset validation = reversals(32, 22)) {
            ai.bigdata.core.train.TrainingHistory h = Trainer.builder().epochs(1).batchSize(32).seed(3).optimizer(Optimizer.adam(1e-2))
                    .build().fit(net, train, validation);
            java.util.Map<String, Double> v = h.epochs().get(0).validation();
            assertThat(v).containsKeys("loss", "sequence_error_rate", "token_error_rate").doesNotContainKey("mse");
            assertThat(v.get("loss")).isEqualTo(v.get("token_error_rate")).isGreaterThan(0);
        }
    }

    @Test
    void aSourceIdOutsideTheVocabularyIsNamed() {
        INDArray bad = Nd4j.createFromArray(new float[][] {{1, 2, 0, 0, 0}, {3, IDS, 0, 0, 0}});
        assertThatThrownBy(() -> trained.output(bad)).isInstanceOf(InvalidTokenIdException.class)
                .hasMessageContaining("column 'source', row 1 of the batch, position 1");
    }
}
