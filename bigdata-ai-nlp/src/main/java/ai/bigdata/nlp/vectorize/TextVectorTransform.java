package ai.bigdata.nlp.vectorize;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.data.SparseVector;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.text.Tokenizers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.util.StringHelper;

/**
 * A fitted text vectoriser: replaces its text column by a float32 tensor column of {@link #width()} values
 * per row, or by a sparse column of that dimension holding only the non-zero values.
 * {@link #vector(String)} gives the same numbers in double precision (the column holds them rounded to
 * float32), {@link #sparseVector(String)} the sparse cell. Immutable and thread-safe; saves to JSON (kind
 * {@value #KIND}) with its tokenizer, vocabulary and document frequencies, and loads back with identical
 * results.
 */
public final class TextVectorTransform implements Transform {
    /** The JSON kind tag. */
    public static final String KIND = "nlp.text_vectors";

    private final TextVectorSettings settings;
    private final Vocabulary vocabulary;
    private final double[] idf;
    /** The fitted dataset's term ids, taken (once) by the first {@link #apply} to that dataset. */
    private final AtomicReference<FitMemo> memo;

    TextVectorTransform(TextVectorSettings settings, Vocabulary vocabulary) {
        this(settings, vocabulary, null);
    }

    TextVectorTransform(TextVectorSettings settings, Vocabulary vocabulary, FitMemo memo) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.memo = new AtomicReference<>(memo);
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

    /** Whether the output column is sparse ({@code ColumnType.SPARSE}) rather than a dense tensor column. */
    public boolean sparse() {
        return settings.sparse();
    }

    /** The weighting. */
    public Weighting weighting() {
        return settings.weighting();
    }

    /**
     * The vector of one text, in double precision (all {@link #width()} values: for a very wide sparse output,
     * such as hashing into 2^30 columns, use {@link #sparseVector(String)}).
     */
    public double[] vector(String text) {
        return dense(weights(text));
    }

    private double[] dense(TermWeights e) {
        double[] v = new double[width()];
        for (int k = 0; k < e.indices().length; k++) {
            v[e.indices()[k]] = e.values()[k];
        }
        return v;
    }

    /**
     * The vector of one text as a sparse column holds it: its non-zero values rounded to float32, by
     * increasing index (the same numbers as the non-zeros of the dense tensor cell).
     */
    public SparseVector sparseVector(String text) {
        return sparse(weights(text));
    }

    private SparseVector sparse(TermWeights e) {
        int[] indices = new int[e.indices().length];
        float[] values = new float[indices.length];
        int n = 0;
        for (int k = 0; k < indices.length; k++) {
            float f = (float) e.values()[k];
            if (f != 0) {
                indices[n] = e.indices()[k];
                values[n++] = f;
            }
        }
        return new SparseVector(width(), Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }

    /** The weights of the terms of one text, by increasing column, normalised. */
    private TermWeights weights(String text) {
        return weights(text, null);
    }

    /**
     * As {@link #weights(String)}; {@code scratch} (null, or one zero per vocabulary term, left all zero)
     * counts the terms so that only the distinct ones are sorted.
     */
    private TermWeights weights(String text, int[] scratch) {
        List<String> terms = terms(settings, text);
        if (settings.weighting() == Weighting.HASHING) {
            int w = settings.hashWidth();
            long[] keys = new long[terms.size()];
            for (int k = 0; k < keys.length; k++) {
                byte[] b = terms.get(k).getBytes(StandardCharsets.UTF_8);
                int h = StringHelper.murmurhash3_x86_32(b, 0, b.length, 0);
                long index = h == Integer.MIN_VALUE ? 2147483648L % w : Math.abs(h) % w;
                keys[k] = index << 1 | (h >= 0 ? 1 : 0); // sorted by column, the sign in the lowest bit
            }
            Arrays.sort(keys);
            // binary, as scikit-learn: every column a term hashed to is 1, even where signs cancelled
            TermWeights e = TermWeights.merge(keys, settings.binary());
            e.normalise(settings.norm());
            return e;
        }
        int[] hits = new int[terms.size()];
        int k = 0;
        for (String t : terms) {
            hits[k++] = vocabulary.indexOf(t);
        }
        return vocabularyWeights(hits, scratch);
    }

    /**
     * The weights of a text whose terms have these vocabulary indices (-1: not in the vocabulary), normalised.
     * With {@code scratch} (one zero per vocabulary term, left all zero) the terms are counted there and only
     * the distinct ones sorted; without, every index is sorted and equal ones merged. Both give the same weights.
     */
    private TermWeights vocabularyWeights(int[] termIndices, int[] scratch) {
        TermWeights e = scratch == null ? sortedCounts(termIndices) : scratchCounts(termIndices, scratch);
        double[] v = e.values();
        for (int k = 0; k < v.length; k++) {
            double tf = settings.binary() ? 1 : v[k];
            if (settings.sublinearTf()) {
                tf = Math.log(tf) + 1;
            }
            v[k] = idf == null ? tf : tf * idf[e.indices()[k]];
        }
        e.normalise(settings.norm());
        return e;
    }

    /** Each vocabulary index's count, by increasing index: every index sorted, equal ones merged. */
    private static TermWeights sortedCounts(int[] termIndices) {
        int[] hits = new int[termIndices.length];
        int n = 0;
        for (int i : termIndices) {
            if (i >= 0) {
                hits[n++] = i;
            }
        }
        Arrays.sort(hits, 0, n);
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = (long) hits[k] << 1 | 1;
        }
        return TermWeights.merge(keys, false);
    }

