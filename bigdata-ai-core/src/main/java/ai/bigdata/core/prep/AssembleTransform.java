package ai.bigdata.core.prep;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.internal.Datasets;
import ai.bigdata.core.internal.ColumnPacker;
import ai.bigdata.core.internal.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Fitted assembly: the listed columns become one float32 tensor column; slot names say what each value is. */
public final class AssembleTransform implements Transform {
    private final String output;
    private final List<String> columns;
    private final List<String> slots;

    AssembleTransform(String output, List<String> columns, List<String> slots) {
        this.output = output;
        this.columns = List.copyOf(columns);
        this.slots = List.copyOf(slots);
    }

    /** The name of every value of the assembled tensor, in order (for reports). */
    public List<String> slotNames() {
        return slots;
    }

    @Override
    public Schema outputSchema(Schema input) {
        int width = 0;
        for (String c : columns) {
            if (!input.contains(c)) {
                throw new PreprocessingException(c, "assembly was fitted on it but the data has no such column; columns are "
                        + input.names());
            }
            Column col = input.column(c);
            if (!(col.type().isNumeric() || col.type() == ColumnType.BOOLEAN || col.type() == ColumnType.TENSOR)) {
                throw new PreprocessingException(c, "assembly needs numeric, boolean or tensor columns, this one is " + col.type());
            }
            width += col.width();
        }
        if (width != slots.size()) {
            throw new PreprocessingException(null, "assembly was fitted on " + slots.size() + " values per row, the data gives "
                    + width + " (a tensor column changed shape?)");
        }
        if (input.contains(output) && !columns.contains(output)) {
            throw new PreprocessingException(output, "the assembled column's name is already taken");
        }
        List<Column> out = new ArrayList<>();
        for (Column c : input.columns()) {
            if (!columns.contains(c.name())) {
                out.add(c);
            }
        }
        out.add(Column.tensor(output, width));
        return new Schema(out);
    }

    @Override
    public Dataset apply(Dataset data) {
        Schema in = data.schema();
        Schema out = outputSchema(in);
        int width = slots.size();
        int[] idx = columns.stream().mapToInt(in::indexOf).toArray();
        return Datasets.mapChunks(data, out, (chunk, firstRow, alloc, vs) -> {
            for (int c = 0; c < in.size(); c++) {
                if (!columns.contains(in.column(c).name())) {
                    vs.add(Vectors.share(chunk.vector(c), alloc));
                }
            }
            int rows = chunk.rowCount();
            FixedSizeListVector tensor = FixedSizeListVector.empty(output, width, alloc);
            vs.add(tensor);
            tensor.addOrGetVector(FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
            tensor.setInitialCapacity(Math.max(rows, 1));
            tensor.allocateNew();
            Float4Vector values = (Float4Vector) tensor.getDataVector();
            values.allocateNew(Math.max(rows * width, 1));
            long dst = values.getDataBuffer().memoryAddress();
            int offset = 0;
            for (int i = 0; i < idx.length; i++) {
                Column col = in.column(idx[i]);
                FieldVector v = chunk.vector(idx[i]);
                if (v.getNullCount() > 0) {
                    for (int row = 0; row < rows; row++) {
                        if (v.isNull(row)) {
                            throw new PreprocessingException(col.name(), "row " + (firstRow + row)
                                    + " is missing; impute it before assembling");
                        }
                    }
                }
                ColumnPacker.pack(col, v, null, 0, rows, dst, width, offset);
                offset += col.width();
            }
            MemoryUtil.setMemory(tensor.getValidityBuffer().memoryAddress(), (rows + 7) / 8, (byte) -1);
            MemoryUtil.setMemory(values.getValidityBuffer().memoryAddress(), ((long) rows * width + 7) / 8, (byte) -1);
            values.setValueCount(rows * width);
            tensor.setValueCount(rows);
        });
    }

    @Override
    public String kind() {
        return "assemble";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("output", output);
        p.put("columns", columns);
        p.put("slots", slots);
        return p;
    }

    @SuppressWarnings("unchecked")
    static AssembleTransform fromParameters(Map<String, Object> p) {
        return new AssembleTransform((String) p.get("output"), (List<String>) p.get("columns"), (List<String>) p.get("slots"));
    }

    @Override
    public String toString() {
        return "assembling " + columns + " into '" + output + "'";
    }
}
