package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.text.Tokenizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link TokenSequenceVectorizer}: replaces a text column by a float32 tensor column
 * {@code [maxLength]} of token ids (0 padding, 1 unknown, 2 onwards the vocabulary). Give
 * {@link #vocabularySize()} to {@code NeuralNetwork.transformer().vocabulary(...)}.
 */
public final class TokenSequenceTransform implements Transform {
    /** The kind name stored in JSON. */
    public static final String KIND = "nlp.token_sequences";
    /** The padding id. */
    public static final int PADDING = 0;
    /** The id of a token outside the vocabulary. */
    public static final int UNKNOWN = 1;

    private final String column;
    private final String output;
    private final Tokenizer tokenizer;
    private final int maxLength;
    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    TokenSequenceTransform(String column, String output, Tokenizer tokenizer, int maxLength, List<String> tokens) {
        this.column = column;
        this.output = output;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i + 2) != null) {
                throw new IllegalArgumentException(KIND + ": token '" + this.tokens.get(i) + "' occurs twice in the vocabulary");
            }
        }
    }

    /** The number of ids, padding and unknown included: the embedding size a model needs. */
    public int vocabularySize() {
        return tokens.size() + 2;
    }

    /** The vocabulary's tokens; token {@code i} has id {@code i + 2}. */
    public List<String> tokens() {
        return tokens;
    }

    /** The length of every sequence. */
    public int maxLength() {
        return maxLength;
    }

    /** The ids of {@code text}: its first {@link #maxLength()} tokens, then padding. */
    public float[] ids(String text) {
        float[] out = new float[maxLength];
        List<String> t = tokenizer.tokens(text);
        for (int i = 0; i < Math.min(maxLength, t.size()); i++) {
            out[i] = ids.getOrDefault(t.get(i), UNKNOWN);
        }
        return out;
    }

    @Override
    public Schema outputSchema(Schema input) {
        TextColumns.check(column, output, input);
        return input.replace(input.indexOf(column), Column.tensor(output, maxLength).withRole(ColumnRole.FEATURE));
    }

    /**
     * Writes every row with the text replaced by its ids; other columns are copied.
     *
     * @throws ai.bigdata.core.prep.PreprocessingException for a null text, naming the column and row
     */
    @Override
    public Dataset apply(Dataset data) {
        Schema out = outputSchema(data.schema());
        int at = data.schema().indexOf(column);
        List<String> names = data.schema().names();
        long[] row = {0};
        try (DatasetWriter w = Dataset.writer(out)) {
            data.forEachRow(r -> {
                for (int c = 0; c < names.size(); c++) {
                    if (c == at) {
                        w.column(c).appendTensor(ids(TextColumns.text(column, r.getString(column), row[0])));
                    } else {
                        w.column(c).append(r.get(names.get(c)));
                    }
                }
                w.endRow();
                row[0]++;
            });
            return w.build();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("column", column);
        p.put("output", output);
        p.put("tokenizer", tokenizer.parameters());
        p.put("maxLength", maxLength);
        p.put("tokens", tokens);
        return p;
    }

    @Override
    public String toString() {
        return "token sequences of '" + column + "' into '" + output + "' (" + maxLength + " ids, vocabulary " + vocabularySize() + ")";
    }
}
