package ai.bigdata.nlp.vectorize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Total count and document count of every term of a corpus, one document at a time. */
final class TermCounts {
    /** Counts of one term. */
    static final class Entry {
        /** The term's position in the order of first appearance. */
        final int id;
        long total;
        long documents;
        long lastDocument = -1;

        Entry(int id) {
            this.id = id;
        }
    }

    private final Map<String, Entry> counts = new HashMap<>();
    private long documents;

    /** Counts the terms of the next document; returns their ids (see {@link Entry#id}), in order. */
    int[] addDocument(List<String> terms) {
        long doc = documents++;
        int[] ids = new int[terms.size()];
        int k = 0;
        for (String t : terms) {
            Entry e = counts.get(t);
            if (e == null) {
                e = new Entry(counts.size());
                counts.put(t, e);
            }
            e.total++;
            if (e.lastDocument != doc) {
                e.lastDocument = doc;
                e.documents++;
            }
            ids[k++] = e.id;
        }
        return ids;
    }

    Set<Map.Entry<String, Entry>> entries() {
        return counts.entrySet();
    }

    Entry get(String term) {
        return counts.get(term);
    }

    int size() {
        return counts.size();
    }

    long documents() {
        return documents;
    }
}
