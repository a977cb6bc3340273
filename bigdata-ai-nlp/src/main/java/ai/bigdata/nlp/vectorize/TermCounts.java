package ai.bigdata.nlp.vectorize;

import ai.bigdata.nlp.text.TokenSink;
import java.util.Arrays;
import java.util.List;

/**
 * Total count and document count of every term of a corpus, one document at a time. Terms get ids in the
 * order they first appear. Counting a token should touch as few cache lines as it can (counting is a fifth
 * of fitting TF-IDF, most of it waiting for memory): the table is open addressing, each slot two longs side
 * by side, the term's hash with its id, and the term itself packed into a long when it is 1 to 8 ASCII
 * characters (most words), so that a probe compares the term without reading the string; the three counts
 * of an id sit side by side too.
 */
final class TermCounts {
    private static final int SLOT = 2;
    private static final int STATS = 3;
    private static final int TOTAL = 0;
    private static final int DOCUMENT_COUNT = 1;
    private static final int LAST_DOCUMENT = 2;

    private String[] terms = new String[1024];
    /** Per id: total count, document count, last document counted. */
    private long[] stats = new long[1024 * STATS];
    private int size;
    /** Per slot: the term's hash (high 32 bits) and id + 1 (low 32 bits), 0 when empty; then its packed key. */
    private long[] table = new long[2048 * SLOT];
    private long documents;

    /** Counts the terms of the next document; returns their ids (see {@link #term(int)}), in order. */
    int[] addDocument(List<String> document) {
        DocumentSink sink = document();
        for (String t : document) {
            sink.accept(t);
        }
        return sink.ids();
    }

    /**
     * A sink that counts the tokens of the next document; {@link DocumentSink#ids()} ends the document and gives
     * their ids, in order. Plain ASCII tokens handed as ranges of the text are counted without making strings of
     * them (only a term seen for the first time becomes one).
     */
    DocumentSink document() {
        return new DocumentSink(documents++);
    }

    /** Counts one document's tokens (see {@link #document()}). */
    final class DocumentSink implements TokenSink {
        private final long doc;
        private int[] ids = new int[64];
        private int n;

        private DocumentSink(long doc) {
            this.doc = doc;
        }

        @Override
        public void accept(String token) {
            count(idOrAdd(token));
        }

        @Override
        public void accept(String text, int from, int to, boolean lowerCase) {
            count(idOrAdd(text, from, to, lowerCase));
        }

        private void count(int id) {
            int at = id * STATS;
            stats[at + TOTAL]++;
            if (stats[at + LAST_DOCUMENT] != doc) {
                stats[at + LAST_DOCUMENT] = doc;
                stats[at + DOCUMENT_COUNT]++;
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, Math.multiplyExact(n, 2));
            }
            ids[n++] = id;
        }

        /** The ids of the document's tokens, in order. */
        int[] ids() {
            return Arrays.copyOf(ids, n);
        }
    }

    /** The id of {@code term}, or -1 when it was never counted. */
    int id(String term) {
        int s = find(term);
        return table[s] == 0 ? -1 : (int) table[s] - 1;
    }

    private int idOrAdd(String term) {
        int s = find(term);
        return table[s] != 0 ? (int) table[s] - 1 : add(term, s);
    }

    /** The slot of {@code term}, or the empty slot where it would go. */
    private int find(String term) {
        int h = spread(term.hashCode());
        long key = key(term);
        int mask = table.length - 1;
        int s = (h * SLOT) & mask;
        for (; table[s] != 0; s = (s + SLOT) & mask) {
            if ((int) (table[s] >>> 32) == h && table[s + 1] == key && (key != 0 || terms[(int) table[s] - 1].equals(term))) {
                break;
            }
        }
        return s;
    }

    /**
     * The id of the ASCII term {@code text.substring(from, to)}, lower-cased if {@code lowerCase}, added when new:
     * hash and key are those of that term as a string, computed on the characters where they are.
     */
    private int idOrAdd(String text, int from, int to, boolean lowerCase) {
        int hash = 0;
        long key = 0;
        boolean packs = to - from <= Long.BYTES;
        for (int p = from; p < to; p++) {
            char c = ascii(text.charAt(p), lowerCase);
            hash = 31 * hash + c;
            key = key << 8 | c;
        }
        if (!packs) {
            key = 0;
        }
        int h = spread(hash);
        int mask = table.length - 1;
        int s = (h * SLOT) & mask;
        for (; table[s] != 0; s = (s + SLOT) & mask) {
            if ((int) (table[s] >>> 32) == h && table[s + 1] == key
                    && (key != 0 || sameTerm(terms[(int) table[s] - 1], text, from, to, lowerCase))) {
                return (int) table[s] - 1;
            }
        }
        String term = text.substring(from, to);
        return add(lowerCase ? term.toLowerCase(java.util.Locale.ROOT) : term, s);
    }

    /**
     * The term packed into a long, one byte per character, when it has 1 to 8 characters, all in [1, 127]
     * (distinct such terms pack differently, and never to 0); otherwise 0: compare the strings.
     */
    private static long key(String term) {
        int n = term.length();
        if (n == 0 || n > Long.BYTES) {
            return 0;
        }
        long key = 0;
        for (int k = 0; k < n; k++) {
            char c = term.charAt(k);
            if (c == 0 || c > 0x7F) {
                return 0;
            }
            key = key << 8 | c;
        }
        return key;
    }

    private static boolean sameTerm(String term, String text, int from, int to, boolean lowerCase) {
        if (term.length() != to - from) {
            return false;
        }
        for (int k = 0; k < term.length(); k++) {
            if (term.charAt(k) != ascii(text.charAt(from + k), lowerCase)) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII character, lower-cased if asked (as {@code toLowerCase(Locale.ROOT)} does for ASCII). */
    private static char ascii(char c, boolean lowerCase) {
        return lowerCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Gives {@code term} (not yet present) the next id, in the empty slot {@code s}. */
    private int add(String term, int s) {
        int id = size++;
        if (id == terms.length) {
            int n = Math.multiplyExact(terms.length, 2);
            terms = Arrays.copyOf(terms, n);
            stats = Arrays.copyOf(stats, Math.multiplyExact(n, STATS));
        }
        terms[id] = term;
        stats[id * STATS + LAST_DOCUMENT] = -1;
        table[s] = (long) spread(term.hashCode()) << 32 | (id + 1);
        table[s + 1] = key(term);
        if (2 * SLOT * size > table.length) {
            grow();
        }
        return id;
    }

    /** Doubles the table (load at most one half) and re-slots every id. */
    private void grow() {
        long[] bigger = new long[Math.multiplyExact(table.length, 2)];
        int mask = bigger.length - 1;
        for (int at = 0; at < table.length; at += SLOT) {
            if (table[at] != 0) {
                int s = ((int) (table[at] >>> 32) * SLOT) & mask;
                while (bigger[s] != 0) {
                    s = (s + SLOT) & mask;
                }
                bigger[s] = table[at];
                bigger[s + 1] = table[at + 1];
            }
        }
        table = bigger;
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
        return stats[id * STATS + TOTAL];
    }

    /** In how many documents term {@code id} occurs. */
    long documentCount(int id) {
        return stats[id * STATS + DOCUMENT_COUNT];
    }

    /** Number of distinct terms (ids are 0 to size - 1). */
    int size() {
        return size;
    }

    long documents() {
        return documents;
    }
}
