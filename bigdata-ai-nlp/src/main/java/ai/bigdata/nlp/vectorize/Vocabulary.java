package ai.bigdata.nlp.vectorize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a vectoriser was fitted with, in scikit-learn's order (sorted by Unicode code point, as Python
 * sorts strings), each with its document frequency in the fitting corpus. Immutable.
 */
public final class Vocabulary {
    /**
     * Compares strings by code point, as Python does (Java's {@code compareTo} compares UTF-16 units): the two
     * orders differ only where the first differing unit is a surrogate, so the units are compared directly
     * and only such a string pair is compared code point by code point.
     */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                return Character.isSurrogate(ca) || Character.isSurrogate(cb) ? byCodePoint(a, b) : Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    };

    /**
     * Sorts terms by code point: by {@link String#compareTo} (UTF-16 units, the same order and much faster)
     * unless a term holds a surrogate, where the orders can differ.
     */
    static void sortByCodePoint(List<String> terms) {
        for (String t : terms) {
            for (int k = 0; k < t.length(); k++) {
                if (Character.isSurrogate(t.charAt(k))) {
                    terms.sort(CODE_POINT_ORDER);
                    return;
                }
            }
        }
        terms.sort(null);
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private final List<String> terms;
    private final long[] documentFrequencies;
    private final long documents;
    private final Map<String, Integer> index;

    Vocabulary(List<String> terms, long[] documentFrequencies, long documents) {
        if (terms.size() != documentFrequencies.length) {
            throw new IllegalArgumentException(terms.size() + " terms but " + documentFrequencies.length
                    + " document frequencies");
        }
        this.terms = List.copyOf(terms);
        this.documentFrequencies = documentFrequencies.clone();
        this.documents = documents;
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            if (index.put(terms.get(i), i) != null) {
                throw new IllegalArgumentException("term '" + terms.get(i) + "' appears twice in the vocabulary");
            }
            if (i > 0 && CODE_POINT_ORDER.compare(terms.get(i - 1), terms.get(i)) >= 0) {
                throw new IllegalArgumentException("vocabulary terms are not sorted at '" + terms.get(i) + "'");
            }
            if (documentFrequencies[i] < 1 || documentFrequencies[i] > documents) {
                throw new IllegalArgumentException("term '" + terms.get(i) + "' has document frequency "
                        + documentFrequencies[i] + " outside [1, " + documents + "]");
            }
        }
    }

    /**
     * Chooses the vocabulary as scikit-learn's {@code CountVectorizer} does: terms in at least
     * {@code minDocuments} and at most {@code maxDocuments} documents, then, if more than {@code maxSize}
     * remain, the {@code maxSize} with the highest total count (ties to the earlier term in code-point order).
     */
    static Vocabulary select(TermCounts counts, long minDocuments, long maxDocuments, int maxSize) {
        List<String> kept = new ArrayList<>();
        for (int id = 0; id < counts.size(); id++) {
            long df = counts.documentCount(id);
            if (df >= minDocuments && df <= maxDocuments) {
                kept.add(counts.term(id));
            }
        }
        sortByCodePoint(kept);
        if (kept.size() > maxSize) {
            List<String> byCount = new ArrayList<>(kept);
            byCount.sort(Comparator.comparingLong((String t) -> -counts.total(counts.id(t)))); // stable: ties keep term order
            kept = new ArrayList<>(byCount.subList(0, maxSize));
            sortByCodePoint(kept);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no term is left: the " + counts.size() + " distinct terms of "
                    + counts.documents() + " documents are all outside the document-count limits ["
                    + minDocuments + ", " + maxDocuments + "]");
        }
        long[] df = new long[kept.size()];
        for (int i = 0; i < df.length; i++) {
            df[i] = counts.documentCount(counts.id(kept.get(i)));
        }
        return new Vocabulary(kept, df, counts.documents());
    }

    /** Number of terms. */
    public int size() {
        return terms.size();
    }

    /** The terms, in column order. */
    public List<String> terms() {
        return terms;
    }

    /** The column of {@code term}, or -1 when it is not in the vocabulary. */
    public int indexOf(String term) {
        Integer i = index.get(term);
        return i == null ? -1 : i;
    }

    /** In how many fitting documents term {@code i} occurs. */
    public long documentFrequency(int i) {
        return documentFrequencies[i];
    }

    /** Number of documents the vocabulary was fitted on. */
    public long documents() {
        return documents;
    }

    long[] documentFrequencies() {
        return documentFrequencies.clone();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + terms.size() + " terms from " + documents + " documents"
                + (terms.size() <= 5 ? ": " + terms : ", first " + terms.subList(0, 5)) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.documents == documents && v.terms.equals(terms)
                && Arrays.equals(v.documentFrequencies, documentFrequencies);
    }

    @Override
    public int hashCode() {
        return terms.hashCode() * 31 + Arrays.hashCode(documentFrequencies);
    }
}
