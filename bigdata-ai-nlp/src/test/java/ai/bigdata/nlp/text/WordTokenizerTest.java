package ai.bigdata.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private final WordTokenizer standard = WordTokenizer.standard();

    @Test
    void urlsEmailsAndNumbersBecomeNormalisedTokens() {
        assertThat(standard.tokens("See https://Example.com/a?b=1, or www.spam.biz/x. Mail Bob.Smith+tag@mail.example.co.uk"
                + " about 1,000.50 dollars in 2024"))
                .containsExactly("see", "<url>", "or", "<url>", "mail", "<email>", "about", "<number>", "dollars", "in",
                        "<number>");
    }

    @Test
    void normalisationCanBeSwitchedOff() {
        WordTokenizer t = WordTokenizer.builder().normaliseUrls(false).normaliseEmails(false).normaliseNumbers(false).build();
        assertThat(t.tokens("Visit HTTP://X.org/Page. Write A@B.com 3.14"))
                .containsExactly("visit", "http://x.org/page", "write", "a@b.com", "3.14");
    }

    @Test
    void caseAndAccentsAreFolded() {
        assertThat(standard.tokens("Café NAÏVE Straße Ærø crème brûlée"))
                .containsExactly("cafe", "naive", "strasse", "aero", "creme", "brulee");
        // decomposed input (e + combining acute) folds the same as precomposed
        assertThat(standard.tokens("cafe\u0301")).containsExactly("cafe");
    }

    @Test
    void foldingAndCaseCanBeKept() {
        WordTokenizer t = WordTokenizer.builder().lowercase(false).foldAccents(false).build();
        assertThat(t.tokens("Café NAÏVE")).containsExactly("Café", "NAÏVE");
    }

    @Test
    void otherScriptsAreWordsAndKeptAsTheyAre() {
        // UAX #29: one token per ideograph
        assertThat(standard.tokens("Привет мир, 東京 and العربية")).containsExactly("привет", "мир", "東", "京", "and", "العربية");
    }

    @Test
    void apostrophesInsideWordsStayAndMixedTokensAreWords() {
        assertThat(standard.tokens("Don\u2019t stop, it's mp3 and 3d_model 42nd"))
                .containsExactly("don't", "stop", "it's", "mp3", "and", "3d_model", "42nd");
    }

    @Test
    void stopWordsMinimumLengthAndStemming() {
        WordTokenizer t = WordTokenizer.builder().stopWords(StopWords.english()).minLength(2).stemmer(Stemmer.ENGLISH).build();
        assertThat(t.tokens("The runners were running quickly to a meeting of generous donors"))
                .containsExactly("runner", "were", "run", "quick", "meet", "generous", "donor");
        assertThat(StopWords.english()).contains("the", "a", "of", "to").hasSize(33);
    }

    @Test
    void porterStemmer() {
        WordTokenizer t = WordTokenizer.builder().stemmer(Stemmer.PORTER).build();
        assertThat(t.tokens("connection connected generously")).containsExactly("connect", "connect", "gener");
    }

    @Test
    void bareHostNamesAndSchemesInAnyCaseAreUrls() {
        assertThat(standard.tokens("Go to example.com or HTTPS://WWW.X.ORG/A now")).containsExactly("go", "to", "<url>",
                "or", "<url>", "now");
    }

    @Test
    void numberLikeTokensThatAreNotNumbersStayWords() {
        WordTokenizer t = WordTokenizer.standard();
        assertThat(t.tokens("v1.2b 10:30 1.5 7")).containsExactly("v1.2b", "<number>", "<number>", "<number>", "<number>");
    }

    @Test
    void veryLongRunsComeInPieces() {
        String run = "a".repeat(WordTokenizer.MAX_TOKEN_LENGTH + 10);
        assertThat(standard.tokens(run)).containsExactly("a".repeat(WordTokenizer.MAX_TOKEN_LENGTH), "a".repeat(10));
    }

    @Test
    void emptyAndPunctuationOnlyTextsGiveNoTokens() {
        assertThat(standard.tokens("")).isEmpty();
        assertThat(standard.tokens(" -- !!! ... ")).isEmpty();
    }

    @Test
    void parametersRoundTrip() {
        WordTokenizer t = WordTokenizer.builder().stopWords(Set.of("x", "y")).minLength(3).stemmer(Stemmer.PORTER)
                .normaliseNumbers(false).build();
        Tokenizer back = Tokenizers.fromParameters(t.parameters());
        assertThat(back.parameters()).isEqualTo(t.parameters());
        String text = "The x connected 12 runners www.a.com";
        assertThat(back.tokens(text)).isEqualTo(t.tokens(text));
    }

    @Test
    void unknownTokenizerTypeIsNamed() {
        assertThatThrownBy(() -> Tokenizers.fromParameters(java.util.Map.of("type", "sentencepiece")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sentencepiece'");
        assertThatThrownBy(() -> Tokenizers.fromParameters(java.util.Map.of("type", "word")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lowercase' is missing");
    }

    @Test
    void wordNgramsAsScikitLearn() {
        assertThat(Tokenizers.ngrams(List.of("a", "b", "c"), 1, 2)).containsExactly("a", "b", "c", "a b", "b c");
        assertThat(Tokenizers.ngrams(List.of("a", "b", "c"), 2, 3)).containsExactly("a b", "b c", "a b c");
        assertThat(Tokenizers.ngrams(List.of("a"), 2, 2)).isEmpty();
    }

    @Test
    void characterNgramsWithinWords() {
        assertThat(CharNGramTokenizer.of(2, 3).tokens("Ab c"))
                .containsExactly(" a", "ab", "b ", " ab", "ab ", " c", "c ", " c ");
        assertThat(WhitespaceTokenizer.instance().tokens("  A\tb\n c ")).containsExactly("A", "b", "c");
    }
}
