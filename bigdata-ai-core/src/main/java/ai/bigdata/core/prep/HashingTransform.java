package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Cells;
import ai.bigdata.core.internal.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/**
 * The hashing trick for high-cardinality categorical or text columns: each becomes {@code buckets}
 * float32 columns {@code column#k}, with a 1 in bucket {@code fnv1a64(utf8(value)) mod buckets}. Needs
 * no fitting and no vocabulary, and treats unseen values like any other.
 */
public final class HashingTransform implements Transform {
    private final List<String> columns;
    private final int buckets;

    HashingTransform(List<String> columns, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("hashing needs at least 1 bucket, got " + buckets);
        }
        this.columns = List.copyOf(columns);
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

    @Override
    public Schema outputSchema(Schema input) {
        for (String c : columns) {
            ColumnType t = input.contains(c) ? input.column(c).type() : null;
            if (t != ColumnType.CATEGORICAL && t != ColumnType.TEXT) {
                throw new PreprocessingException(c, "hashing needs a categorical or text column; the data has "
                        + (t == null ? "no such column" : t.toString()));
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            if (!columns.contains(c.name())) {
                out.add(c);
                continue;
            }
            for (int k = 0; k < buckets; k++) {
                out.add(Column.of(c.name() + "#" + k, ColumnType.FLOAT32, c.role()));
            }
        }
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        return data.mapChunks(out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                FieldVector v = chunk.vector(c);
                if (!columns.contains(in.column(c).name())) {
                    vs.add(Vectors.share(v, alloc));
                    continue;
                }
                Float4Vector[] slots = new Float4Vector[buckets];
                for (int k = 0; k < buckets; k++) {
                    slots[k] = new Float4Vector(in.column(c).name() + "#" + k, alloc);
                    vs.add(slots[k]);
                    slots[k].allocateNew(Math.max(chunk.rowCount(), 1));
                }
                int[] codeBucket = null;
                if (in.column(c).type() == ColumnType.CATEGORICAL) {
                    codeBucket = in.column(c).categories().stream().mapToInt(this::bucket).toArray();
                }
                for (int row = 0; row < chunk.rowCount(); row++) {
                    if (v.isNull(row)) {
                        throw new PreprocessingException(in.column(c).name(), "row " + (firstRow + row)
                                + " is missing; impute it before hashing");
                    }
                    int hot = codeBucket != null ? codeBucket[((org.apache.arrow.vector.IntVector) v).get(row)]
                            : bucket((String) Cells.value(in.column(c), v, row));
                    for (int k = 0; k < buckets; k++) {
                        slots[k].set(row, k == hot ? 1f : 0f);
                    }
                }
                for (Float4Vector s : slots) {
                    s.setValueCount(chunk.rowCount());
                }
            }
        });
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
}
