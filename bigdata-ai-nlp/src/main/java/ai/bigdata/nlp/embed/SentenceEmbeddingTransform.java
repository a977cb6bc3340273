package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.vectorize.TextColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces a text column by a float32 tensor column {@code [384]} of all-MiniLM-L6-v2 embeddings (unit
 * length); other columns are copied. It uses the JVM's shared {@link SentenceEncoder} for its settings,
 * loaded at first use and kept until the JVM exits (so a bundle served by {@code Predictor} loads the model
 * once), and embeds {@link #CHUNK_ROWS} rows at a time in batches of the settings' size.
 * Its JSON stores the column names, the model name and the settings; loading needs the model jar on the
 * class path.
 */
public final class SentenceEmbeddingTransform implements Transform {
    /** The kind name stored in JSON. */
    public static final String KIND = "nlp.sentence_embedding";
    /** The rows read before each call to the encoder. */
    public static final int CHUNK_ROWS = 1024;

    private final String column;
    private final String output;
    private final EncoderSettings settings;

    SentenceEmbeddingTransform(String column, String output, EncoderSettings settings) {
        this.column = column;
        this.output = output;
        this.settings = settings;
    }

    /** The encoder settings this transform embeds with. */
    public EncoderSettings settings() {
        return settings;
    }

    @Override
    public Schema outputSchema(Schema input) {
        TextColumns.check(column, output, input);
        return input.replace(input.indexOf(column),
                Column.tensor(output, SentenceEncoder.DIMENSION).withRole(ColumnRole.FEATURE));
    }

    /**
     * Writes every row with its text replaced by the embedding.
     *
     * @throws ai.bigdata.core.prep.PreprocessingException for a null text, naming the column and row
     */
    @Override
    public Dataset apply(Dataset data) {
        Schema out = outputSchema(data.schema());
        int at = data.schema().indexOf(column);
        List<String> names = data.schema().names();
        SentenceEncoder encoder = SharedEncoders.get(settings);
        List<Object[]> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long[] row = {0};
        try (DatasetWriter w = Dataset.writer(out)) {
            data.forEachRow(r -> {
                Object[] values = new Object[names.size()];
                for (int c = 0; c < names.size(); c++) {
                    values[c] = c == at ? null : r.get(names.get(c));
                }
                rows.add(values);
                texts.add(TextColumns.text(column, r.getString(column), row[0]++));
                if (rows.size() == CHUNK_ROWS) {
                    write(w, at, rows, encoder.embedAll(texts));
                    rows.clear();
                    texts.clear();
                }
            });
            write(w, at, rows, encoder.embedAll(texts));
            return w.build();
        }
    }

    private static void write(DatasetWriter w, int at, List<Object[]> rows, float[][] vectors) {
        for (int i = 0; i < rows.size(); i++) {
            Object[] values = rows.get(i);
            for (int c = 0; c < values.length; c++) {
                if (c == at) {
                    w.column(c).appendTensor(vectors[i]);
                } else {
                    w.column(c).append(values[c]);
                }
            }
            w.endRow();
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
        p.put("model", SentenceEncoder.MODEL);
        p.put("maxTokens", settings.maxTokens());
        p.put("batchSize", settings.batchSize());
        p.put("threads", settings.threads());
        return p;
    }

    @Override
    public String toString() {
        return SentenceEncoder.MODEL + " embeddings of '" + column + "' into '" + output + "' (" + settings + ")";
    }
}
