package ai.bigdata.nlp.vectorize;

/** What a text vectoriser writes per term. */
public enum Weighting {
    /** Term counts over a fitted vocabulary (scikit-learn's {@code CountVectorizer}). */
    COUNTS,
    /** Term frequency times inverse document frequency over a fitted vocabulary ({@code TfidfVectorizer}). */
    TFIDF,
    /** Signed counts in hashed columns, no vocabulary ({@code HashingVectorizer}: MurmurHash3, alternating sign). */
    HASHING
}
