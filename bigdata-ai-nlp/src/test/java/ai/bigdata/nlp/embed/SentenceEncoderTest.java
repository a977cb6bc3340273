package ai.bigdata.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encoder against langchain4j's own pipeline for the same model, and its documented behaviour. */
class SentenceEncoderTest {
    static final String GUITAR = "A man is playing a guitar on stage.";
    static final String GUITAR_PARAPHRASE = "Someone performs music with a guitar in front of an audience.";
    static final String PASSWORD = "How do I reset my password?";
    static final String PASSWORD_PARAPHRASE = "What are the steps to change my login password?";
    static final String TAX = "The quarterly tax report is due next Tuesday.";
    static final List<String> SENTENCES = List.of(GUITAR, GUITAR_PARAPHRASE, PASSWORD, PASSWORD_PARAPHRASE, TAX,
            "Où est la gare ?", "I ordered a laptop two weeks ago and it still has not arrived!!!",
            "Refunds are issued to the original payment method within 5-7 business days.");

    static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.allMiniLmL6V2();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void equalsLangchain4jsEmbeddings() {
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        float[][] ours = encoder.embedAll(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] theirs = reference.embed(SENTENCES.get(i)).content().vector();
            assertThat(ours[i]).hasSize(SentenceEncoder.DIMENSION);
            double cosine = dot(ours[i], theirs);
            System.out.printf(Locale.ROOT, "cosine with langchain4j %.7f, max difference %.2e: %s%n", cosine,
                    maxDifference(ours[i], theirs), SENTENCES.get(i));
            assertThat(cosine).as(SENTENCES.get(i)).isGreaterThanOrEqualTo(0.9999);
            assertThat(maxDifference(ours[i], theirs)).as(SENTENCES.get(i)).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedTexts() {
        float[][] v = encoder.embedAll(List.of(GUITAR, GUITAR_PARAPHRASE, PASSWORD, PASSWORD_PARAPHRASE, TAX));
        // golden values of langchain4j's pipeline for this model (feasibility notes): 0.638, -0.052, 0.761, 0.008
        assertThat(dot(v[0], v[1])).isEqualTo(0.638, within(0.001));
        assertThat(dot(v[0], v[4])).isEqualTo(-0.052, within(0.001));
        assertThat(dot(v[2], v[3])).isEqualTo(0.761, within(0.001));
        assertThat(dot(v[2], v[4])).isEqualTo(0.008, within(0.001));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[4]) + 0.5).isGreaterThan(dot(v[0], v[2]) + 0.5);
        assertThat(dot(v[2], v[3])).isGreaterThan(dot(v[2], v[4]) + 0.5).isGreaterThan(dot(v[2], v[1]) + 0.5);
    }

    @Test
    void aBatchEqualsOneTextAtATime() {
        float[][] batch = encoder.embedAll(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] single = encoder.embed(SENTENCES.get(i));
            assertThat(maxDifference(batch[i], single)).as(SENTENCES.get(i)).isLessThanOrEqualTo(1e-5);
            assertThat(Math.sqrt(dot(single, single))).isEqualTo(1.0, within(1e-5));
        }
        // more texts than a batch: several runs, same order, same vectors
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.addAll(SENTENCES);
        }
        try (SentenceEncoder small = SentenceEncoder.allMiniLmL6V2(EncoderSettings.defaults().withBatchSize(3).withThreads(1))) {
            float[][] v = small.embedAll(many);
            for (int i = 0; i < many.size(); i++) {
                assertThat(maxDifference(v[i], batch[i % SENTENCES.size()])).isLessThanOrEqualTo(1e-5);
            }
        }
    }

    @Test
    void threadsMayEmbedAtOnce() throws Exception {
        float[][] expected = encoder.embedAll(SENTENCES);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String s : SENTENCES) {
                    futures.add(pool.submit(() -> encoder.embed(s)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(maxDifference(futures.get(i).get(), expected[i % SENTENCES.size()])).isLessThanOrEqualTo(1e-5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longTextsAreTruncatedToMaxTokens() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("word ");
        }
        String longText = text.toString();
        assertThat(encoder.tokenCount(longText)).isEqualTo(256);
        assertThat(encoder.tokenCount(GUITAR)).isEqualTo(11); // [CLS] a man is playing a guitar on stage . [SEP]
        // what comes after the first 254 pieces has no influence
        float[] cut = encoder.embed(longText);
        float[] longer = encoder.embed(longText + " The quarterly tax report is due next Tuesday.");
        assertThat(maxDifference(cut, longer)).isLessThanOrEqualTo(1e-6);
        try (SentenceEncoder shortOne = SentenceEncoder.allMiniLmL6V2(EncoderSettings.defaults().withMaxTokens(6))) {
            assertThat(shortOne.tokenCount(GUITAR)).isEqualTo(6);
            assertThat(maxDifference(shortOne.embed(GUITAR), encoder.embed("A man is playing"))).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void cuttingLongTextsBeforeTokenisationChangesNoPiece() throws Exception {
        StringBuilder text = new StringBuilder();
        String[] words = {"Caf\u00e9", "na\u00efve\u0301", "\u00a0", "\u0000", "\ufffd", "\u001c", "<b>bold</b>", "e-mail:",
            "x@y.org", "\u4e2d\u6587", "\t\n", "supercalifragilisticexpialidocious", "\u2028", "12,345.67", "\u200b", "!!!"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 3000; i++) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "" : " ");
        }
        String longText = text.toString();
        try (ai.djl.huggingface.tokenizers.HuggingFaceTokenizer whole = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(
                SentenceEncoder.class.getResourceAsStream(SentenceEncoder.TOKENIZER_RESOURCE),
                java.util.Map.of("padding", "false", "truncation", "true", "maxLength", "256"))) {
            for (int start = 0; start < 2000; start += 97) {
                String t = longText.substring(start);
                long[] expected = whole.encode(t).getIds();
                long[] cut = whole.encode(WordPrefix.cut(t, 256)).getIds();
                assertThat(cut).as("from %d", start).containsExactly(expected);
                assertThat(WordPrefix.cut(t, 256).length()).isLessThan(t.length());
            }
        }
        assertThat(WordPrefix.cut("a b c", 5)).isEqualTo("a b c");
        assertThat(WordPrefix.cut("a  b c", 2)).isEqualTo("a  b");
    }

    @Test
    void emptyTextIsClsSepAndNullIsRefused() {
        float[] empty = encoder.embed("");
        assertThat(encoder.tokenCount("")).isEqualTo(2);
        assertThat(maxDifference(empty, encoder.embed("   "))).isLessThanOrEqualTo(1e-6);
        assertThat(Math.sqrt(dot(empty, empty))).isEqualTo(1.0, within(1e-5));
        assertThat(encoder.embedAll(List.of())).isEmpty();
        assertThatThrownBy(() -> encoder.embedAll(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class)
                .hasMessage("text 1 is null");
        assertThatThrownBy(() -> encoder.embed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aClosedEncoderRefusesWork() {
        SentenceEncoder e = SentenceEncoder.allMiniLmL6V2(EncoderSettings.defaults().withThreads(1));
        e.close();
        e.close();
        assertThatThrownBy(() -> e.embed("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> EncoderSettings.defaults().withMaxTokens(513)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncoderSettings.defaults().withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double maxDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
