package ai.bigdata.nlp.embed;

import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest-neighbour search by cosine similarity over the vectors of a tensor column, e.g. the
 * sentence embeddings of a question-and-answer collection: the building block of retrieval. Every query is
 * compared with every row (no approximation), so a search costs rows x dimension multiplications.
 *
 * <p>Vectors are copied to the heap as float32 and normalised to unit length when the index is built, so
 * the scores are true cosines for any non-zero vectors (for unit vectors, such as {@link SentenceEncoder}'s,
 * they are the dot products). A vector of the wrong length, with a NaN or infinite value, of zero length or
 * null is an {@link InvalidVectorException} naming its row (or the query). Immutable and thread-safe.
 */
public final class SemanticIndex {
    private final int dimension;
    private final float[] vectors;
    private final List<Object> ids;

    private SemanticIndex(int dimension, float[] vectors, List<Object> ids) {
        this.dimension = dimension;
        this.vectors = vectors;
        this.ids = ids;
    }

    /** An index over {@code vectors} (all of one length), whose ids are their positions. */
    public static SemanticIndex of(List<float[]> vectors) {
        List<Object> ids = new ArrayList<>(vectors.size());
        for (long i = 0; i < vectors.size(); i++) {
            ids.add(i);
        }
        return of(vectors, ids);
    }

    /** An index over {@code vectors} (all of one length) with these ids, one per vector. */
    public static SemanticIndex of(List<float[]> vectors, List<?> ids) {
        if (vectors.size() != ids.size()) {
            throw new IllegalArgumentException(vectors.size() + " vectors but " + ids.size() + " ids");
        }
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one vector");
        }
        if (vectors.get(0) == null) {
            throw new InvalidVectorException(0, "is null");
        }
        int dimension = vectors.get(0).length;
        float[] flat = new float[Math.multiplyExact(vectors.size(), dimension)];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(unit(vectors.get(i), dimension, i), 0, flat, i * dimension, dimension);
        }
        return new SemanticIndex(dimension, flat, Collections.unmodifiableList(new ArrayList<>(ids)));
    }

    /**
     * An index over the tensor column {@code vectorColumn} of {@code data}, with the values of {@code idColumn}
     * as ids, or the row numbers when {@code idColumn} is null.
     *
     * @throws IllegalArgumentException naming a missing column or one that is not a one-dimensional tensor
     */
    public static SemanticIndex of(Dataset data, String vectorColumn, String idColumn) {
        Schema schema = data.schema();
        if (!schema.contains(vectorColumn) || schema.column(vectorColumn).type() != ColumnType.TENSOR
                || schema.column(vectorColumn).shape().length != 1) {
            throw new IllegalArgumentException("'" + vectorColumn + "' is not a one-dimensional tensor column; columns are " + schema);
        }
        if (idColumn != null && !schema.contains(idColumn)) {
            throw new IllegalArgumentException("no id column '" + idColumn + "'; columns are " + schema.names());
        }
        List<float[]> vectors = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        data.forEachRow(r -> {
            vectors.add(r.isNull(vectorColumn) ? null : (float[]) r.get(vectorColumn));
            ids.add(idColumn == null ? (long) ids.size() : r.get(idColumn));
        });
        return of(vectors, ids);
    }

    /** The number of indexed vectors. */
    public int size() {
        return ids.size();
    }

    /** The length every vector and query must have. */
    public int dimension() {
        return dimension;
    }

    /**
     * The {@code k} rows most similar to {@code query}, most similar first; equal scores in row order.
     * Fewer than {@code k} when the index is smaller.
     *
     * @throws InvalidVectorException for a query of the wrong length, with NaN or infinite values, or zero
     */
    public List<Neighbour> search(float[] query, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        float[] q = unit(query, dimension, -1);
        PriorityQueue<Neighbour> best = new PriorityQueue<>(SemanticIndex::worseFirst);
        for (int row = 0; row < size(); row++) {
            double score = 0;
            int base = row * dimension;
            for (int d = 0; d < dimension; d++) {
                score += (double) q[d] * vectors[base + d];
            }
            if (best.size() < k) {
                best.add(new Neighbour(row, ids.get(row), score));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new Neighbour(row, ids.get(row), score));
            }
        }
        List<Neighbour> out = new ArrayList<>(best);
        out.sort((a, b) -> worseFirst(b, a));
        return out;
    }

    /** Orders a below b when a has the lower score, or the same score and the later row. */
    private static int worseFirst(Neighbour a, Neighbour b) {
        int c = Double.compare(a.score(), b.score());
        return c != 0 ? c : Long.compare(b.row(), a.row());
    }

    private static float[] unit(float[] v, int dimension, long row) {
        if (v == null) {
            throw new InvalidVectorException(row, "is null");
        }
        if (v.length != dimension) {
            throw new InvalidVectorException(row, "has " + v.length + " values, the index has dimension " + dimension);
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            if (!Float.isFinite(v[d])) {
                throw new InvalidVectorException(row, "value " + d + " is " + v[d]);
            }
            norm += (double) v[d] * v[d];
        }
        if (norm == 0) {
            throw new InvalidVectorException(row, "is zero; a cosine needs a direction");
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            out[d] = (float) (v[d] / norm);
        }
        return out;
    }
}
