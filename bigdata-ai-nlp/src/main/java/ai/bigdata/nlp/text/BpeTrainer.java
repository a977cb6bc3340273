package ai.bigdata.nlp.text;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.prep.PreprocessingException;
import ai.bigdata.nlp.vectorize.TextColumns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns the merges of a {@link BpeTokenizer} from a corpus: the words of the base tokenizer are counted,
 * each starts as its characters, and the most frequent adjacent pair of pieces (over all words, weighted by
 * word count) is merged, again and again, until {@link #merges(int)} merges are learned or no pair occurs
 * {@link #minPairCount(int)} times. Pair counts are updated only for the words a merge touches, so training
 * costs about the size of the distinct-word list times the merges that reach each word, not the corpus size
 * times the merges. Ties go to the pair whose pieces come first in code-point order, so the same corpus
 * always gives the same merges.
 */
public final class BpeTrainer {
    private Tokenizer base = WordTokenizer.standard();
    private int merges = 8000;
    private int minPairCount = 2;

    BpeTrainer() {
    }

    /** The tokenizer that splits texts into the words to encode (default {@link WordTokenizer#standard()}). */
    public BpeTrainer base(Tokenizer tokenizer) {
        this.base = Objects.requireNonNull(tokenizer, "tokenizer");
        return this;
    }

    /** The most merges to learn (default 8000); the vocabulary is about the alphabet plus this many pieces. */
    public BpeTrainer merges(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("merges must be >= 0, got " + n);
        }
        this.merges = n;
        return this;
    }

    /** The fewest occurrences a pair needs to be merged (default 2). */
    public BpeTrainer minPairCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("minPairCount must be >= 1, got " + n);
        }
        this.minPairCount = n;
        return this;
    }

    /**
     * Learns the merges from {@code texts}.
     *
     * @throws IllegalArgumentException when a text is null (naming its position)
     */
    public BpeTokenizer train(Iterable<String> texts) {
        Map<String, Long> wordCounts = new HashMap<>();
        long position = 0;
        for (String text : texts) {
            if (text == null) {
                throw new IllegalArgumentException("text " + position + " is null; drop or fill missing texts before training");
            }
            count(text, wordCounts);
            position++;
        }
        return learn(wordCounts);
    }

    /**
     * Learns the merges from the text column {@code column} of {@code data}, streamed row by row.
     *
     * @throws PreprocessingException when the column is missing or not text, or a row is null (naming it)
     */
    public BpeTokenizer train(Dataset data, String column) {
        TextColumns.check(column, column, data.schema());
        Map<String, Long> wordCounts = new HashMap<>();
        long[] row = {0};
        data.forEachRow(r -> count(TextColumns.text(column, r.getString(column), row[0]++), wordCounts));
        return learn(wordCounts);
    }

    private void count(String text, Map<String, Long> wordCounts) {
        for (String word : base.tokens(text)) {
            BpeTokenizer.forEachPart(word, part -> wordCounts.merge(part, 1L, Long::sum));
        }
    }

    private BpeTokenizer learn(Map<String, Long> wordCounts) {
        return new BpeTokenizer(base, new Learning(wordCounts).learn(merges, minPairCount));
    }

    /** The state of one training run: words as arrays of piece ids, pair counts and where each pair occurs. */
    private static final class Learning {
        private final List<String> pieces = new ArrayList<>();
        private final Map<String, Integer> pieceIds = new HashMap<>();
        private final int[][] words;
        private final long[] counts;
        private final Map<Long, Long> pairCounts = new HashMap<>();
        /** Words (indices) where a pair occurs or occurred; stale entries are skipped when met. */
        private final Map<Long, List<Integer>> pairWords = new HashMap<>();
        private final PriorityQueue<long[]> queue;

        Learning(Map<String, Long> wordCounts) {
            // sorted, so that piece ids and hence everything below do not depend on hash order
            TreeMap<String, Long> sorted = new TreeMap<>(wordCounts);
            words = new int[sorted.size()][];
            counts = new long[sorted.size()];
            int w = 0;
            for (Map.Entry<String, Long> e : sorted.entrySet()) {
                words[w] = e.getKey().codePoints().map(cp -> id(new String(Character.toChars(cp)))).toArray();
                counts[w] = e.getValue();
                w++;
            }
            queue = new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> -e[0])
                    .thenComparing((a, b) -> comparePairs(a[1], b[1])));
            for (w = 0; w < words.length; w++) {
                addPairs(w, 1);
            }
            pairCounts.forEach((pair, count) -> queue.add(new long[] {count, pair}));
        }

        private int id(String piece) {
            return pieceIds.computeIfAbsent(piece, p -> {
                pieces.add(p);
                return pieces.size() - 1;
            });
        }

        private int comparePairs(long a, long b) {
            int c = pieces.get(left(a)).compareTo(pieces.get(left(b)));
            return c != 0 ? c : pieces.get(right(a)).compareTo(pieces.get(right(b)));
        }

        private static long pair(int left, int right) {
            return ((long) left << 32) | (right & 0xFFFFFFFFL);
        }

        private static int left(long pair) {
            return (int) (pair >>> 32);
        }

        private static int right(long pair) {
            return (int) pair;
        }

        /** Adds ({@code sign} 1) or removes (-1) the pairs of word {@code w} to the counts. */
        private void addPairs(int w, int sign) {
            int[] s = words[w];
            for (int i = 0; i + 1 < s.length; i++) {
                long p = pair(s[i], s[i + 1]);
                long c = pairCounts.merge(p, sign * counts[w], Long::sum);
                if (sign > 0) {
                    List<Integer> where = pairWords.computeIfAbsent(p, k -> new ArrayList<>());
                    if (where.isEmpty() || where.get(where.size() - 1) != w) {
                        where.add(w);
                    }
                } else if (c == 0) {
                    pairCounts.remove(p);
                }
            }
        }

        List<String[]> learn(int maxMerges, int minPairCount) {
            List<String[]> merges = new ArrayList<>();
            Set<String> learned = new HashSet<>();
            while (merges.size() < maxMerges && !queue.isEmpty()) {
                long[] top = queue.poll();
                long pair = top[1];
                long current = pairCounts.getOrDefault(pair, 0L);
                if (current != top[0]) {
                    if (current > 0) {
                        queue.add(new long[] {current, pair}); // stale entry: requeue with the true count
                    }
                    continue;
                }
                if (current < minPairCount) {
                    break;
                }
                String l = pieces.get(left(pair));
                String r = pieces.get(right(pair));
                if (learned.add(BpeTokenizer.key(l, r))) {
                    merges.add(new String[] {l, r}); // a pair met again (a merge rebuilt a piece) needs no second rank
                }
                merge(pair, id(l + r));
            }
            return merges;
        }

        /** Replaces the pair by the new piece in every word where it occurs, updating the pair counts. */
        private void merge(long pair, int merged) {
            int a = left(pair);
            int b = right(pair);
            List<Integer> where = pairWords.getOrDefault(pair, List.of());
            pairWords.remove(pair);
            // a pair's count goes up only where a merged word has it: those are queued with their new counts
            // (a count that went down is corrected when its queue entry comes up)
            Set<Long> grown = new HashSet<>();
            for (int w : where) {
                int[] s = words[w];
                if (!contains(s, a, b)) {
                    continue; // an earlier merge took this occurrence
                }
                addPairs(w, -1);
                int[] out = new int[s.length];
                int n = 0;
                for (int i = 0; i < s.length; i++) {
                    if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                        out[n++] = merged;
                        i++;
                    } else {
                        out[n++] = s[i];
                    }
                }
                words[w] = Arrays.copyOf(out, n);
                addPairs(w, 1);
                for (int i = 0; i + 1 < n; i++) {
                    grown.add(pair(words[w][i], words[w][i + 1]));
                }
            }
            for (long p : grown) {
                long now = pairCounts.getOrDefault(p, 0L);
                if (now > 0) {
                    queue.add(new long[] {now, p});
                }
            }
        }

        private static boolean contains(int[] s, int a, int b) {
            for (int i = 0; i + 1 < s.length; i++) {
                if (s[i] == a && s[i + 1] == b) {
                    return true;
                }
            }
            return false;
        }
    }
}
