package ai.bigdata.recsys;

import ai.bigdata.core.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content features of items: for each item id a bag of feature tokens (genres, title words, a decade, ...)
 * weighted by TF-IDF (smooth idf {@code ln((1 + n) / (1 + df)) + 1}, raw counts) and scaled to unit length, so
 * that the dot product of two items is their cosine similarity. Immutable; the vocabulary is sorted, so the
 * same tokens give the same vectors.
 */
public final class ItemFeatures {
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final IdIndex items;
    private final int dimension;
    /** Row {@code r} (item {@code items.id(r)}) holds entries {@code start[r]} to {@code start[r + 1] - 1}. */
    private final int[] start;
    private final int[] index;
    private final float[] value;

    private ItemFeatures(IdIndex items, int dimension, int[] start, int[] index, float[] value) {
        this.items = items;
        this.dimension = dimension;
        this.start = start;
        this.index = index;
        this.value = value;
    }

    /**
     * Features from each item's tokens (repeats count); an item with no tokens has an all-zero vector.
     *
     * @throws IllegalArgumentException when there is no item, or a token is null or blank
     */
    public static ItemFeatures of(Map<Long, ? extends Collection<String>> tokensByItem) {
        Objects.requireNonNull(tokensByItem, "tokensByItem");
        if (tokensByItem.isEmpty()) {
            throw new IllegalArgumentException("item features need at least one item");
        }
        TreeMap<String, Integer> df = new TreeMap<>();
        for (Map.Entry<Long, ? extends Collection<String>> e : tokensByItem.entrySet()) {
            for (String t : new java.util.HashSet<>(e.getValue())) {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException("item " + e.getKey() + " has a null or blank feature token");
                }
                df.merge(t, 1, Integer::sum);
            }
        }
        Map<String, Integer> column = new HashMap<>();
        double[] idf = new double[df.size()];
        int n = tokensByItem.size();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            idf[column.size()] = Math.log((1.0 + n) / (1.0 + e.getValue())) + 1;
            column.put(e.getKey(), column.size());
        }
        IdIndex ids = IdIndex.of(tokensByItem.keySet().stream().mapToLong(Long::longValue).toArray());
        int[] start = new int[ids.size() + 1];
        List<int[]> rowIndex = new ArrayList<>();
        List<float[]> rowValue = new ArrayList<>();
        for (int r = 0; r < ids.size(); r++) {
            TreeMap<Integer, Double> counts = new TreeMap<>();
            for (String t : tokensByItem.get(ids.id(r))) {
                counts.merge(column.get(t), 1.0, Double::sum);
            }
            double norm = 0;
            for (Map.Entry<Integer, Double> e : counts.entrySet()) {
                double w = e.getValue() * idf[e.getKey()];
                e.setValue(w);
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            int[] idx = new int[counts.size()];
            float[] val = new float[counts.size()];
            int k = 0;
            for (Map.Entry<Integer, Double> e : counts.entrySet()) {
                idx[k] = e.getKey();
                val[k++] = (float) (e.getValue() / norm);
            }
            rowIndex.add(idx);
            rowValue.add(val);
            start[r + 1] = start[r] + idx.length;
        }
        int[] index = new int[start[ids.size()]];
        float[] value = new float[index.length];
        for (int r = 0; r < ids.size(); r++) {
            System.arraycopy(rowIndex.get(r), 0, index, start[r], rowIndex.get(r).length);
            System.arraycopy(rowValue.get(r), 0, value, start[r], rowValue.get(r).length);
        }
        return new ItemFeatures(ids, df.size(), start, index, value);
    }

    /**
     * The features of a GroupLens {@code movies.csv} ({@code movieId,title,genres}, titles quoted when they
     * hold commas): a token per genre ({@code genre:Comedy}; "(no genres listed)" gives none), per word of the
     * title without its year, lower-cased ({@code title:star}), and the decade of the year in parentheses at
     * the title's end ({@code decade:1990}).
     *
     * @throws ai.bigdata.core.io.DataFormatException for a malformed file, naming file and line
     */
    public static ItemFeatures readMovieLens(Path moviesCsv) {
        Map<Long, List<String>> tokens = new HashMap<>();
        try (Dataset movies = Dataset.readCsv(moviesCsv).column("movieId", ai.bigdata.core.data.ColumnType.INT64)
                .column("title", ai.bigdata.core.data.ColumnType.TEXT).column("genres", ai.bigdata.core.data.ColumnType.TEXT).read()) {
            movies.forEachRow(r -> tokens.put((long) r.getDouble("movieId"), movieTokens(r.getString("title"), r.getString("genres"))));
        }
        return of(tokens);
    }

    static List<String> movieTokens(String title, String genres) {
        List<String> out = new ArrayList<>();
        if (genres != null && !genres.equals("(no genres listed)")) {
            for (String g : genres.split("\\|")) {
                if (!g.isBlank()) {
                    out.add("genre:" + g.trim());
                }
            }
        }
        String name = title == null ? "" : title.trim();
        Matcher year = YEAR.matcher(name);
        if (year.find()) {
            out.add("decade:" + (Integer.parseInt(year.group(1)) / 10 * 10));
            name = name.substring(0, year.start());
        }
        Matcher w = WORD.matcher(name.toLowerCase(Locale.ROOT));
        while (w.find()) {
            if (w.group().length() > 1) {
                out.add("title:" + w.group());
            }
        }
        return out;
    }

    /** The same features for the listed items only (ids without features are ignored); the vocabulary is kept. */
    public ItemFeatures restrictTo(long[] itemIds) {
        Map<Long, Integer> keep = new TreeMap<>();
        for (long id : itemIds) {
            int r = items.index(id);
            if (r >= 0) {
                keep.put(id, r);
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("none of the " + itemIds.length + " items has features");
        }
        int[] s = new int[keep.size() + 1];
        int k = 0;
        for (int r : keep.values()) {
            s[k + 1] = s[k] + start[r + 1] - start[r];
            k++;
        }
        int[] idx = new int[s[keep.size()]];
        float[] val = new float[idx.length];
        k = 0;
        for (int r : keep.values()) {
            System.arraycopy(index, start[r], idx, s[k], start[r + 1] - start[r]);
            System.arraycopy(value, start[r], val, s[k], start[r + 1] - start[r]);
            k++;
        }
        return new ItemFeatures(IdIndex.of(keep.keySet().stream().mapToLong(Long::longValue).toArray()), dimension, s, idx, val);
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** Size of the token vocabulary. */
    public int dimension() {
        return dimension;
    }

    /** The item ids, ascending. */
    public long[] itemIds() {
        return items.ids();
    }

    /** Whether {@code item} has features. */
    public boolean contains(long item) {
        return items.contains(item);
    }

    /** Adds {@code weight} times item {@code item}'s unit vector into {@code dense}; nothing for an item without features. */
    void addTo(long item, double weight, float[] dense) {
        int r = items.index(item);
        if (r < 0) {
            return;
        }
        for (int k = start[r]; k < start[r + 1]; k++) {
            dense[index[k]] += (float) (weight * value[k]);
        }
    }

    /** The dot product of item {@code item}'s unit vector with {@code dense}; 0 for an item without features. */
    double dot(long item, float[] dense) {
        int r = items.index(item);
        if (r < 0) {
            return 0;
        }
        double s = 0;
        for (int k = start[r]; k < start[r + 1]; k++) {
            s += value[k] * (double) dense[index[k]];
        }
        return s;
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(dimension);
        Codec.writeLongs(out, items.ids());
        Codec.writeInts(out, start);
        Codec.writeInts(out, index);
        Codec.writeFloats(out, value);
    }

    static ItemFeatures read(java.io.DataInputStream in) throws java.io.IOException {
        int dimension = in.readInt();
        IdIndex ids = IdIndex.of(Codec.readLongs(in));
        int[] start = Codec.readInts(in);
        int[] index = Codec.readInts(in);
        float[] value = Codec.readFloats(in);
        if (dimension < 0 || start.length != ids.size() + 1 || start[0] != 0 || start[ids.size()] != index.length
                || value.length != index.length) {
            throw new java.io.IOException("inconsistent item features");
        }
        for (int r = 0; r < ids.size(); r++) {
            if (start[r + 1] < start[r]) {
                throw new java.io.IOException("inconsistent item features");
            }
        }
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= dimension || !Float.isFinite(value[k])) {
                throw new java.io.IOException("item feature entry " + k + " out of range or not finite");
            }
        }
        return new ItemFeatures(ids, dimension, start, index, value);
    }

    @Override
    public String toString() {
        return "ItemFeatures(" + items.size() + " items, " + dimension + " tokens)";
    }
}
