package ai.bigdata.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Transformer encoder on a small generated task (are most tokens high ids?): the same
 * seed gives the same parameters bit for bit, padding is masked (trailing padding and a longer padded
 * column change nothing beyond float rounding), it survives write and read unchanged, and bad ids are
 * typed errors before native code. A 3,000-id vocabulary trains: a used id's embedding row moves, the
 * padding row and an unused id's row do not. That it learns the task is {@code TransformerEncoderIT}'s (about 2 minutes on 2 cores).
 */
@ExtendWith(ArrowLeakCheck.class)
class TransformerEncoderTest {
    static final int TIME = 12;

    static NeuralNetwork small() {
        return NeuralNetwork.transformer().vocabulary(TokenSequences.VOCABULARY).width(16).heads(2).blocks(1).build();
    }

    static Trainer trainer(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(16).seed(7).optimizer(Optimizer.adam(3e-3)).build();
    }

    @Test
    void theSameSeedGivesTheSameParameters() {
        try (Dataset train = TokenSequences.dataset(64, TIME, 1)) {
            NeuralNetwork a = small();
            trainer(1).fit(a, train);
            NeuralNetwork b = small();
            trainer(1).fit(b, train);
            assertThat(b.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
            NeuralNetwork c = small();
            Trainer.builder().epochs(1).batchSize(16).seed(8).optimizer(Optimizer.adam(3e-3)).build().fit(c, train);
            assertThat(c.parameters().toFloatVector()).isNotEqualTo(a.parameters().toFloatVector());
        }
    }

    @Test
    void aLargeVocabularyTrainsAndItsEmbeddingRowsLearn() {
        // ids spread over a 3,000-id table: the backward pass of the embedding lookup once failed here in DL4J M2.1
        int vocabulary = 3_000;
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        java.util.Random rnd = new java.util.Random(11);
        for (Map<String, Object> r : TokenSequences.rows(32, TIME, 9)) {
            float[] ids = ((float[]) r.get("tokens")).clone();
            for (int t = 0; t < ids.length; t++) {
                if (ids[t] != 0) {
                    ids[t] = 1 + rnd.nextInt(vocabulary - 1);
                }
            }
            rows.add(Map.of("tokens", ids));
        }
        float[] used = new float[TIME];
        used[0] = vocabulary - 1;
        used[1] = 1;
        rows.set(0, Map.of("tokens", used));
        try (Dataset train = TokenSequences.of(rows, TIME)) {
            NeuralNetwork a = NeuralNetwork.transformer().vocabulary(vocabulary).width(8).heads(2).blocks(1).build();
            trainer(1).fit(a, train);
            NeuralNetwork b = NeuralNetwork.transformer().vocabulary(vocabulary).width(8).heads(2).blocks(1).build();
            trainer(2).fit(b, train);
            float[] once = a.parameters().toFloatVector();
            float[] twice = b.parameters().toFloatVector();
            assertThat(twice).hasSameSizeAs(once);
            // the embedding table [vocabulary, width] comes first in the parameters, row by row: the same seed starts both
            // alike, so the second epoch moved the row of the last id (used) and left the padding row and an unused id alone
            int width = 8;
            int last = (vocabulary - 1) * width;
            assertThat(java.util.Arrays.copyOfRange(twice, last, last + width))
                    .isNotEqualTo(java.util.Arrays.copyOfRange(once, last, last + width));
            assertThat(java.util.Arrays.copyOfRange(twice, 0, width))
                    .containsExactly(java.util.Arrays.copyOfRange(once, 0, width));
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            rows.forEach(r -> {
                for (float id : (float[]) r.get("tokens")) {
                    seen.add((int) id);
                }
            });
            int unused = 2;
            while (seen.contains(unused)) {
                unused++;
            }
            assertThat(java.util.Arrays.copyOfRange(twice, unused * width, (unused + 1) * width))
                    .containsExactly(java.util.Arrays.copyOfRange(once, unused * width, (unused + 1) * width));
            for (float[] row : b.output(ids(rows, TIME)).toFloatMatrix()) {
                for (float v : row) {
                    assertThat(v).isFinite();
                }
            }
        }
    }

    @Test
    void paddingIsMaskedEverywhere() {
        try (Dataset train = TokenSequences.dataset(48, TIME, 3)) {
            NeuralNetwork a = small();
            trainer(1).fit(a, train);
            List<Map<String, Object>> rows = TokenSequences.rows(16, TIME, 4);
            INDArray x = ids(rows, TIME);
            INDArray out = a.output(x);
            // the same rows padded to a longer column: a network of the same parameters built for 20 positions
            NeuralNetwork longer = small();
            try (Dataset longTrain = TokenSequences.dataset(16, 20, 5)) {
                trainer(1).fit(longer, longTrain);
            }
            longer.setParameters(a.parameters());
            assertClose(longer.output(ids(rows, 20)), out);
            // one row alone gives what it gives in the batch, and so does a row that is all padding but one token
            assertClose(a.output(x.getRow(3, true)), out.getRow(3, true));
            INDArray one = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, TIME);
            one.putScalar(0, 0, 5);
            INDArray oneLonger = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 20);
            oneLonger.putScalar(0, 0, 5);
            assertClose(longer.output(oneLonger), a.output(one));
        }
    }

    @Test
    void writeAndReadGiveTheSameOutputs() throws Exception {
        try (Dataset train = TokenSequences.dataset(48, TIME, 3)) {
            NeuralNetwork a = NeuralNetwork.transformer().vocabulary(TokenSequences.VOCABULARY).width(8).heads(2).blocks(2)
                    .positions(TransformerEncoder.Positions.LEARNED).activation(TransformerEncoder.FeedForwardActivation.RELU).build();
            trainer(1).fit(a, train);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.write(bytes, true);
            Network b = Network.read(a.family(), a.kind(), a.description(), a.signature(), new ByteArrayInputStream(bytes.toByteArray()),
                    true);
            INDArray x = ids(TokenSequences.rows(16, TIME, 4), TIME);
            assertThat(b.output(x).toFloatMatrix()).isDeepEqualTo(a.output(x).toFloatMatrix());
            assertThat(b.parameters().toFloatVector()).containsExactly(a.parameters().toFloatVector());
        }
    }

    @Test
    void aBadIdIsATypedErrorNamingTheColumnRowAndPosition() {
        try (Dataset train = TokenSequences.dataset(16, TIME, 3)) {
            NeuralNetwork a = small();
            trainer(1).fit(a, train);
            for (float bad : new float[] {TokenSequences.VOCABULARY, -1, 2.5f, 1e9f, Float.NaN}) {
                INDArray x = ids(TokenSequences.rows(4, TIME, 4), TIME);
                x.putScalar(2, 5, bad);
                assertThatThrownBy(() -> a.output(x)).isInstanceOfSatisfying(InvalidTokenIdException.class, e -> {
                    assertThat(e.column()).isEqualTo("tokens");
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.position()).isEqualTo(5);
                }).hasMessageStartingWith("column 'tokens', row 2 of the batch, position 5: token id ");
            }
        }
    }

    @Test
    void aBadIdInTheTrainingDataStopsTrainingBeforeNativeCode() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(TokenSequences.rows(40, TIME, 6));
        float[] hostile = new float[TIME];
        hostile[0] = 3;
        hostile[1] = TokenSequences.VOCABULARY;
        rows.set(0, Map.of("tokens", hostile));
        try (Dataset train = TokenSequences.of(rows, TIME)) {
            NeuralNetwork a = small();
            assertThatThrownBy(() -> Trainer.builder().epochs(1).batchSize(8).seed(7).build().fit(a, train))
                    .isInstanceOf(InvalidTokenIdException.class)
                    .hasMessageStartingWith("column 'tokens', row ")
                    .hasMessageEndingWith(" of the batch, position 1: token id 20.0 is outside the vocabulary [0, 20)");
        }
    }

    @Test
    void theBuilderRefusesWhatItCannotBuild() {
        assertThatThrownBy(() -> NeuralNetwork.transformer().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vocabulary(size)");
        assertThatThrownBy(() -> NeuralNetwork.transformer().vocabulary(10).width(10).heads(4).build())
                .hasMessage("4 heads do not divide the width 10");
        assertThatThrownBy(() -> NeuralNetwork.transformer().vocabulary(1)).isInstanceOf(IllegalArgumentException.class);
        try (Dataset wrong = ai.bigdata.core.data.Dataset.builder(ai.bigdata.core.data.Schema.of(
                ai.bigdata.core.data.Column.tensor("tokens", 3, 2),
                ai.bigdata.core.data.Column.categorical("label", ai.bigdata.core.data.ColumnRole.LABEL, TokenSequences.CLASSES)))
                .add(new float[6], "no").add(new float[6], "yes").build()) {
            assertThatThrownBy(() -> trainer(1).fit(small(), wrong)).isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("shaped [time]");
        }
    }

    static INDArray ids(List<Map<String, Object>> rows, int time) {
        float[][] x = new float[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = TokenSequences.padded((float[]) rows.get(i).get("tokens"), time);
        }
        return Nd4j.createFromArray(x);
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        float[][] a = actual.toFloatMatrix();
        float[][] e = expected.toFloatMatrix();
        assertThat(a.length).isEqualTo(e.length);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertThat(a[i][j]).as("row %d, output %d", i, j).isCloseTo(e[i][j], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
