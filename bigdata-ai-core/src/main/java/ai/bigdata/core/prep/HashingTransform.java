package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Cells;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The hashing trick for high-cardinality categorical or text columns: each becomes {@code buckets}
 * float32 columns {@code column#k}, with a 1 in bucket {@code fnv1a64(utf8(value)) mod buckets}. Needs
 * no fitting and no vocabulary, and treats unseen values like any other.
 */
public final class HashingTransform extends ListedColumnsTransform {
    private final int buckets;

    HashingTransform(List<String> columns, int buckets) {
        super(columns);
        if (buckets < 1) {
            throw new IllegalArgumentException("hashing needs at least 1 bucket, got " + buckets);
        }
        this.buckets = buckets;
    }

    /** The bucket of a value: FNV-1a (64 bit) of its UTF-8 bytes, modulo the bucket count. */
    public int bucket(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return (int) Math.floorMod(h, (long) buckets);
    }

    private List<String> bucketNames(String column) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < buckets; k++) {
            names.add(column + "#" + k);
        }
        return names;
    }

    @Override
    public Schema outputSchema(Schema input) {
        requireColumns(input, t -> t == ColumnType.CATEGORICAL || t == ColumnType.TEXT, "hashing", "a categorical or text");
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            if (!columns.contains(c.name())) {
                out.add(c);
                continue;
            }
            for (String name : bucketNames(c.name())) {
                out.add(Column.of(name, ColumnType.FLOAT32, c.role()));
            }
        }
        return new Schema(out);
    }

    @Override
    void mapColumn(int i, Column col, FieldVector in, int rows, long firstRow, BufferAllocator alloc, List<FieldVector> out) {
        requireNoNulls(i, in, rows, firstRow, "hashing");
        long[] slots = newIndicatorColumns(bucketNames(col.name()), rows, alloc, out);
        int[] codeBucket = col.type() == ColumnType.CATEGORICAL
                ? col.categories().stream().mapToInt(this::bucket).toArray() : null;
        for (int row = 0; row < rows; row++) {
            int hot = codeBucket != null ? codeBucket[((IntVector) in).get(row)] : bucket((String) Cells.value(col, in, row));
            setOne(slots[hot], row);
        }
    }

    @Override
    public String kind() {
        return "hashing";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("buckets", buckets);
        return p;
    }

    @SuppressWarnings("unchecked")
    static HashingTransform fromParameters(Map<String, Object> p) {
        return new HashingTransform((List<String>) p.get("columns"), ((Number) p.get("buckets")).intValue());
    }

    @Override
    public String toString() {
        return "hashing of " + columns + " into " + buckets + " buckets each";
    }
}
