package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.text.Tokenizer;
import ai.bigdata.nlp.vectorize.TextColumns;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fitted {@link DocumentVectors} step: replaces a text column by a float32 tensor column, the (weighted)
 * mean of the vectors of the text's known words; other columns are copied. Thread-safe. Its JSON holds the
 * columns, the tokenizer, the word vectors and, for TF-IDF weighting, the idf of every word.
 */
public final class DocumentVectorTransform implements Transform {
    /** The kind name stored in JSON. */
    public static final String KIND = "nlp.document_vectors";

    private final String column;
    private final String output;
    private final Tokenizer tokenizer;
    private final WordVectors words;
    /** The idf of each word (TF-IDF weighting), or null (mean). */
    private final float[] idf;
    private final AtomicLong emptyTexts = new AtomicLong();

    DocumentVectorTransform(String column, String output, Tokenizer tokenizer, WordVectors words, float[] idf) {
        if (idf != null && idf.length != words.size()) {
            throw new IllegalArgumentException(idf.length + " idf values for " + words.size() + " words");
        }
        this.column = column;
        this.output = output;
        this.tokenizer = tokenizer;
        this.words = words;
        this.idf = idf;
    }

    /** The word vectors. */
    public WordVectors words() {
        return words;
    }

    /** The weighting. */
    public DocumentWeighting weighting() {
        return idf == null ? DocumentWeighting.MEAN : DocumentWeighting.TFIDF;
    }

    /** Texts this transform has met with no known word (they became all zeros), over all its applications. */
    public long emptyTexts() {
        return emptyTexts.get();
    }

    @Override
    public Schema outputSchema(Schema input) {
        TextColumns.check(column, output, input);
        Column out = Column.tensor(output, words.dimensions()).withRole(ColumnRole.FEATURE);
        return input.replace(input.indexOf(column), out);
    }

    /** The document vector of one text. */
    float[] vector(String text) {
        double[] sum = new double[words.dimensions()];
        double total = 0;
        for (String t : tokenizer.tokens(text)) {
            int w = words.indexOf(t);
            if (w >= 0) {
                double weight = idf == null ? 1 : idf[w];
                words.addTo(sum, w, weight);
                total += weight;
            }
        }
        float[] v = new float[sum.length];
        if (total == 0) {
            emptyTexts.incrementAndGet();
            return v;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (sum[d] / total);
        }
        return v;
    }

    /**
     * Writes every row with its text replaced by its document vector.
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
                        w.column(c).appendTensor(vector(TextColumns.text(column, r.getString(column), row[0]++)));
                    } else {
                        w.column(c).append(r.get(names.get(c)));
                    }
                }
                w.endRow();
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
        p.put("words", words.parameters());
        if (idf != null) {
            ByteBuffer bytes = ByteBuffer.allocate(idf.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(idf);
            p.put("idf", Base64.getEncoder().encodeToString(bytes.array()));
        }
        return p;
    }

    @Override
    public String toString() {
        return "document vectors (" + weighting() + ") of '" + column + "' into '" + output + "' from " + words;
    }
}
