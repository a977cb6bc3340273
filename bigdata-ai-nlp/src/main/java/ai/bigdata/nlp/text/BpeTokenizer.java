package ai.bigdata.nlp.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A subword tokenizer by byte-pair encoding (Sennrich et al., 2016) over the words of a base tokenizer:
 * a word starts as its characters (Unicode code points) and the learned merges, applied in the order they
 * were learned, join adjacent pieces. Frequent words stay whole; rare and unseen words come out as known
 * pieces instead of one out-of-vocabulary token, so a vocabulary of a few thousand pieces covers any text.
 * A piece that continues a word starts with {@value #CONTINUATION} ({@code unhappiness} may become
 * {@code un}, {@code ##happi}, {@code ##ness}), so the pieces of a word join back to it. The base
 * tokenizer's placeholder tokens ({@code <url>}, {@code <email>}, {@code <number>}) stay whole. Words
 * longer than {@value #MAX_WORD} code points are split into pieces of that length first, so a hostile
 * input costs linear time.
 *
 * <p>Learn the merges from a corpus with {@link #trainer()}; the tokenizer saves in bundles with the
 * fitted vectoriser that uses it ({@link #parameters()} holds the base tokenizer and the merges).
 * Immutable and thread-safe (a bounded cache of encoded words is shared by all threads).
 */
public final class BpeTokenizer implements Tokenizer {
    static final String TYPE = "bpe";
    /** Marks a piece that continues the word before it. */
    public static final String CONTINUATION = "##";
    /** Longest word encoded in one piece; longer ones are cut into pieces of this many code points first. */
    static final int MAX_WORD = 256;
    private static final int CACHE_LIMIT = 200_000;
    private static final Set<String> WHOLE = Set.of(WordTokenizer.URL, WordTokenizer.EMAIL, WordTokenizer.NUMBER);

    private final Tokenizer base;
    private final List<String[]> merges;
    /** Rank of each merge by its two pieces, "left \u0000 right". */
    private final Map<String, Integer> ranks;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    BpeTokenizer(Tokenizer base, List<String[]> merges) {
        this.base = Objects.requireNonNull(base, "base tokenizer");
        this.merges = List.copyOf(merges);
        this.ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < merges.size(); i++) {
            String[] m = merges.get(i);
            if (m.length != 2 || m[0] == null || m[1] == null || m[0].isEmpty() || m[1].isEmpty()) {
                throw new IllegalArgumentException("merge " + i + " must be two non-empty pieces");
            }
            if (ranks.putIfAbsent(key(m[0], m[1]), i) != null) {
                throw new IllegalArgumentException("merge " + i + " (" + m[0] + " + " + m[1] + ") appears twice");
            }
        }
    }

    /** A trainer that learns merges from a corpus. */
    public static BpeTrainer trainer() {
        return new BpeTrainer();
    }

    /** The tokenizer that splits the text into the words this one encodes. */
    public Tokenizer base() {
        return base;
    }

    /** The number of learned merges. */
    public int mergeCount() {
        return merges.size();
    }

    @Override
    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String word : base.tokens(text)) {
            if (WHOLE.contains(word)) {
                out.add(word);
                continue;
            }
            boolean[] first = {true};
            forEachPart(word, part -> {
                List<String> pieces = cache.get(part);
                if (pieces == null) {
                    pieces = encode(part);
                    if (cache.size() < CACHE_LIMIT) {
                        cache.put(part, pieces);
                    }
                }
                if (first[0]) {
                    out.addAll(pieces);
                    first[0] = false;
                } else {
                    // a cut word goes on: its next part's first piece continues it
                    out.add(CONTINUATION + pieces.get(0));
                    out.addAll(pieces.subList(1, pieces.size()));
                }
            });
        }
        return out;
    }

    /**
     * Feeds the parts of a base token that are encoded on their own: nothing for a placeholder
     * ({@code <url>}...), pieces of at most {@value #MAX_WORD} code points for a long word, else the word.
     */
    static void forEachPart(String word, Consumer<String> part) {
        if (WHOLE.contains(word) || word.isEmpty()) {
            return;
        }
        if (word.length() <= MAX_WORD) {
            part.accept(word);
            return;
        }
        int[] cps = word.codePoints().toArray();
        for (int from = 0; from < cps.length; from += MAX_WORD) {
            part.accept(new String(cps, from, Math.min(MAX_WORD, cps.length - from)));
        }
    }

    /** The pieces of one word: its characters, merged by the lowest-ranked adjacent pair until none applies. */
    List<String> encode(String word) {
        List<String> parts = new ArrayList<>(word.length());
        word.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        while (parts.size() > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < parts.size(); i++) {
                Integer r = ranks.get(key(parts.get(i), parts.get(i + 1)));
                if (r != null && r < best) {
                    best = r;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            String left = parts.get(at);
            String right = parts.get(at + 1);
            // merge every occurrence of the pair, left to right
            for (int i = at; i + 1 < parts.size(); i++) {
                if (parts.get(i).equals(left) && parts.get(i + 1).equals(right)) {
                    parts.set(i, left + right);
                    parts.remove(i + 1);
                }
            }
        }
        List<String> pieces = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            pieces.add(i == 0 ? parts.get(i) : CONTINUATION + parts.get(i));
        }
        return List.copyOf(pieces);
    }

    static String key(String left, String right) {
        return left + '\u0000' + right;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPE);
        p.put("base", base.parameters());
        List<List<String>> m = new ArrayList<>(merges.size());
        for (String[] pair : merges) {
            m.add(List.of(pair[0], pair[1]));
        }
        p.put("merges", m);
        return p;
    }

    @SuppressWarnings("unchecked")
    static BpeTokenizer fromParameters(Map<String, Object> p) {
        Tokenizer base = Tokenizers.fromParameters((Map<String, Object>) Tokenizers.required(p, "base"));
        List<Object> raw = (List<Object>) Tokenizers.required(p, "merges");
        List<String[]> merges = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String l) || !(pair.get(1) instanceof String r)) {
                throw new IllegalArgumentException("a BPE merge must be a list of two pieces, got " + o);
            }
            merges.add(new String[] {l, r});
        }
        return new BpeTokenizer(base, merges);
    }

    @Override
    public String toString() {
        return "byte-pair encoding (" + merges.size() + " merges) over " + base;
    }
}
