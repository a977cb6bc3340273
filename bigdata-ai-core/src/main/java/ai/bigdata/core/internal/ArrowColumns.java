package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.io.DataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Maps logical columns to Arrow fields and vectors and back. Roles and shapes live in field metadata. */
public final class ArrowColumns {
    /** Field metadata key of the logical type. */
    public static final String TYPE_KEY = "bigdata.type";
    /** Field metadata key of the role. */
    public static final String ROLE_KEY = "bigdata.role";
    /** Field metadata key of a tensor's shape, comma separated. */
    public static final String SHAPE_KEY = "bigdata.shape";
    /** Field metadata key of a class mask's class names, one a line, in id order. */
    public static final String CLASSES_KEY = "bigdata.classes";
    /** Field metadata key marking a boxes column ({@code Column.boxes}): value {@code "true"}. */
    public static final String BOXES_KEY = "bigdata.boxes";

    /** Name of the index child of a sparse column's entries. */
    public static final String SPARSE_INDEX = "index";
    /** Name of the value child of a sparse column's entries. */
    public static final String SPARSE_VALUE = "value";

    private static final ArrowType.Int INT32 = new ArrowType.Int(32, true);

    private ArrowColumns() {
    }

    /** The Arrow type of a logical column's values (for categoricals: the dictionary's value type). */
    static ArrowType arrowType(Column c) {
        switch (c.type()) {
            case INT32: return INT32;
            case INT64: return new ArrowType.Int(64, true);
            case FLOAT32: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOLEAN: return ArrowType.Bool.INSTANCE;
            case TEXT: return ArrowType.Utf8.INSTANCE;
            case CATEGORICAL: return INT32;
            case TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
            case TENSOR: return new ArrowType.FixedSizeList(c.width());
            case SPARSE: return ArrowType.List.INSTANCE;
            default: throw new IllegalStateException("unknown type " + c.type());
        }
    }

