package ai.bigdata.nlp.embed;

import ai.bigdata.nlp.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.deeplearning4j.text.tokenization.tokenizer.TokenPreProcess;
import org.deeplearning4j.text.tokenization.tokenizerfactory.TokenizerFactory;

/** This library's {@link Tokenizer} as Deeplearning4j's tokenizer factory (no pre-processor: ours already normalises). */
final class TokenizerAdapter implements TokenizerFactory {
    private final Tokenizer tokenizer;

    TokenizerAdapter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public org.deeplearning4j.text.tokenization.tokenizer.Tokenizer create(String text) {
        return new Tokens(tokenizer.tokens(text));
    }

    @Override
    public org.deeplearning4j.text.tokenization.tokenizer.Tokenizer create(InputStream in) {
        try {
            return create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setTokenPreProcessor(TokenPreProcess preProcess) {
        throw new UnsupportedOperationException("the library's tokenizer normalises tokens itself");
    }

    @Override
    public TokenPreProcess getTokenPreProcessor() {
        return null;
    }

    /** The tokens of one text, handed out one by one. */
    private static final class Tokens implements org.deeplearning4j.text.tokenization.tokenizer.Tokenizer {
        private final List<String> tokens;
        private int next;

        Tokens(List<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean hasMoreTokens() {
            return next < tokens.size();
        }

        @Override
        public int countTokens() {
            return tokens.size();
        }

        @Override
        public String nextToken() {
            return tokens.get(next++);
        }

        @Override
        public List<String> getTokens() {
            return tokens;
        }

        @Override
        public void setTokenPreProcessor(TokenPreProcess preProcess) {
            throw new UnsupportedOperationException("the library's tokenizer normalises tokens itself");
        }
    }
}
