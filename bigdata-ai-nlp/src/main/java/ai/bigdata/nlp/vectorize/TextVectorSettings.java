package ai.bigdata.nlp.vectorize;

import ai.bigdata.nlp.text.Tokenizer;
import java.util.Objects;

/**
 * Everything that decides how a text becomes a vector, apart from what is fitted (vocabulary, document
 * frequencies).
 *
 * @param column      the text column read (and replaced)
 * @param output      the tensor (or sparse) column written in its place
 * @param weighting   counts, TF-IDF or hashing
 * @param tokenizer   how texts are split
 * @param ngramMin    smallest word n-gram
 * @param ngramMax    largest word n-gram
 * @param binary      counts are 0 or 1
 * @param sublinearTf term frequency {@code 1 + ln(tf)}
 * @param smoothIdf   {@code idf = ln((1 + n) / (1 + df)) + 1} instead of {@code ln(n / df) + 1}
 * @param norm        the final scaling
 * @param hashWidth   number of hashed columns (hashing only, else 0)
 * @param sparse      write a sparse column (index / value entries) instead of a dense tensor column
 */
record TextVectorSettings(String column, String output, Weighting weighting, Tokenizer tokenizer, int ngramMin,
                          int ngramMax, boolean binary, boolean sublinearTf, boolean smoothIdf, Norm norm,
                          int hashWidth, boolean sparse) {
    TextVectorSettings {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(norm, "norm");
        if (ngramMin < 1 || ngramMax < ngramMin) {
            throw new IllegalArgumentException("n-gram range needs 1 <= min <= max, got " + ngramMin + ".." + ngramMax);
        }
        if (weighting == Weighting.HASHING) {
            TextVectorizer.checkWidth(hashWidth, "hashed columns", sparse);
        }
    }
}
