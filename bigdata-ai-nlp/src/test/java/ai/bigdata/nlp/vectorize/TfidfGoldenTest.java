package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.SparseVector;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.text.CharNGramTokenizer;
import ai.bigdata.nlp.text.WhitespaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorisers against scikit-learn 1.2.1 on the same pre-tokenised documents (fixture made by
 * {@code src/test/python/tfidf_golden.py}): vocabulary identical, idf and every vector value within 1e-9, the
 * tensor column equal to those values rounded to float32, and a saved and re-loaded transform bit-identical;
 * the same for the sparse output, whose cells hold exactly the dense column's non-zeros.
 */
@ExtendWith(ArrowLeakCheck.class)
class TfidfGoldenTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<JsonNode> cases() throws IOException {
        JsonNode root = fixture();
        List<JsonNode> out = new ArrayList<>();
        root.get("cases").forEach(out::add);
        return out.stream();
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = TfidfGoldenTest.class.getResourceAsStream("/ai/bigdata/nlp/tfidf_golden.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(JsonNode c) throws IOException {
        matches(c, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sparseOutputMatchesScikitLearn(JsonNode c) throws IOException {
        matches(c, true);
    }

    private static void matches(JsonNode c, boolean sparse) throws IOException {
        JsonNode root = fixture();
        List<String> train = strings(root.get("train"));
        List<String> test = strings(root.get("test"));
        TextVectorizer vectorizer = vectorizer(c, sparse);
        try (Dataset trainData = TextDatasets.of(train); Dataset testData = TextDatasets.of(test)) {
            TextVectorTransform t = vectorizer.fit(trainData);
            assertThat(t.width()).isEqualTo(c.get("width").asInt());
            if (c.has("vocabulary")) {
                assertThat(t.vocabulary().terms()).containsExactlyElementsOf(strings(c.get("vocabulary")));
            }
            if (c.has("idf")) {
                double[] idf = t.idf();
                for (int i = 0; i < idf.length; i++) {
                    assertThat(idf[i]).as("idf of '%s'", t.vocabulary().terms().get(i))
                            .isCloseTo(c.get("idf").get(i).asDouble(), within(TOLERANCE));
                }
            }
            TextVectorTransform loaded = (TextVectorTransform) TransformJson.read(TransformJson.write(t));
            check(t, loaded, train, c.get("train_matrix"), trainData);
            check(t, loaded, test, c.get("test_matrix"), testData);
        }
    }

    private static void check(TextVectorTransform t, TextVectorTransform loaded, List<String> docs, JsonNode sparse,
                              Dataset data) {
        double[][] expected = new double[docs.size()][t.width()];
        for (JsonNode e : sparse) {
            expected[e.get(0).asInt()][e.get(1).asInt()] = e.get(2).asDouble();
        }
        List<float[]> column = new ArrayList<>();
        try (Dataset vectors = t.apply(data)) {
            assertThat(vectors.schema().column("features").type()).isEqualTo(t.sparse() ? ColumnType.SPARSE : ColumnType.TENSOR);
            vectors.forEachRow(r -> column.add(t.sparse() ? ((SparseVector) r.get("features")).toDense() : (float[]) r.get("features")));
        }
        for (int d = 0; d < docs.size(); d++) {
            double[] v = t.vector(docs.get(d));
            assertThat(loaded.vector(docs.get(d))).as("re-loaded transform, document %d", d).isEqualTo(v);
            assertThat(loaded.sparseVector(docs.get(d))).as("re-loaded transform, document %d", d)
                    .isEqualTo(t.sparseVector(docs.get(d)));
            for (int j = 0; j < v.length; j++) {
                assertThat(v[j]).as("document %d, column %d", d, j).isCloseTo(expected[d][j], within(TOLERANCE));
                assertThat(column.get(d)[j]).as("tensor column, document %d, column %d", d, j).isEqualTo((float) v[j]);
            }
        }
    }

    private static TextVectorizer vectorizer(JsonNode c, boolean sparse) {
        JsonNode p = c.get("params");
        String kind = c.get("kind").asText();
        TextVectorizer.Builder b = switch (kind) {
            case "tfidf", "tfidf_char_wb" -> TextVectorizer.tfidf("text");
            case "counts" -> TextVectorizer.counts("text");
            case "hashing" -> TextVectorizer.hashing("text", p.get("n_features").asInt());
            default -> throw new IllegalArgumentException(kind);
        };
        if (kind.equals("tfidf_char_wb")) {
            JsonNode r = p.get("ngram_range");
            b.tokenizer(CharNGramTokenizer.of(r.get(0).asInt(), r.get(1).asInt()));
        } else {
            b.tokenizer(WhitespaceTokenizer.instance());
            if (p.has("ngram_range")) {
                b.ngrams(p.get("ngram_range").get(0).asInt(), p.get("ngram_range").get(1).asInt());
            }
        }
        if (p.has("sublinear_tf")) {
            b.sublinearTf(p.get("sublinear_tf").asBoolean());
        }
        if (p.has("smooth_idf")) {
            b.smoothIdf(p.get("smooth_idf").asBoolean());
        }
        if (p.has("norm")) {
            b.norm(p.get("norm").isNull() ? Norm.NONE : Norm.valueOf(p.get("norm").asText().toUpperCase(java.util.Locale.ROOT)));
        }
        if (p.has("binary")) {
            b.binary(p.get("binary").asBoolean());
        }
        if (p.has("min_df")) {
            b.minDocuments(p.get("min_df").asLong());
        }
        if (p.has("max_df")) {
            b.maxDocumentFraction(p.get("max_df").asDouble());
        }
        if (p.has("max_features")) {
            b.maxFeatures(p.get("max_features").asInt());
        }
        return b.sparse(sparse).build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