    /** The entry struct of a sparse column's list: a non-null int32 index and a non-null float32 value. */
    private static Field sparseEntry() {
        return new Field("entry", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                new Field(SPARSE_INDEX, FieldType.notNullable(INT32), null),
                new Field(SPARSE_VALUE, FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null)));
    }

    private static Map<String, String> metadata(Column c) {
        Map<String, String> m = new HashMap<>();
        m.put(TYPE_KEY, c.type().name().toLowerCase(Locale.ROOT));
        m.put(ROLE_KEY, c.role().name().toLowerCase(Locale.ROOT));
        if (c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE) {
            m.put(SHAPE_KEY, Arrays.stream(c.shape()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        if (c.isMask() || c.isBoxes()) {
            m.put(CLASSES_KEY, String.join("\n", c.categories()));
        }
        if (c.isBoxes()) {
            m.put(BOXES_KEY, "true");
        }
        return m;
    }

    /**
     * The Arrow field of a column. A categorical becomes int32 codes with a dictionary encoding whose id
     * is {@code dictionaryId}.
     */
    public static Field toField(Column c, long dictionaryId) {
        DictionaryEncoding enc = c.type() == ColumnType.CATEGORICAL ? new DictionaryEncoding(dictionaryId, false, INT32) : null;
        FieldType ft = new FieldType(true, arrowType(c), enc, metadata(c));
        List<Field> children = null;
        if (c.type() == ColumnType.TENSOR) {
            children = List.of(new Field("item", new FieldType(false,
                    new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), null), null));
        } else if (c.type() == ColumnType.SPARSE) {
            children = List.of(sparseEntry());
        }
        return new Field(c.name(), ft, children);
    }

    /** The Arrow schema of a logical schema; dictionary ids are the column positions. */
    public static org.apache.arrow.vector.types.pojo.Schema toArrowSchema(Schema s) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            fields.add(toField(s.column(i), i));
        }
        return new org.apache.arrow.vector.types.pojo.Schema(fields);
    }

    /** A new, empty vector for a column. */
    public static FieldVector newVector(Column c, BufferAllocator allocator) {
        switch (c.type()) {
            case INT32:
            case CATEGORICAL:
                return new IntVector(c.name(), allocator);
            case INT64: return new BigIntVector(c.name(), allocator);
            case FLOAT32: return new Float4Vector(c.name(), allocator);
            case FLOAT64: return new Float8Vector(c.name(), allocator);
            case BOOLEAN: return new BitVector(c.name(), allocator);
            case TEXT: return new VarCharVector(c.name(), allocator);
            case TIMESTAMP: return new TimeStampMilliTZVector(c.name(), allocator, "UTC");
            case TENSOR: {
                FixedSizeListVector v = FixedSizeListVector.empty(c.name(), c.width(), allocator);
                v.addOrGetVector(FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
                return v;
            }
            case SPARSE: return (FieldVector) toField(c, 0).createVector(allocator);
            default: throw new IllegalStateException("unknown type " + c.type());
        }
    }

    /**
     * The logical column of an Arrow field, read from our metadata when present and inferred from the
     * Arrow type otherwise (so files written by other Arrow tools load too).
     */
    public static Column fromField(Field f, DictionaryProvider provider, String source) {
        Map<String, String> md = f.getMetadata() == null ? Map.of() : f.getMetadata();
        ColumnRole role = md.containsKey(ROLE_KEY) ? ColumnRole.valueOf(md.get(ROLE_KEY).toUpperCase(Locale.ROOT)) : ColumnRole.FEATURE;
        ArrowType t = f.getType();
        DictionaryEncoding enc = f.getDictionary();
        if (enc != null) {
            if (enc.getIndexType().getBitWidth() != 32) {
                throw new DataFormatException(source, "field '" + f.getName() + "': dictionary index type "
                        + enc.getIndexType() + " is not supported; categoricals need int32 codes");
            }
            Dictionary d = provider == null ? null : provider.lookup(enc.getId());
            if (d == null) {
                throw new DataFormatException(source, "field '" + f.getName() + "' refers to dictionary " + enc.getId()
                        + ", which the file does not hold");
            }
            return Column.categorical(f.getName(), role, dictionaryValues(d, f.getName(), source));
        }
        ColumnType type;
        if (t instanceof ArrowType.Int) {
            int bits = ((ArrowType.Int) t).getBitWidth();
            if (!((ArrowType.Int) t).getIsSigned() || (bits != 32 && bits != 64)) {
                throw unsupported(f, source);
            }
            type = bits == 32 ? ColumnType.INT32 : ColumnType.INT64;
        } else if (t instanceof ArrowType.FloatingPoint) {
            FloatingPointPrecision p = ((ArrowType.FloatingPoint) t).getPrecision();
            if (p == FloatingPointPrecision.HALF) {
                throw unsupported(f, source);
            }
            type = p == FloatingPointPrecision.SINGLE ? ColumnType.FLOAT32 : ColumnType.FLOAT64;
        } else if (t instanceof ArrowType.Bool) {
            type = ColumnType.BOOLEAN;
        } else if (t instanceof ArrowType.Utf8) {
            type = ColumnType.TEXT;
        } else if (t instanceof ArrowType.Timestamp && ((ArrowType.Timestamp) t).getUnit() == TimeUnit.MILLISECOND
                && "UTC".equals(((ArrowType.Timestamp) t).getTimezone())) {
            type = ColumnType.TIMESTAMP;
        } else if (t instanceof ArrowType.FixedSizeList && f.getChildren().size() == 1
                && f.getChildren().get(0).getType().equals(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))) {
            int size = ((ArrowType.FixedSizeList) t).getListSize();
            int[] shape = md.containsKey(SHAPE_KEY) ? parseShape(md.get(SHAPE_KEY), f, source) : new int[] {size};
            Column c = md.containsKey(BOXES_KEY) && md.containsKey(CLASSES_KEY) && shape.length == 2 && shape[1] == 5
                    ? Column.boxes(f.getName(), List.of(md.get(CLASSES_KEY).split("\n", -1)), shape[0]).withRole(role)
                    : md.containsKey(CLASSES_KEY) ? Column.mask(f.getName(), List.of(md.get(CLASSES_KEY).split("\n", -1)), shape)
                    .withRole(role) : Column.tensor(f.getName(), shape).withRole(role);
            if (c.width() != size) {
                throw new DataFormatException(source, "field '" + f.getName() + "': shape " + Arrays.toString(shape)
                        + " does not match list size " + size);
            }
            return c;
        } else if (t instanceof ArrowType.List && f.getChildren().size() == 1
                && f.getChildren().get(0).getChildren().equals(sparseEntry().getChildren())) {
            if (!"sparse".equals(md.get(TYPE_KEY)) || !md.containsKey(SHAPE_KEY)) {
                throw new DataFormatException(source, "field '" + f.getName() + "' is a list of (index, value) entries but"
                        + " has no sparse dimension in its metadata (" + TYPE_KEY + "=sparse, " + SHAPE_KEY + "=<dimension>)");
            }
            int[] shape = parseShape(md.get(SHAPE_KEY), f, source);
            if (shape.length != 1 || shape[0] <= 0) {
                throw new DataFormatException(source, "field '" + f.getName() + "': bad sparse dimension '" + md.get(SHAPE_KEY) + "'");
            }
            return Column.sparse(f.getName(), shape[0]).withRole(role);
        } else {
            throw unsupported(f, source);
        }
        return Column.of(f.getName(), type, role);
    }

    private static int[] parseShape(String s, Field f, String source) {
        try {
            return Arrays.stream(s.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, "field '" + f.getName() + "': bad shape metadata '" + s + "'");
        }
    }

    private static DataFormatException unsupported(Field f, String source) {
        return new DataFormatException(source, "field '" + f.getName() + "' has Arrow type " + f.getType()
                + ", which has no logical column type here (supported: int32, int64, float32, float64, bool, utf8,"
                + " timestamp[ms, UTC], fixed_size_list<float32>, list<struct<index: int32, value: float32>> with a sparse"
                + " dimension, dictionary<int32, utf8>)");
    }

    private static List<String> dictionaryValues(Dictionary d, String field, String source) {
        if (!(d.getVector() instanceof VarCharVector)) {
            throw new DataFormatException(source, "field '" + field + "': dictionary values must be utf8, got "
                    + d.getVector().getField().getType());
        }
        VarCharVector v = (VarCharVector) d.getVector();
        List<String> out = new ArrayList<>(v.getValueCount());
        for (int i = 0; i < v.getValueCount(); i++) {
            if (v.isNull(i)) {
                throw new DataFormatException(source, "field '" + field + "': dictionary entry " + i + " is null");
            }
            out.add(new String(v.get(i), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Builds the Arrow dictionaries of a schema's categoricals (ids = column positions). Caller closes them. */
    public static DictionaryProvider.MapDictionaryProvider dictionaries(Schema s, BufferAllocator allocator) {
        DictionaryProvider.MapDictionaryProvider p = new DictionaryProvider.MapDictionaryProvider();
        for (int i = 0; i < s.size(); i++) {
            Column c = s.column(i);
            if (c.type() != ColumnType.CATEGORICAL) {
                continue;
            }
            VarCharVector values = new VarCharVector(c.name() + ".dictionary", allocator);
            List<String> cats = c.categories();
            values.allocateNew(cats.size());
            for (int k = 0; k < cats.size(); k++) {
                values.setSafe(k, cats.get(k).getBytes(StandardCharsets.UTF_8));
            }
            values.setValueCount(cats.size());
            p.put(new Dictionary(values, new DictionaryEncoding(i, false, INT32)));
        }
        return p;
    }
}
