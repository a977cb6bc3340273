package ai.bigdata.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
    /** Sennrich et al.'s example: low x5, lower x2, newest x6, widest x3. */
    private static List<String> toyCorpus() {
        List<String> texts = new ArrayList<>();
        texts.addAll(Collections.nCopies(5, "low"));
        texts.addAll(Collections.nCopies(2, "lower"));
        texts.addAll(Collections.nCopies(6, "newest"));
        texts.addAll(Collections.nCopies(3, "widest"));
        return texts;
    }

    private static List<String> merges(BpeTokenizer t) {
        List<String> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<List<String>> m = (List<List<String>>) t.parameters().get("merges");
        m.forEach(p -> out.add(p.get(0) + "+" + p.get(1)));
        return out;
    }

    /**
     * Worked by hand: pair counts e+s 9, s+t 9 (tie: "e" first), then es+t 9, l+o 7 and o+w 7 (tie: "l"
     * first), lo+w 7, then e+w, n+e and w+est at 6 ("e" first), ew+est 6, n+ewest 6, and the count-3 and
     * count-2 chains of widest and lower.
     */
    @Test
    void learnsTheMergesWorkedOutByHand() {
        BpeTokenizer t = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(100).train(toyCorpus());
        assertThat(merges(t)).containsExactly("e+s", "es+t", "l+o", "lo+w", "e+w", "ew+est", "n+ewest", "d+est", "i+dest",
                "w+idest", "e+r", "low+er");
        assertThat(t.tokens("newest widest lower low")).containsExactly("newest", "widest", "lower", "low");
    }

    @Test
    void unseenWordsComeOutAsLearnedPiecesMarkedAsContinuations() {
        BpeTokenizer t = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(7).train(toyCorpus());
        assertThat(t.mergeCount()).isEqualTo(7);
        assertThat(t.tokens("lowest")).containsExactly("low", "##est");
        assertThat(t.tokens("slowly")).containsExactly("s", "##low", "##l", "##y");
    }

    @Test
    void minPairCountStopsTheMerging() {
        BpeTokenizer t = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).minPairCount(4).train(toyCorpus());
        assertThat(merges(t)).containsExactly("e+s", "es+t", "l+o", "lo+w", "e+w", "ew+est", "n+ewest");
    }

    @Test
    void piecesJoinBackToTheWordsOfAnyText() {
        List<String> corpus = List.of("the quick brown fox jumps over the lazy dog", "naïve café déjà vu", "emoji 😀😀 party 🎉",
                "日本語のテキスト", "the the the quick quick");
        BpeTokenizer t = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(50).train(corpus);
        Random rnd = new Random(7);
        String alphabet = "abcdeéü😀日 ";
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int n = rnd.nextInt(40);
            for (int j = 0; j < n; j++) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String text = s.toString();
            assertThat(joined(t.tokens(text))).as(text).isEqualTo(WhitespaceTokenizer.instance().tokens(text));
        }
    }

    /** Words rebuilt from pieces: a piece without the continuation mark starts a word. */
    private static List<String> joined(List<String> pieces) {
        List<String> words = new ArrayList<>();
        for (String p : pieces) {
            if (p.startsWith(BpeTokenizer.CONTINUATION)) {
                int last = words.size() - 1;
                words.set(last, words.get(last) + p.substring(BpeTokenizer.CONTINUATION.length()));
            } else {
                words.add(p);
            }
        }
        return words;
    }

    @Test
    void theSameCorpusInAnyOrderGivesTheSameMerges() {
        List<String> corpus = new ArrayList<>(toyCorpus());
        corpus.addAll(List.of("lowering", "newer", "wider", "slowest", "lowly"));
        BpeTokenizer a = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(30).train(corpus);
        Collections.shuffle(corpus, new Random(3));
        BpeTokenizer b = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(30).train(corpus);
        assertThat(merges(b)).isEqualTo(merges(a));
    }

    @Test
    void placeholdersOfTheWordTokenizerStayWhole() {
        BpeTokenizer t = BpeTokenizer.trainer().merges(20).train(List.of("see https://example.com for 1,000 offers", "mail bob@example.com"));
        assertThat(t.tokens("visit http://spam.biz now, 42 times")).contains(WordTokenizer.URL, WordTokenizer.NUMBER)
                .doesNotContain("<", "##url>");
    }

    @Test
    void aHugeWordCostsLinearTimeAndStillJoinsBack() {
        BpeTokenizer t = BpeTokenizer.trainer().base(WhitespaceTokenizer.instance()).merges(20).train(List.of("abab abab ababab"));
        char[] huge = new char[200_000];
        Arrays.fill(huge, 'a');
        for (int i = 1; i < huge.length; i += 2) {
            huge[i] = 'b';
        }
        String word = new String(huge);
        long start = System.nanoTime();
        List<String> pieces = t.tokens(word);
        assertThat(joined(pieces)).containsExactly(word);
        assertThat(pieces.get(0)).doesNotStartWith(BpeTokenizer.CONTINUATION);
        assertThat(pieces.subList(1, pieces.size())).allMatch(p -> p.startsWith(BpeTokenizer.CONTINUATION));
        // not a timing claim: quadratic merging of 200,000 characters would take minutes, not this
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }

    @Test
    void parametersRebuildTheSameTokenizer() {
        BpeTokenizer t = BpeTokenizer.trainer().merges(40).train(toyCorpus());
        Tokenizer back = Tokenizers.fromParameters(t.parameters());
        assertThat(back).isInstanceOf(BpeTokenizer.class);
        assertThat(back.parameters()).isEqualTo(t.parameters());
        assertThat(back.tokens("the lowest and newest widgets")).isEqualTo(t.tokens("the lowest and newest widgets"));
    }

    @Test
    void badParametersAndInputsAreNamed() {
        Map<String, Object> base = WhitespaceTokenizer.instance().parameters();
        assertThatThrownBy(() -> Tokenizers.fromParameters(Map.of("type", "bpe", "base", base, "merges", List.of(List.of("a")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two pieces");
        assertThatThrownBy(() -> Tokenizers.fromParameters(Map.of("type", "bpe", "base", base,
                "merges", List.of(List.of("a", "b"), List.of("a", "b"))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merge 1").hasMessageContaining("twice");
        assertThatThrownBy(() -> Tokenizers.fromParameters(Map.of("type", "bpe", "merges", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'base'");
        List<String> texts = new ArrayList<>(List.of("a b", "c"));
        texts.add(null);
        assertThatThrownBy(() -> BpeTokenizer.trainer().train(texts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text 2 is null");
        assertThatThrownBy(() -> BpeTokenizer.trainer().merges(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BpeTokenizer.trainer().minPairCount(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
