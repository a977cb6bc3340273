package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;

/** Fitted one-hot encoding: each encoded column becomes one float32 0/1 column per fitted category. */
public final class OneHotTransform implements Transform {
    private static final int ONE = Float.floatToRawIntBits(1f);

    private final List<String> columns;
    private final List<List<String>> categories;
    private final Unknown unknown;
    private final boolean other;

    OneHotTransform(List<String> columns, List<List<String>> categories, Unknown unknown, boolean other) {
        this.columns = List.copyOf(columns);
        this.categories = categories.stream().map(List::copyOf).toList();
        this.unknown = unknown;
        this.other = other;
    }

    /** The fitted categories of a column, in output order (without the other bucket). */
    public List<String> categories(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new PreprocessingException(column, "one-hot encoding was not fitted on it; fitted columns are " + columns);
        }
        return categories.get(i);
    }

    private int width(int i) {
        return categories.get(i).size() + (other ? 1 : 0);
    }

    @Override
    public Schema outputSchema(Schema input) {
        List<Column> out = new ArrayList<>();
        for (String c : columns) {
            if (!input.contains(c)) {
                throw new PreprocessingException(c, "one-hot encoding was fitted on it but the data has no such column; columns are "
                        + input.names());
            }
            if (input.column(c).type() != ColumnType.CATEGORICAL) {
                throw new PreprocessingException(c, "one-hot encoding needs a categorical column, this one is " + input.column(c).type());
            }
        }
        for (Column c : input.columns()) {
            int i = columns.indexOf(c.name());
            if (i < 0) {
                out.add(c);
                continue;
            }
            for (String cat : categories.get(i)) {
                out.add(Column.of(c.name() + "=" + cat, ColumnType.FLOAT32, c.role()));
            }
            if (other) {
                out.add(Column.of(c.name() + "=" + Encode.OTHER, ColumnType.FLOAT32, c.role()));
            }
        }
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        int[] listed = new int[in.size()];
        int[][] codeMaps = new int[in.size()][];
        for (int c = 0; c < in.size(); c++) {
            listed[c] = columns.indexOf(in.column(c).name());
            if (listed[c] >= 0) {
                codeMaps[c] = CategoryCodes.map(in.column(c).categories(), categories.get(listed[c]));
            }
        }
        return data.mapChunks(out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                if (listed[c] < 0) {
                    vs.add(Vectors.share(chunk.vector(c), alloc));
                    continue;
                }
                int i = listed[c];
                int w = width(i);
                Float4Vector[] slots = new Float4Vector[w];
                for (int k = 0; k < w; k++) {
                    slots[k] = new Float4Vector(out.column(vs.size()).name(), alloc);
                    vs.add(slots[k]);
                    slots[k].allocateNew(Math.max(chunk.rowCount(), 1));
                }
                IntVector codes = (IntVector) chunk.vector(c);
                int rows = chunk.rowCount();
                if (codes.getNullCount() > 0) {
                    for (int row = 0; row < rows; row++) {
                        if (codes.isNull(row)) {
                            throw new PreprocessingException(columns.get(i), "row " + (firstRow + row)
                                    + " is missing; impute it before encoding");
                        }
                    }
                }
                // the new vectors are zero-filled: mark every row present, then write the ones
                long[] address = new long[w];
                for (int k = 0; k < w; k++) {
                    address[k] = slots[k].getDataBuffer().memoryAddress();
                    MemoryUtil.setMemory(slots[k].getValidityBuffer().memoryAddress(), (rows + 7) / 8, (byte) -1);
                }
                long codeAddress = codes.getDataBuffer().memoryAddress();
                int[] map = codeMaps[c];
                for (int row = 0; row < rows; row++) {
                    int code = MemoryUtil.getInt(codeAddress + 4L * row);
                    int hot = map[code];
                    if (hot < 0) {
                        if (unknown == Unknown.ERROR) {
                            throw new PreprocessingException(columns.get(i), "category '"
                                    + in.column(c).categories().get(codes.get(row)) + "' in row " + (firstRow + row)
                                    + " was not seen when the encoder was fitted; fitted categories are " + categories.get(i));
                        }
                        hot = unknown == Unknown.OTHER ? w - 1 : -1;
                    }
                    if (hot >= 0) {
                        MemoryUtil.putInt(address[hot] + 4L * row, ONE);
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
        return "one-hot";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        p.put("categories", categories);
        p.put("unknown", unknown.name());
        p.put("other", other);
        return p;
    }

    @SuppressWarnings("unchecked")
    static OneHotTransform fromParameters(Map<String, Object> p) {
        return new OneHotTransform((List<String>) p.get("columns"), (List<List<String>>) p.get("categories"),
                Unknown.valueOf((String) p.get("unknown")), (Boolean) p.get("other"));
    }
}
