package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.embed.DocumentVectors;
import ai.bigdata.nlp.embed.DocumentWeighting;
import ai.bigdata.nlp.embed.WordVectors;
import ai.bigdata.nlp.vectorize.TextDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs README's word-vector example as written (on a small generated corpus) and checks the README shows it. */
@ExtendWith(ArrowLeakCheck.class)
class WordVectorsReadmeTest {
    @Test
    void readmeWordVectorExampleRuns() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(i % 2 == 0 ? "cheap offer win cash now claim prize" : "meeting notes agenda minutes team lunch");
            labels.add(i % 2 == 0 ? "b" : "a");
        }
        try (Dataset raw = TextDatasets.labelled(texts, labels, List.of("a", "b")); Dataset data = raw.drop("id");
                Split split = data.split().train(0.8).test(0.2).seed(42).build()) {
            // README-W2V-BEGIN
            WordVectors words = WordVectors.word2vec().dimensions(100).window(5).minCount(5).epochs(5).seed(42).train(split.train(), "text");
            Transform docs = DocumentVectors.of("text", words).weighting(DocumentWeighting.TFIDF).fit(split.train());
            // README-W2V-END
            assertThat(words.size()).isEqualTo(13);
            try (Dataset vectors = docs.apply(split.test())) {
                assertThat(vectors.schema().column("text").width()).isEqualTo(100);
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(QuickStartBlocks.block(Path.of("src/test/java/ai/bigdata/nlp/WordVectorsReadmeTest.java"), "README-W2V"));
    }
}
