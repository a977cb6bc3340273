package ai.bigdata.nlp.embed;

/** How {@link DocumentVectors} weighs the word vectors of a text. */
public enum DocumentWeighting {
    /** Every occurrence of a known word counts once: the mean of their vectors. */
    MEAN,
    /**
     * Each known word weighs its count times its smooth inverse document frequency over the fitted texts,
     * {@code ln((1 + n) / (1 + df)) + 1} (scikit-learn's {@code TfidfVectorizer} idf): the weighted mean.
     */
    TFIDF
}
