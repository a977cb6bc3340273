package ai.bigdata.nlp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.InvalidTokenIdException;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.prep.Preprocessor;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.train.Optimizer;
import ai.bigdata.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The text classifiers on a generated task over token ids 2..19 (0 padding): label b when id 5 occurs, texts of
 * 1 to 8 tokens padded to 8. Each learns it, ignores padding, refuses bad ids and round-trips through a bundle.
 */
@ExtendWith(ArrowLeakCheck.class)
class TextClassifiersTest {
    private static final int TIME = 8;
    private static final int VOCABULARY = 20;
    private static final Schema SCHEMA = Schema.of(Column.tensor("ids", TIME), Column.categorical("label", ColumnRole.LABEL, List.of("a", "b")));

    @TempDir
    Path dir;

    static Dataset task(int rows, long seed) {
        Random rnd = new Random(seed);
        Dataset.RowsBuilder b = Dataset.builder(SCHEMA);
        for (int r = 0; r < rows; r++) {
            float[] ids = new float[TIME];
            int length = 1 + rnd.nextInt(TIME);
            boolean five = false;
            for (int t = 0; t < length; t++) {
                ids[t] = 2 + rnd.nextInt(VOCABULARY - 2);
                five |= ids[t] == 5;
            }
            b.add(ids, five ? "b" : "a");
        }
        return b.build();
    }

    private static Trainer trainer(int epochs) {
        return Trainer.builder().epochs(epochs).batchSize(32).seed(3).optimizer(Optimizer.adam(0.02)).build();
    }

    @Test
    void everyClassifierLearnsTheTask() {
        try (Dataset train = task(400, 1); Dataset test = task(300, 2)) {
            for (NeuralNetwork net : List.of(TextClassifiers.embeddingBag().vocabulary(VOCABULARY).width(16).build(),
                    TextClassifiers.textCnn().vocabulary(VOCABULARY).width(16).filters(16).kernel(2).dropout(0).build(),
                    TextClassifiers.biLstm().vocabulary(VOCABULARY).width(16).hidden(8).build())) {
                trainer(10).fit(net, train);
                double accuracy = Evaluator.classification().withoutCurves().evaluate(net, test).accuracy();
                assertThat(accuracy).as(net.description()).isGreaterThan(0.9);
            }
        }
    }

    @Test
    void theEmbeddingBagAveragesOnlyRealTokens() {
        try (Dataset train = task(200, 1)) {
            NeuralNetwork bag = TextClassifiers.embeddingBag().vocabulary(VOCABULARY).width(4).build();
            trainer(2).fit(bag, train);
            INDArray embedding = bag.network().getLayer(0).getParam("W");       // [vocabulary, width]
            INDArray w = bag.network().getLayer(2).getParam("W");               // [width, 2]
            INDArray bias = bag.network().getLayer(2).getParam("b");
            float[] ids = {3, 7, 0, 0, 0, 0, 0, 0};
            INDArray mean = embedding.getRow(3).add(embedding.getRow(7)).div(2).reshape(1, 4);
            INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.softmax(mean.mmul(w).addRowVector(bias));
            INDArray out = bag.output(Nd4j.createFromArray(new float[][] {ids}));
            assertThat(out.toFloatMatrix()[0]).containsExactly(expected.toFloatMatrix()[0], org.assertj.core.data.Offset.offset(1e-6f));
            // a text of padding only: the padding embedding, not NaN
            INDArray empty = bag.output(Nd4j.createFromArray(new float[][] {new float[TIME]}));
            assertThat(empty.toFloatVector()).doesNotContain(Float.NaN);
        }
    }

    @Test
    void badIdsAndOtherColumnsAreRefusedByName() {
        try (Dataset train = task(64, 1)) {
            NeuralNetwork cnn = TextClassifiers.textCnn().vocabulary(VOCABULARY).width(8).filters(4).build();
            trainer(1).fit(cnn, train);
            float[] bad = {3, 25, 0, 0, 0, 0, 0, 0};
            assertThatThrownBy(() -> cnn.output(Nd4j.createFromArray(new float[][] {bad}))).isInstanceOf(InvalidTokenIdException.class)
                    .hasMessageContaining("ids").hasMessageContaining("position 1");
            assertThat(TextClassifiers.biLstm().build().isInitialised()).isFalse();
            assertThatThrownBy(() -> trainer(1).fit(TextClassifiers.biLstm().build(), train)).hasMessageContaining("vocabulary(size)");
            assertThatThrownBy(() -> TextClassifiers.embeddingBag().width(0)).hasMessageContaining("width");
            assertThatThrownBy(() -> TextClassifiers.textCnn().dropout(1)).hasMessageContaining("dropout");
            try (Dataset two = Dataset.builder(Schema.of(Column.tensor("ids", 2, 4), Column.categorical("label", ColumnRole.LABEL,
                    List.of("a", "b")))).add(new float[8], "a").build()) {
                assertThatThrownBy(() -> trainer(1).fit(TextClassifiers.embeddingBag().vocabulary(5).build(), two))
                        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("[time]");
            }
        }
    }

    @Test
    void aTextClassifierBundlesAndAnswersTheSame() {
        try (Dataset train = task(200, 1)) {
            NeuralNetwork lstm = TextClassifiers.biLstm().vocabulary(VOCABULARY).width(8).hidden(4).build();
            trainer(2).fit(lstm, train);
            Path file = dir.resolve("lstm.bundle");
            ModelBundle.of(Preprocessor.identity().fit(train), lstm, SCHEMA).save(file);
            ai.bigdata.core.model.Network back = ModelBundle.load(file).model();
            assertThat(back.description()).startsWith("bidirectional LSTM");
            try (BatchIterator it = train.batches().features("ids").batchSize(50).build()) {
                INDArray x = it.next().features();
                assertThat(back.output(x).toFloatMatrix()).isEqualTo(lstm.output(x).toFloatMatrix());
            }
        }
    }
}
