package ai.bigdata.nlp.corpus;

import java.util.List;
import java.util.Map;

/**
 * How a corpus was read. Every file is accounted for: {@code files = documents + unlabelled + undecodable
 * + tooLarge}.
 *
 * @param files        files (or JSON lines) seen
 * @param documents    documents kept as rows
 * @param unlabelled   files whose folder maps to no label, by name (left out on purpose)
 * @param undecodable  documents that could not be decoded: name to reason (left out, never emptied)
 * @param tooLarge     files over the size limit, by name (not read)
 * @param fallbacks    kept documents that needed a fall-back (a wrong or unknown charset, an unparseable
 *                     Content-Type read as text/plain): name to what was done
 */
public record CorpusReport(long files, long documents, List<String> unlabelled, Map<String, String> undecodable,
                           List<String> tooLarge, Map<String, String> fallbacks) {
    /** Copies the collections. */
    public CorpusReport {
        unlabelled = List.copyOf(unlabelled);
        undecodable = Map.copyOf(undecodable);
        tooLarge = List.copyOf(tooLarge);
        fallbacks = Map.copyOf(fallbacks);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "files %,d: documents %,d, unlabelled %,d, undecodable %,d,"
                + " too large %,d; fall-backs (charset, content type) in %,d kept documents", files, documents, unlabelled.size(),
                undecodable.size(), tooLarge.size(), fallbacks.size()));
        undecodable.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(20)
                .forEach(e -> sb.append("\n  undecodable ").append(e.getKey()).append(": ").append(e.getValue()));
        return sb.toString();
    }
}
