package ai.bigdata.spark;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Core column types as Spark types and back. A core column becomes a nullable Spark field whose
 * metadata keeps what Spark's type cannot say: the core type (categorical or text for a string), the
 * role, the categories in code order and a tensor's shape.
 */
final class SparkColumns {
    static final String TYPE = "bigdata.type";
    static final String ROLE = "bigdata.role";
    static final String CATEGORIES = "bigdata.categories";
    static final String SHAPE = "bigdata.shape";

    private SparkColumns() {
    }

    /** The Spark schema of a core schema. */
    static StructType structType(Schema schema) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : schema.columns()) {
            fields.add(field(c));
        }
        return DataTypes.createStructType(fields);
    }

    /** The nullable Spark field of a core column, with its core description in the metadata. */
    static StructField field(Column c) {
        MetadataBuilder m = new MetadataBuilder().putString(TYPE, c.type().name()).putString(ROLE, c.role().name());
        if (c.type() == ColumnType.CATEGORICAL) {
            m.putStringArray(CATEGORIES, c.categories().toArray(new String[0]));
        }
        if (c.type() == ColumnType.TENSOR) {
            m.putLongArray(SHAPE, Arrays.stream(c.shape()).asLongStream().toArray());
        }
        return DataTypes.createStructField(c.name(), sparkType(c), true, m.build());
    }

    /** The Spark type that holds a core column's values. */
    static DataType sparkType(Column c) {
        switch (c.type()) {
            case INT32:
                return DataTypes.IntegerType;
            case INT64:
                return DataTypes.LongType;
            case FLOAT32:
                return DataTypes.FloatType;
            case FLOAT64:
                return DataTypes.DoubleType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case TEXT:
            case CATEGORICAL:
                return DataTypes.StringType;
            case TIMESTAMP:
                return DataTypes.TimestampType;
            case TENSOR:
                return DataTypes.createArrayType(DataTypes.FloatType, false);
            default:
                throw new ColumnMismatchException(c.name(), "column '" + c.name() + "' is " + c.type().name().toLowerCase(Locale.ROOT)
                        + "; only scalar and tensor columns convert to Spark so far", null);
        }
    }

    /** The core type of a Spark type, or null when it has none; strings give text (the caller decides on categorical). */
    static ColumnType coreType(DataType t) {
        if (t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.IntegerType)) {
            return ColumnType.INT32;
        }
        if (t.equals(DataTypes.LongType)) {
            return ColumnType.INT64;
        }
        if (t.equals(DataTypes.FloatType)) {
            return ColumnType.FLOAT32;
        }
        if (t.equals(DataTypes.DoubleType)) {
            return ColumnType.FLOAT64;
        }
        if (t.equals(DataTypes.BooleanType)) {
            return ColumnType.BOOLEAN;
        }
        if (t.equals(DataTypes.StringType)) {
            return ColumnType.TEXT;
        }
        if (t.equals(DataTypes.TimestampType)) {
            return ColumnType.TIMESTAMP;
        }
        if (t instanceof ArrayType a && a.elementType().equals(DataTypes.FloatType)) {
            return ColumnType.TENSOR;
        }
        return null;
    }

    /** A metadata string, or null when absent. */
    static String string(Metadata m, String key) {
        return m.contains(key) ? m.getString(key) : null;
    }

    /** A core cell value (as {@code Row.get} gives it) as the value Spark's row encoder takes. */
    static Object toSpark(Object value, boolean java8Time) {
        if (value instanceof Instant i && !java8Time) {
            return Timestamp.from(i);
        }
        return value;
    }

    /** A Spark timestamp value (either external type) as an instant. */
    static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    /** A Spark {@code array<float>} value as a tensor cell; a null element is refused, naming the column. */
    static float[] floats(List<Float> list, String column) {
        float[] out = new float[list.size()];
        for (int k = 0; k < out.length; k++) {
            Float f = list.get(k);
            if (f == null) {
                throw new ColumnMismatchException(column, "column '" + column + "': element " + k + " of an array is null;"
                        + " a tensor cell has no missing elements (a missing cell is a null array)", null);
            }
            out[k] = f;
        }
        return out;
    }
}
