package ai.bigdata.nlp.vectorize;

import java.util.Arrays;
import java.util.List;

/**
 * Total count and document count of every term of a corpus, one document at a time. Terms get ids in the
 * order they first appear; the counts live in arrays by id and the terms in an open-addressing table of
 * ids with their hashes beside them, so counting a token touches a few flat arrays rather than a chain of
 * map nodes and entry objects (counting is a fifth of fitting TF-IDF).
 */
final class TermCounts {
    private String[] terms = new String[1024];
    private long[] totals = new long[1024];
    private long[] documentCounts = new long[1024];
    private long[] lastDocuments = new long[1024];
    private int size;
    /** Per slot: the hash of the term there (high 32 bits) and its id + 1 (low 32 bits); 0 when empty. */
    private long[] slots = new long[2048];
    private long documents;

    /** Counts the terms of the next document; returns their ids (see {@link #term(int)}), in order. */
    int[] addDocument(List<String> document) {
        long doc = documents++;
        int[] ids = new int[document.size()];
        int k = 0;
        for (String t : document) {
            int id = idOrAdd(t);
            totals[id]++;
            if (lastDocuments[id] != doc) {
                lastDocuments[id] = doc;
                documentCounts[id]++;
            }
            ids[k++] = id;
        }
        return ids;
    }

    /** The id of {@code term}, or -1 when it was never counted. */
    int id(String term) {
        int h = spread(term.hashCode());
        int mask = slots.length - 1;
        for (int s = h & mask; slots[s] != 0; s = (s + 1) & mask) {
            if ((int) (slots[s] >>> 32) == h && terms[(int) slots[s] - 1].equals(term)) {
                return (int) slots[s] - 1;
            }
        }
        return -1;
    }

    private int idOrAdd(String term) {
        int h = spread(term.hashCode());
        int mask = slots.length - 1;
        int s = h & mask;
        for (; slots[s] != 0; s = (s + 1) & mask) {
            // hash and id in one word: a probe reads one array, and the term only when the hashes agree
            if ((int) (slots[s] >>> 32) == h && terms[(int) slots[s] - 1].equals(term)) {
                return (int) slots[s] - 1;
            }
        }
        int id = size++;
        if (id == terms.length) {
            int n = Math.multiplyExact(terms.length, 2);
            terms = Arrays.copyOf(terms, n);
            totals = Arrays.copyOf(totals, n);
            documentCounts = Arrays.copyOf(documentCounts, n);
            lastDocuments = Arrays.copyOf(lastDocuments, n);
        }
        terms[id] = term;
        lastDocuments[id] = -1;
        slots[s] = (long) h << 32 | (id + 1);
        if (2 * size > slots.length) {
            grow();
        }
        return id;
    }

    /** Doubles the table (load at most one half) and re-slots every id. */
    private void grow() {
        long[] bigger = new long[Math.multiplyExact(slots.length, 2)];
        int mask = bigger.length - 1;
        for (long slot : slots) {
            if (slot != 0) {
                int s = (int) (slot >>> 32) & mask;
                while (bigger[s] != 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = slot;
            }
        }
        slots = bigger;
    }

    /** String hashes of similar words differ in low bits only a little: mix the high bits in, as HashMap does. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The term of id {@code id}, in {@code [0, size())}. */
    String term(int id) {
        return terms[id];
    }

    /** How often term {@code id} occurs in all documents. */
    long total(int id) {
        return totals[id];
    }

    /** In how many documents term {@code id} occurs. */
    long documentCount(int id) {
        return documentCounts[id];
    }

    /** Number of distinct terms (ids are 0 to size - 1). */
    int size() {
        return size;
    }

    long documents() {
        return documents;
    }
}
