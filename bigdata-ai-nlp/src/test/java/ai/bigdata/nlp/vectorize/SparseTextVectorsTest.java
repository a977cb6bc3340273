package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.SparseVector;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.text.WhitespaceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vectorisers' sparse output: the same numbers as the dense tensor column (its non-zeros, exactly),
 * empty documents and unknown terms as empty entries, null texts refused, no vocabulary cap by default,
 * saved and loaded through the transform's JSON.
 */
@ExtendWith(ArrowLeakCheck.class)
class SparseTextVectorsTest {
    private static final List<String> DOCS = List.of("b a a c", "c d", "a e e e", "d a", "f g h i j k l m n o p");

    private static List<TextVectorizer.Builder> builders() {
        return List.of(
                TextVectorizer.tfidf("text").tokenizer(WhitespaceTokenizer.instance()).sublinearTf(true).ngrams(1, 2),
                TextVectorizer.tfidf("text").tokenizer(WhitespaceTokenizer.instance()).norm(Norm.L1).binary(true),
                TextVectorizer.counts("text").tokenizer(WhitespaceTokenizer.instance()),
                // 3 columns for 16 distinct terms: many terms share a column, their signs add up or cancel
                TextVectorizer.hashing("text", 3).tokenizer(WhitespaceTokenizer.instance()).norm(Norm.NONE),
                TextVectorizer.hashing("text", 3).tokenizer(WhitespaceTokenizer.instance()).binary(true));
    }

    private static List<Object> cells(Transform t, Dataset d) {
        List<Object> out = new ArrayList<>();
        try (Dataset v = t.apply(d)) {
            v.forEachRow(r -> out.add(r.get("features")));
        }
        return out;
    }

