package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Golden ids of the token-sequence vectoriser (vocabulary by count, ties by code point, ids 0 padding
 * and 1 unknown, minimum count, maximum size, truncation) and its JSON round trip.
 */
@ExtendWith(ArrowLeakCheck.class)
class TokenSequenceVectorizerTest {
    private static final List<String> TEXTS = List.of("the cat sat", "the dog sat down", "The cat ran", "a bird");

    @Test
    void idsFollowCountsThenCodePointsWithPaddingAndUnknown() {
        try (Dataset d = TextDatasets.of(TEXTS)) {
            TokenSequenceTransform t = TokenSequenceVectorizer.of("text", 4).build().fit(d);
            // counts: the 3, cat 2, sat 2, then a bird dog down ran once each (code point order)
            assertThat(t.tokens()).containsExactly("the", "cat", "sat", "a", "bird", "dog", "down", "ran");
            assertThat(t.vocabularySize()).isEqualTo(10);
            assertThat(t.ids("the cat sat")).containsExactly(2, 3, 4, 0);
            assertThat(t.ids("the dog sat down on the mat")).containsExactly(2, 7, 4, 8);
            assertThat(t.ids("zebra cat")).containsExactly(1, 3, 0, 0);
            assertThat(t.ids("")).containsExactly(0, 0, 0, 0);

            TokenSequenceTransform frequent = TokenSequenceVectorizer.of("text", 3).minCount(2).build().fit(d);
            assertThat(frequent.tokens()).containsExactly("the", "cat", "sat");
            assertThat(frequent.ids("a cat")).containsExactly(1, 3, 0);
            TokenSequenceTransform small = TokenSequenceVectorizer.of("text", 3).maxSize(2).build().fit(d);
            assertThat(small.tokens()).containsExactly("the", "cat");
            assertThat(small.vocabularySize()).isEqualTo(4);
        }
    }

    @Test
    void applyWritesAFloatTensorColumnOfIdsAndJsonRoundTripsBitIdentical() {
        try (Dataset d = TextDatasets.of(TEXTS)) {
            TokenSequenceTransform t = TokenSequenceVectorizer.of("text", 5).output("ids").build().fit(d);
            try (Dataset out = t.apply(d)) {
                assertThat(out.schema().column("ids").shape()).containsExactly(5);
                float[][] rows = new float[4][];
                int[] i = {0};
                out.forEachRow(r -> rows[i[0]++] = (float[]) r.get("ids"));
                assertThat(rows[1]).containsExactly(t.ids(TEXTS.get(1)));
                String json = TransformJson.write(t);
                Transform back = TransformJson.read(json);
                assertThat(TransformJson.write(back)).isEqualTo(json);
                try (Dataset again = back.apply(d)) {
                    float[][] rows2 = new float[4][];
                    int[] j = {0};
                    again.forEachRow(r -> rows2[j[0]++] = (float[]) r.get("ids"));
                    assertThat(Arrays.deepEquals(rows2, rows)).isTrue();
                }
            }
        }
    }

    @Test
    void badInputIsATypedErrorNamingTheColumn() {
        try (Dataset d = TextDatasets.of(TEXTS)) {
            assertThatThrownBy(() -> TokenSequenceVectorizer.of("body", 4).build().fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("body");
            assertThatThrownBy(() -> TokenSequenceVectorizer.of("text", 4).minCount(5).build().fit(d))
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("no token occurs 5 times");
            assertThatThrownBy(() -> TokenSequenceVectorizer.of("text", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
