package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.text.BpeTokenizer;
import ai.bigdata.nlp.vectorize.TextDatasets;
import ai.bigdata.nlp.vectorize.TextVectorizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs README's subword example as written (on a small generated corpus) and checks the README shows it. */
@ExtendWith(ArrowLeakCheck.class)
class BpeReadmeTest {
    @Test
    void readmeSubwordExampleRuns() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(i % 2 == 0 ? "winning offers for free winners " + i : "meetings and minutes of meeting " + i);
            labels.add(i % 2 == 0 ? "b" : "a");
        }
        try (Dataset raw = TextDatasets.labelled(texts, labels, List.of("a", "b")); Dataset data = raw.drop("id");
                Split split = data.split().train(0.8).test(0.2).seed(42).build()) {
            // README-BPE-BEGIN
            BpeTokenizer bpe = BpeTokenizer.trainer().merges(8000).train(split.train(), "text"); // or any Iterable<String>
            Transform tfidf = TextVectorizer.tfidf("text").tokenizer(bpe).sublinearTf(true).sparse(true).build().fit(split.train());
            // README-BPE-END
            assertThat(bpe.tokens("winnings")).containsExactly("winning", "##s");
            try (Dataset vectors = tfidf.apply(split.test())) {
                assertThat(vectors.rowCount()).isEqualTo(split.test().rowCount());
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(QuickStartBlocks.block(Path.of("src/test/java/ai/bigdata/nlp/BpeReadmeTest.java"), "README-BPE"));
    }
}