    @Test
    void sparseCellsAreTheDenseColumnsNonZeros() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            for (TextVectorizer.Builder b : builders()) {
                TextVectorTransform dense = b.sparse(false).build().fit(d);
                TextVectorTransform sparse = b.sparse(true).build().fit(d);
                assertThat(sparse.outputSchema(d.schema()).column("features"))
                        .isEqualTo(Column.sparse("features", dense.width()).withRole(ColumnRole.FEATURE));
                List<Object> denseCells = cells(dense, d);
                List<Object> sparseCells = cells(sparse, d);
                for (int row = 0; row < DOCS.size(); row++) {
                    float[] f = (float[]) denseCells.get(row);
                    int[] nonZero = IntStream.range(0, f.length).filter(i -> f[i] != 0).toArray();
                    float[] values = new float[nonZero.length];
                    for (int k = 0; k < nonZero.length; k++) {
                        values[k] = f[nonZero[k]];
                    }
                    assertThat(sparseCells.get(row)).as("%s, row %d", sparse, row)
                            .isEqualTo(new SparseVector(f.length, nonZero, values));
                    assertThat(sparse.vector(DOCS.get(row))).isEqualTo(dense.vector(DOCS.get(row)));
                }
            }
        }
    }

    @Test
    void exactValuesOfASmallTfidf() {
        try (Dataset d = TextDatasets.of(List.of("a b", "a"))) {
            TextVectorTransform t = TextVectorizer.tfidf("text").tokenizer(WhitespaceTokenizer.instance()).sparse(true).build().fit(d);
            // idf(a) = ln(3/3) + 1 = 1, idf(b) = ln(3/2) + 1; l2 norm
            double b = Math.log(1.5) + 1;
            double len = Math.sqrt(1 + b * b);
            assertThat(cells(t, d)).containsExactly(new SparseVector(2, new int[] {0, 1}, new float[] {(float) (1 / len), (float) (b / len)}),
                    new SparseVector(2, new int[] {0}, new float[] {1f}));
        }
    }

    @Test
    void emptyDocumentsAndUnknownTermsGiveEmptyOrShorterVectors() {
        try (Dataset train = TextDatasets.of(DOCS); Dataset test = TextDatasets.of(List.of("", "   ", "zz yy", "a zz", "A"))) {
            for (TextVectorizer.Builder b : List.of(TextVectorizer.tfidf("text"), TextVectorizer.counts("text"))) {
                TextVectorTransform t = b.tokenizer(WhitespaceTokenizer.instance()).sparse(true).build().fit(train);
                int a = t.vocabulary().indexOf("a");
                assertThat(cells(t, test)).containsExactly(
                        new SparseVector(t.width(), new int[0], new float[0]),      // empty text
                        new SparseVector(t.width(), new int[0], new float[0]),      // no tokens
                        new SparseVector(t.width(), new int[0], new float[0]),      // only terms outside the vocabulary
                        new SparseVector(t.width(), new int[] {a}, new float[] {1f}), // the unknown term ignored (l2 of one term: 1)
                        new SparseVector(t.width(), new int[0], new float[0]));     // case is the tokenizer's: 'A' is not 'a'
            }
            TextVectorTransform h = TextVectorizer.hashing("text", 1 << 20).tokenizer(WhitespaceTokenizer.instance()).sparse(true).build()
                    .fit(train);
            assertThat(cells(h, test).get(0)).isEqualTo(new SparseVector(1 << 20, new int[0], new float[0]));
        }
    }

    @Test
    void aNullTextIsRefusedNamingColumnAndRow() {
        List<String> withNull = new ArrayList<>(DOCS);
        withNull.add(3, null);
        try (Dataset d = TextDatasets.of(withNull); Dataset clean = TextDatasets.of(DOCS)) {
            TextVectorizer v = TextVectorizer.tfidf("text").tokenizer(WhitespaceTokenizer.instance()).sparse(true).build();
            assertThatThrownBy(() -> v.fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 'text'").hasMessageContaining("row 3 is null");
            Transform t = v.fit(clean);
            assertThatThrownBy(() -> t.apply(d).close()).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 'text'").hasMessageContaining("row 3 is null");
            Transform h = TextVectorizer.hashing("text", 8).sparse(true).build().fit(clean);
            assertThatThrownBy(() -> h.apply(d).close()).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("row 3 is null");
        }
    }

    @Test
    void sparseOutputHasNoVocabularyCapUnlessAsked() {
        String many = IntStream.range(0, TextVectorizer.DEFAULT_MAX_FEATURES + 5).mapToObj(i -> "t" + i)
                .collect(Collectors.joining(" "));
        try (Dataset d = TextDatasets.of(List.of(many))) {
            TextVectorizer.Builder b = TextVectorizer.counts("text").tokenizer(WhitespaceTokenizer.instance());
            assertThat(b.sparse(false).build().fit(d).width()).isEqualTo(TextVectorizer.DEFAULT_MAX_FEATURES);
            assertThat(b.sparse(true).build().fit(d).width()).isEqualTo(TextVectorizer.DEFAULT_MAX_FEATURES + 5);
            assertThat(b.sparse(true).maxFeatures(7).build().fit(d).width()).isEqualTo(7);
        }
    }

    @Test
    void savesAndLoadsAsSparseAndOldSavesLoadAsDense() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            for (TextVectorizer.Builder b : builders()) {
                Transform t = b.sparse(true).build().fit(d);
                String json = TransformJson.write(t);
                assertThat(json).contains("\"sparse\" : true");
                Transform loaded = TransformJson.read(json);
                assertThat(TransformJson.write(loaded)).isEqualTo(json);
                assertThat(cells(loaded, d)).isEqualTo(cells(t, d));
                // saved before the sparse option existed: no "sparse" parameter, a dense output as then
                Transform old = TransformJson.read(json.replaceFirst(",\\s*\"sparse\" : true", ""));
                assertThat(((TextVectorTransform) old).sparse()).isFalse();
                assertThat(cells(old, d).get(0)).isInstanceOf(float[].class);
            }
        }
    }
}
