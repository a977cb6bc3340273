package ai.bigdata.benchmarks.text;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.engine.Engine;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.nlp.text.WordTokenizer;
import ai.bigdata.nlp.vectorize.TextVectorizer;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Text throughput on the SpamAssassin documents ({@link SpamDocs}: the same decoded texts the Python peer
 * reads), one thread on every side:
 * <ul>
 *   <li>TF-IDF fit + transform (sublinear tf, smooth idf, l2 norm, the sparse column, every term kept) of all
 *   documents, against scikit-learn's {@code TfidfVectorizer} with the same settings (its own default
 *   tokenisation: a regular expression and lower case, where ours is Lucene's Unicode segmentation with URL,
 *   e-mail and number tokens, case and accent folding);</li>
 *   <li>our {@link WordTokenizer} against Lucene's {@code StandardAnalyzer} (Unicode segmentation and lower
 *   case) over the same texts, every token read.</li>
 * </ul>
 * Timed warm on every side, like for like: the peer averages its runs after a warm-up run, so this is an
 * average over the runner's timed iterations after its warm-up iterations (a run takes under a second, so
 * a single-shot mode would time few runs, some before the JIT compiler has finished).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextBenchmark {
    /** At most this many documents (the corpus has 6,042; smoke runs take 2,000). */
    @Param("100000")
    public int rows;

    /** Threads on both sides: each side runs on one. */
    @Param("1")
    public int threads;

    private List<String> texts;
    private Dataset docs;
    private final WordTokenizer tokenizer = WordTokenizer.standard();
    private StandardAnalyzer analyzer;

    /** Reads the exported documents into a text column. */
    @Setup(Level.Trial)
    public void setup() {
        Engine.start();
        texts = SpamDocs.read(rows);
        try (DatasetWriter w = Dataset.writer(Schema.of(Column.of("text", ColumnType.TEXT)))) {
            for (String t : texts) {
                w.column(0).appendText(t);
                w.endRow();
            }
            docs = w.build();
        }
        analyzer = new StandardAnalyzer();
    }

    /** Frees the column and the analyzer. */
    @TearDown(Level.Trial)
    public void tearDown() {
        docs.close();
        analyzer.close();
    }

    /** bigdata-ai: TF-IDF fitted on every document and applied to them (the sparse column). */
    @Benchmark
    public long tfidfFitTransform() {
        Transform tfidf = TextVectorizer.tfidf("text").sublinearTf(true).sparse(true).build().fit(docs);
        try (Dataset vectors = tfidf.apply(docs)) {
            return vectors.rowCount();
        }
    }

    /** bigdata-ai: every token of every document by the standard {@link WordTokenizer}. */
    @Benchmark
    public long wordTokenizer() {
        long n = 0;
        for (String t : texts) {
            n += tokenizer.tokens(t).size();
        }
        return n;
    }

    /** Baseline: every token of every document by Lucene's {@code StandardAnalyzer}. */
    @Benchmark
    public long luceneStandardAnalyzer() {
        long n = 0;
        try {
            for (String t : texts) {
                try (TokenStream ts = analyzer.tokenStream("text", new StringReader(t))) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        n += term.length() > 0 ? 1 : 0;
                    }
                    ts.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
