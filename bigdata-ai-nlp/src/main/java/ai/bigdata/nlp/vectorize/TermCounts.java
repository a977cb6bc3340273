package ai.bigdata.nlp.vectorize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Total count and document count of every term of a corpus, one document at a time. */
final class TermCounts {
    /** Counts of one term. */
    static final class Entry {
        long total;
        long documents;
        long lastDocument = -1;
    }

    private final Map<String, Entry> counts = new HashMap<>();
    private long documents;

    void addDocument(List<String> terms) {
        long doc = documents++;
        for (String t : terms) {
            Entry e = counts.computeIfAbsent(t, k -> new Entry());
            e.total++;
            if (e.lastDocument != doc) {
                e.lastDocument = doc;
                e.documents++;
            }
        }
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
