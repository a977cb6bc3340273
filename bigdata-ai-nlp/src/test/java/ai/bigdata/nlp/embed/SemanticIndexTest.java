package ai.bigdata.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exact cosine top-k: known neighbours, order, ties, typed errors, and retrieval over real embeddings. */
@ExtendWith(ArrowLeakCheck.class)
class SemanticIndexTest {
    @Test
    void findsTheKnownNeighboursInOrder() {
        SemanticIndex index = SemanticIndex.of(List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1},
                new float[] {-1, 0}, new float[] {2, 0}), List.of("east", "north", "north-east", "west", "far east"));
        List<Neighbour> top = index.search(new float[] {3, 1}, 3);
        assertThat(top).extracting(Neighbour::id).containsExactly("east", "far east", "north-east");
        assertThat(top.get(0).score()).isEqualTo(3 / Math.sqrt(10), within(1e-6));
        assertThat(top.get(1).score()).isEqualTo(top.get(0).score(), within(1e-7)); // a tie: the earlier row first
        assertThat(top.get(0).row()).isZero();
        assertThat(top.get(2).score()).isEqualTo(4 / Math.sqrt(20), within(1e-6));
        assertThat(index.search(new float[] {-1, 0}, 10)).hasSize(5).first().extracting(Neighbour::id).isEqualTo("west");
        assertThat(index.search(new float[] {-1, 0}, 10).get(4).score()).isEqualTo(-1, within(1e-6));
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.dimension()).isEqualTo(2);
    }

    @Test
    void refusesBadVectorsWithTypedErrors() {
        SemanticIndex index = SemanticIndex.of(List.of(new float[] {1, 0, 0}));
        assertThatThrownBy(() -> index.search(new float[] {1, 0}, 1)).isInstanceOf(InvalidVectorException.class)
                .hasMessage("query vector: has 2 values, the index has dimension 3");
        assertThatThrownBy(() -> index.search(new float[] {1, Float.NaN, 0}, 1)).isInstanceOf(InvalidVectorException.class)
                .hasMessage("query vector: value 1 is NaN");
        assertThatThrownBy(() -> index.search(new float[3], 1)).isInstanceOf(InvalidVectorException.class)
                .hasMessageContaining("zero");
        assertThatThrownBy(() -> index.search(new float[] {1, 0, 0}, 0)).isInstanceOf(IllegalArgumentException.class);
        InvalidVectorException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidVectorException.class,
                () -> SemanticIndex.of(List.of(new float[] {1, 0}, new float[] {1, 0, 0})));
        assertThat(e.row()).isEqualTo(1);
        assertThat(e).hasMessage("row 1: has 3 values, the index has dimension 2");
        assertThatThrownBy(() -> SemanticIndex.of(List.of(new float[] {1, 0}, new float[] {Float.POSITIVE_INFINITY, 0})))
                .isInstanceOf(InvalidVectorException.class).hasMessage("row 1: value 0 is Infinity");
        assertThatThrownBy(() -> SemanticIndex.of(Arrays.asList(new float[] {1, 0}, null)))
                .isInstanceOf(InvalidVectorException.class).hasMessage("row 1: is null");
        assertThatThrownBy(() -> SemanticIndex.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retrievesTheAnswerToACustomersQuestion() {
        List<String> faq = List.of("How can I get my money back for an order?", "Where is my parcel? Tracking a delivery",
                "How do I change the password of my account?", "Which payment methods do you accept?",
                "Can I change the delivery address after ordering?");
        List<String> questions = List.of("I want a refund", "my package has not arrived yet", "I forgot my login password",
                "can I pay with a credit card or PayPal?", "I moved house, please ship to my new address");
        SentenceEncoder encoder = SharedEncoders.get(EncoderSettings.defaults());
        Schema schema = Schema.of(Column.of("question", ColumnType.TEXT), Column.tensor("embedding", SentenceEncoder.DIMENSION));
        float[][] vectors = encoder.embedAll(faq);
        try (DatasetWriter w = Dataset.writer(schema)) {
            for (int i = 0; i < faq.size(); i++) {
                w.column(0).appendText(faq.get(i));
                w.column(1).appendTensor(vectors[i]);
                w.endRow();
            }
            try (Dataset data = w.build()) {
                SemanticIndex index = SemanticIndex.of(data, "embedding", "question");
                for (int i = 0; i < questions.size(); i++) {
                    List<Neighbour> top = index.search(encoder.embed(questions.get(i)), 2);
                    assertThat(top.get(0).id()).as(questions.get(i)).isEqualTo(faq.get(i));
                    assertThat(top.get(0).row()).isEqualTo(i);
                    assertThat(top.get(0).score()).isGreaterThan(top.get(1).score());
                }
                assertThat(SemanticIndex.of(data, "embedding", null).search(vectors[2], 1).get(0).id()).isEqualTo(2L);
                assertThatThrownBy(() -> SemanticIndex.of(data, "question", null)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not a one-dimensional tensor");
            }
        }
    }
}