    /** Each vocabulary index's count, by increasing index: counted in {@code scratch}, only distinct indices sorted. */
    private static TermWeights scratchCounts(int[] termIndices, int[] scratch) {
        int[] distinct = new int[termIndices.length];
        int n = 0;
        for (int i : termIndices) {
            if (i >= 0 && scratch[i]++ == 0) {
                distinct[n++] = i;
            }
        }
        Arrays.sort(distinct, 0, n);
        int[] indices = Arrays.copyOf(distinct, n);
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = scratch[indices[k]];
            scratch[indices[k]] = 0;
        }
        return new TermWeights(indices, values);
    }

    static List<String> terms(TextVectorSettings s, String text) {
        return Tokenizers.ngrams(s.tokenizer().tokens(text), s.ngramMin(), s.ngramMax());
    }

    @Override
    public Schema outputSchema(Schema input) {
        TextVectorizer.checkInput(settings, input);
        int at = input.indexOf(settings.column());
        Column out = settings.sparse() ? Column.sparse(settings.output(), width()) : Column.tensor(settings.output(), width());
        return input.replace(at, out.withRole(ColumnRole.FEATURE));
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
        int[][] fitted = takeMemo(data);
        int[] scratch = vocabulary == null ? null : new int[vocabulary.size()];
        try (DatasetWriter w = Dataset.writer(out, chunkRows())) {
            data.forEachRow(r -> {
                for (int c = 0; c < names.size(); c++) {
                    if (c == at) {
                        // the fitted dataset's texts were checked and tokenized by fit: its term ids stand in for them
                        TermWeights e = fitted != null ? vocabularyWeights(fitted[(int) row[0]], scratch)
                                : weights(TextColumns.text(settings.column(), r.getString(settings.column()), row[0]), scratch);
                        if (settings.sparse()) {
                            SparseVector v = sparse(e);
                            w.column(c).appendSparse(v.indices(), v.values());
                        } else {
                            double[] v = dense(e);
                            float[] f = new float[v.length];
                            for (int i = 0; i < v.length; i++) {
                                f[i] = (float) v[i];
                            }
                            w.column(c).appendTensor(f);
                        }
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

    /** The fitted dataset's term ids if {@code data} is that dataset and they are still held; taken once. */
    private int[][] takeMemo(Dataset data) {
        FitMemo m = memo.get();
        int[][] ids = m == null ? null : m.idsFor(data);
        return ids != null && memo.compareAndSet(m, null) ? ids : null;
    }

    /**
     * Rows per written chunk. Core's column sink sizes every column, a sparse one too, as if it held
     * {@code rows x width} values in one Arrow vector, so a wide sparse column needs smaller chunks.
     */
    private int chunkRows() {
        return settings.sparse() ? (int) Math.max(1, Math.min(DatasetWriter.DEFAULT_CHUNK_ROWS, Integer.MAX_VALUE / width()))
                : DatasetWriter.DEFAULT_CHUNK_ROWS;
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
        p.put("sparse", settings.sparse());
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
                + settings.tokenizer() + (settings.sparse() ? ", sparse" : "") + ")";
    }
}
