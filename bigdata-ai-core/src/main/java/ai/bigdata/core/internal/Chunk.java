package ai.bigdata.core.internal;

import ai.bigdata.core.data.Schema;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** One record batch: a vector per schema column and a row count. Ownership stays with its source. */
public final class Chunk {
    private final Schema schema;
    private final List<FieldVector> vectors;
    private final int rowCount;

    /** A chunk over the given vectors. */
    public Chunk(Schema schema, List<FieldVector> vectors, int rowCount) {
        if (schema.size() != vectors.size()) {
            throw new IllegalArgumentException("schema has " + schema.size() + " columns but " + vectors.size() + " vectors");
        }
        this.schema = schema;
        this.vectors = List.copyOf(vectors);
        this.rowCount = rowCount;
    }

    /** The schema. */
    public Schema schema() {
        return schema;
    }

    /** The vector of a column position. */
    public FieldVector vector(int column) {
        return vectors.get(column);
    }

    /** All vectors, in schema order. */
    public List<FieldVector> vectors() {
        return vectors;
    }

    /** Number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** Closes the vectors: only for chunks the caller owns. */
    public void closeVectors() {
        for (FieldVector v : vectors) {
            v.close();
        }
    }
}
