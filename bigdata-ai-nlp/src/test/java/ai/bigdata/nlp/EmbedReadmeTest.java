package ai.bigdata.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.nlp.embed.Neighbour;
import ai.bigdata.nlp.embed.SemanticIndex;
import ai.bigdata.nlp.embed.SentenceEmbedding;
import ai.bigdata.nlp.embed.SentenceEncoder;
import ai.bigdata.nlp.vectorize.TextDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the README's sentence-encoder example as written and checks the README shows it. */
@ExtendWith(ArrowLeakCheck.class)
class EmbedReadmeTest {
    @Test
    void readmeEncoderExampleRuns() throws IOException {
        List<String> questions = List.of("How can I get my money back for an order?",
                "How do I change the password of my account?", "Which payment methods do you accept?");
        List<Neighbour> top;
        int width;
        try (Dataset train = TextDatasets.labelled(List.of("win free money", "see you at noon"), List.of("b", "a"),
                List.of("a", "b"))) {
            // README-EMBED-BEGIN
            try (SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2()) {
                float[][] faq = encoder.embedAll(questions);                  // one ONNX Runtime run per 32 texts
                SemanticIndex index = SemanticIndex.of(Arrays.asList(faq), questions);   // ids: the questions
                top = index.search(encoder.embed("I forgot my login password"), 3);       // cosine, best first
            }
            Transform embed = SentenceEmbedding.of("text").output("features").fit(train); // a step for bundles
            try (Dataset features = embed.apply(train)) {                                 // float32 [384] column
                width = features.schema().column("features").width();
            }
            // README-EMBED-END
        }
        assertThat(top.get(0).id()).isEqualTo("How do I change the password of my account?");
        assertThat(width).isEqualTo(384);
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(QuickStartBlocks.block(Path.of("src/test/java/ai/bigdata/nlp/EmbedReadmeTest.java"),
                "README-EMBED"));
    }
}
