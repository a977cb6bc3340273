package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.text.Tokenizers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.StringHelper;

/**
 * A fitted text vectoriser: replaces its text column by a float32 tensor column of {@link #width()} values
 * per row. {@link #vector(String)} gives the same numbers in double precision (the column holds them
 * rounded to float32). Immutable and thread-safe; saves to JSON (kind {@value #KIND}) with its tokenizer,
 * vocabulary and document frequencies, and loads back with identical results.
 */
public final class TextVectorTransform implements Transform {
    /** The JSON kind tag. */
    public static final String KIND = "nlp.text_vectors";

    private final TextVectorSettings settings;
    private final Vocabulary vocabulary;
    private final double[] idf;

    TextVectorTransform(TextVectorSettings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        if (settings.weighting() != Weighting.HASHING && vocabulary == null) {
            throw new IllegalArgumentException(settings.weighting() + " needs a vocabulary");
        }
        if (settings.weighting() == Weighting.TFIDF) {
            idf = new double[vocabulary.size()];
            double smooth = settings.smoothIdf() ? 1 : 0;
            double n = vocabulary.documents() + smooth;
            for (int i = 0; i < idf.length; i++) {
                idf[i] = Math.log(n / (vocabulary.documentFrequency(i) + smooth)) + 1;
            }
        } else {
            idf = null;
        }
    }

    /** Number of output columns: the vocabulary size, or the number of hashed columns. */
    public int width() {
        return settings.weighting() == Weighting.HASHING ? settings.hashWidth() : vocabulary.size();
    }

    /** The fitted vocabulary (empty-handed for hashing: throws {@link IllegalStateException}). */
    public Vocabulary vocabulary() {
        if (vocabulary == null) {
            throw new IllegalStateException("a hashing vectoriser has no vocabulary");
        }
        return vocabulary;
    }

    /** The inverse document frequency of each vocabulary term (TF-IDF only). */
    public double[] idf() {
        if (idf == null) {
            throw new IllegalStateException(settings.weighting() + " has no idf");
        }
        return idf.clone();
    }

    /** The weighting. */
    public Weighting weighting() {
        return settings.weighting();
    }

    /** The vector of one text, in double precision. */
    public double[] vector(String text) {
        double[] v = new double[width()];
        List<String> terms = terms(settings, text);
        if (settings.weighting() == Weighting.HASHING) {
            int w = settings.hashWidth();
            for (String t : terms) {
                byte[] b = t.getBytes(StandardCharsets.UTF_8);
                int h = StringHelper.murmurhash3_x86_32(b, 0, b.length, 0);
                int index = h == Integer.MIN_VALUE ? (int) (2147483648L % w) : Math.abs(h) % w;
                // binary, as scikit-learn: every column a term hashed to is 1, even where signs cancelled
                v[index] = settings.binary() ? 1 : v[index] + (h >= 0 ? 1 : -1);
            }
        } else {
            List<Integer> touched = new ArrayList<>();
            for (String t : terms) {
                int i = vocabulary.indexOf(t);
                if (i >= 0) {
                    if (v[i] == 0) {
                        touched.add(i);
                    }
                    v[i]++;
                }
            }
            for (int i : touched) {
                double tf = settings.binary() ? 1 : v[i];
                if (settings.sublinearTf()) {
                    tf = Math.log(tf) + 1;
                }
                v[i] = idf == null ? tf : tf * idf[i];
            }
        }
        normalise(v, settings.norm());
        return v;
    }

    static List<String> terms(TextVectorSettings s, String text) {
        return Tokenizers.ngrams(s.tokenizer().tokens(text), s.ngramMin(), s.ngramMax());
    }

    private static void normalise(double[] v, Norm norm) {
        if (norm == Norm.NONE) {
            return;
        }
        double sum = 0;
        for (double x : v) {
            sum += norm == Norm.L2 ? x * x : Math.abs(x);
        }
        double length = norm == Norm.L2 ? Math.sqrt(sum) : sum;
        if (length == 0) {
            return;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= length;
        }
    }

    @Override
    public Schema outputSchema(Schema input) {
        TextVectorizer.checkInput(settings, input);
        int at = input.indexOf(settings.column());
        return input.replace(at, Column.tensor(settings.output(), width()).withRole(ColumnRole.FEATURE));
    }

    /**
     * Writes every row with the text column replaced by its vector; other columns are copied.
     *
     * @throws PreprocessingException for a null text, naming the column and row
     */
    @Override
    public Dataset apply(Dataset data) {
        Schema out = outputSchema(data.schema());
        int at = data.schema().indexOf(settings.column());
        List<String> names = out.names();
        List<String> inputNames = data.schema().names();
        long[] row = {0};
        try (DatasetWriter w = Dataset.writer(out)) {
            data.forEachRow(r -> {
                for (int c = 0; c < names.size(); c++) {
                    if (c == at) {
                        String text = r.getString(settings.column());
                        if (text == null) {
                            throw new PreprocessingException(settings.column(), "row " + row[0] + " is null; fill or"
                                    + " drop missing texts before vectorising");
                        }
                        double[] v = vector(text);
                        float[] f = new float[v.length];
                        for (int i = 0; i < v.length; i++) {
                            f[i] = (float) v[i];
                        }
                        w.column(c).appendTensor(f);
                    } else {
                        w.column(c).append(r.get(inputNames.get(c)));
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
        p.put("column", settings.column());
        p.put("output", settings.output());
        p.put("weighting", settings.weighting().name());
        p.put("tokenizer", settings.tokenizer().parameters());
        p.put("ngramMin", settings.ngramMin());
        p.put("ngramMax", settings.ngramMax());
        p.put("binary", settings.binary());
        p.put("sublinearTf", settings.sublinearTf());
        p.put("smoothIdf", settings.smoothIdf());
        p.put("norm", settings.norm().name());
        p.put("hashWidth", settings.hashWidth());
        if (vocabulary != null) {
            p.put("documents", vocabulary.documents());
            p.put("terms", vocabulary.terms());
            List<Long> df = new ArrayList<>();
            for (long d : vocabulary.documentFrequencies()) {
                df.add(d);
            }
            p.put("documentFrequencies", df);
        }
        return p;
    }

    @Override
    public String toString() {
        String what = switch (settings.weighting()) {
            case COUNTS -> "term counts";
            case TFIDF -> "TF-IDF";
            case HASHING -> "feature hashing";
        };
        return what + " of '" + settings.column() + "' into '" + settings.output() + "' (" + width() + " columns, "
                + settings.tokenizer() + ")";
    }
}
