package ai.bigdata.nlp.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.text.WhitespaceTokenizer;
import ai.bigdata.nlp.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class TextVectorizerTest {
    private static final List<String> DOCS = List.of("b a a c", "c d", "a e e e", "d a");

    private static TextVectorizer.Builder counts() {
        return TextVectorizer.counts("text").tokenizer(WhitespaceTokenizer.instance());
    }

    @Test
    void vocabularyIsSortedWithDocumentFrequencies() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            Vocabulary v = counts().build().fit(d).vocabulary();
            assertThat(v.terms()).containsExactly("a", "b", "c", "d", "e");
            assertThat(new long[] {v.documentFrequency(0), v.documentFrequency(1), v.documentFrequency(4)})
                    .containsExactly(3, 1, 1);
            assertThat(v.documents()).isEqualTo(4);
            assertThat(v.indexOf("e")).isEqualTo(4);
            assertThat(v.indexOf("zzz")).isEqualTo(-1);
        }
    }

    @Test
    void minDocumentsAndMaxDocumentFraction() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            // document counts: a 3, b 1, c 2, d 2, e 1
            assertThat(counts().minDocuments(2).build().fit(d).vocabulary().terms()).containsExactly("a", "c", "d");
            assertThat(counts().maxDocumentFraction(0.5).build().fit(d).vocabulary().terms())
                    .containsExactly("b", "c", "d", "e");
        }
    }

    @Test
    void maxFeaturesKeepsTheMostFrequentAndBreaksTiesByTermOrder() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            // totals: a 4, e 3, c 2, d 2, b 1: the cut at 3 falls in the c/d tie, c comes first
            assertThat(counts().maxFeatures(3).build().fit(d).vocabulary().terms()).containsExactly("a", "c", "e");
            assertThat(counts().maxFeatures(1).build().fit(d).vocabulary().terms()).containsExactly("a");
        }
    }

    @Test
    void tiesFollowCodePointOrderNotUtf16Order() {
        // U+FF21 sorts after U+1D518 in UTF-16 units (surrogate D835 < FF21) but before it by code point (Python)
        try (Dataset d = TextDatasets.of(List.of("\uff21 \ud835\udd18"))) {
            assertThat(counts().maxFeatures(1).build().fit(d).vocabulary().terms()).containsExactly("\uff21");
        }
    }

    @Test
    void noTermLeftIsAnError() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            assertThatThrownBy(() -> counts().minDocuments(5).build().fit(d))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no term is left");
        }
    }

    @Test
    void countsByDefaultAreRawAndUnnormalised() {
        try (Dataset d = TextDatasets.of(DOCS)) {
            TextVectorTransform t = counts().build().fit(d);
            assertThat(t.vector("a a b zzz e")).containsExactly(2, 1, 0, 0, 1);
            assertThat(counts().binary(true).build().fit(d).vector("a a b")).containsExactly(1, 1, 0, 0, 0);
        }
    }

    @Test
    void applyReplacesTheTextColumnAndCopiesTheOthers() {
        try (Dataset d = TextDatasets.labelled(DOCS, List.of("a", "b", "b", "a"))) {
            Transform t = TextVectorizer.tfidf("text").tokenizer(WhitespaceTokenizer.instance()).output("tfidf").build().fit(d);
            try (Dataset out = t.apply(d)) {
                assertThat(out.schema().names()).containsExactly("id", "tfidf", "label");
                assertThat(out.schema().column("tfidf").type()).isEqualTo(ColumnType.TENSOR);
                assertThat(out.schema().column("tfidf").width()).isEqualTo(5);
                assertThat(out.schema().column("label").categories()).containsExactly("a", "b");
                assertThat(out.schema()).isEqualTo(t.outputSchema(d.schema()));
                List<String> rows = new ArrayList<>();
                out.forEachRow(r -> rows.add(r.getString("id") + " " + r.getString("label") + " "
                        + Arrays.toString((float[]) r.get("tfidf"))));
                assertThat(rows).hasSize(4);
                assertThat(rows.get(1)).startsWith("doc1 b [0.0, 0.0, 0.7071").contains("0.7071");
            }
        }
    }

    @Test
    void aNullTextIsAnErrorNamingColumnAndRow() {
        List<String> withNull = new ArrayList<>(DOCS);
        withNull.add(2, null);
        try (Dataset d = TextDatasets.of(withNull); Dataset clean = TextDatasets.of(DOCS)) {
            assertThatThrownBy(() -> counts().build().fit(d)).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 'text'").hasMessageContaining("row 2 is null");
            Transform t = counts().build().fit(clean);
            assertThatThrownBy(() -> t.apply(d).close()).isInstanceOf(PreprocessingException.class)
                    .hasMessageContaining("column 'text'").hasMessageContaining("row 2 is null");
        }
    }

    @Test
    void wrongColumnsAreNamed() {
        try (Dataset d = TextDatasets.labelled(DOCS, List.of("a", "b", "b", "a"))) {
            assertThatThrownBy(() -> TextVectorizer.tfidf("body").build().fit(d))
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("'body'").hasMessageContaining("no such column");
            assertThatThrownBy(() -> TextVectorizer.tfidf("label").build().fit(d))
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("CATEGORICAL, not TEXT");
            assertThatThrownBy(() -> TextVectorizer.tfidf("text").output("id").build().fit(d))
                    .isInstanceOf(PreprocessingException.class).hasMessageContaining("already exists");
        }
    }

    @Test
    void widthsAreChecked() {
        assertThatThrownBy(() -> TextVectorizer.tfidf("text").maxFeatures(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of features must be in [1, 2147483647], got 0");
        // a dense output is bounded by core's tensor cell limit when built; a sparse one is not
        assertThatThrownBy(() -> TextVectorizer.tfidf("text").maxFeatures(TextVectorizer.MAX_WIDTH + 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("number of features must be in [1, "
                        + TextVectorizer.MAX_WIDTH + "] for a dense output (a sparse one, Builder.sparse(true), allows more), got "
                        + (TextVectorizer.MAX_WIDTH + 1));
        assertThatThrownBy(() -> TextVectorizer.hashing("text", TextVectorizer.MAX_WIDTH + 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of hashed columns must be in [1, "
                        + TextVectorizer.MAX_WIDTH + "] for a dense output");
        assertThatThrownBy(() -> TextVectorizer.hashing("text", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of hashed columns must be in [1, 2147483647], got 0");
        TextVectorizer.tfidf("text").maxFeatures(TextVectorizer.MAX_WIDTH + 1).sparse(true).build();
        assertThat((long) TextVectorizer.MAX_WIDTH * Float.BYTES).isLessThanOrEqualTo(ai.bigdata.core.data.DatasetWriter.MAX_TENSOR_CELL_BYTES);
    }

    @Test
    void fittedVectorisersSaveAndLoadInPipelines() {
        try (Dataset d = TextDatasets.labelled(List.of("Free money at www.win.biz now!", "Meeting at 10:30, café?",
                "FREE café money", "see you"), List.of("a", "b", "a", "b"))) {
            for (TextVectorizer v : List.of(
                    TextVectorizer.tfidf("text").sublinearTf(true).ngrams(1, 2).build(),
                    TextVectorizer.counts("text").tokenizer(WordTokenizer.builder().normaliseUrls(false).build()).build(),
                    TextVectorizer.hashing("text", 16).build())) {
                Transform fitted = Pipeline.of(v).fit(d);
                String json = TransformJson.write(fitted);
                Transform loaded = TransformJson.read(json);
                assertThat(TransformJson.write(loaded)).isEqualTo(json);
                try (Dataset a = fitted.apply(d); Dataset b = loaded.apply(d)) {
                    List<String> ra = new ArrayList<>();
                    List<String> rb = new ArrayList<>();
                    a.forEachRow(r -> ra.add(Arrays.toString((float[]) r.get("features"))));
                    b.forEachRow(r -> rb.add(Arrays.toString((float[]) r.get("features"))));
                    assertThat(rb).isEqualTo(ra);
                }
            }
        }
    }

    @Test
    void damagedSavedParametersAreNamed() {
        String json;
        try (Dataset d = TextDatasets.of(DOCS)) {
            json = TransformJson.write(counts().build().fit(d));
        }
        assertThatThrownBy(() -> TransformJson.read(json.replace("\"documentFrequencies\"", "\"x\"")))
                .hasMessageContaining("'documentFrequencies' is missing");
        String swapped = json.replaceFirst("\"a\"(\\s*),(\\s*)\"b\"", "\"b\"$1,$2\"a\"");
        assertThat(swapped).isNotEqualTo(json);
        assertThatThrownBy(() -> TransformJson.read(swapped))
                .hasMessageContaining("not sorted");
    }
}
