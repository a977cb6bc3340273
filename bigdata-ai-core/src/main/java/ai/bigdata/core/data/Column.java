package ai.bigdata.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The description of one column: its name, logical type, role, for tensors the shape of one cell,
 * and for categoricals the category names in code order. Immutable.
 */
public final class Column {
    private final String name;
    private final ColumnType type;
    private final ColumnRole role;
    private final int[] shape;
    private final List<String> categories;
    private final boolean boxes;

    private Column(String name, ColumnType type, ColumnRole role, int[] shape, List<String> categories) {
        this(name, type, role, shape, categories, false);
    }

    private Column(String name, ColumnType type, ColumnRole role, int[] shape, List<String> categories, boolean boxes) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must be non-empty, got " + (name == null ? "null" : "\"\""));
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.role = Objects.requireNonNull(role, "role");
        if (type == ColumnType.SPARSE) {
            if (shape == null || shape.length != 1 || shape[0] <= 0) {
                throw new IllegalArgumentException("sparse column '" + name + "' needs one positive dimension, got "
                        + Arrays.toString(shape));
            }
            this.shape = shape.clone();
        } else if (type == ColumnType.TENSOR) {
            if (shape == null || shape.length == 0) {
                throw new IllegalArgumentException("tensor column '" + name + "' needs a shape, got none");
            }
            for (int d : shape) {
                if (d <= 0) {
                    throw new IllegalArgumentException("tensor column '" + name + "' has a non-positive dimension in shape "
                            + Arrays.toString(shape));
                }
            }
            this.shape = shape.clone();
        } else {
            if (shape != null && shape.length > 0) {
                throw new IllegalArgumentException("column '" + name + "' of type " + type + " cannot have a shape");
            }
            this.shape = new int[0];
        }
        if (categories != null && !categories.isEmpty() && type != ColumnType.CATEGORICAL && type != ColumnType.TENSOR) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " cannot have categories");
        }
        this.categories = categories == null ? List.of() : List.copyOf(categories);
        this.boxes = boxes;
    }

    /** A scalar column with the {@link ColumnRole#FEATURE} role. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, ColumnRole.FEATURE, null, null);
    }

    /** A scalar column with the given role. */
    public static Column of(String name, ColumnType type, ColumnRole role) {
        return new Column(name, type, role, null, null);
    }

    /** A float32 tensor column whose cells have the given row-major shape. */
    public static Column tensor(String name, int... shape) {
        return new Column(name, ColumnType.TENSOR, ColumnRole.FEATURE, shape, null);
    }

    /**
     * A class mask: a float32 tensor column whose cells hold one class id per element (0 to
     * {@code classes.size() - 1}, such as a segmentation mask of {@code [height, width]}), with the class
     * names in id order. As a label it makes a per-element classifier ({@code Task.SEGMENTATION}).
     *
     * @throws IllegalArgumentException when there are fewer than two classes or the shape is empty
     */
    public static Column mask(String name, List<String> classes, int... shape) {
        if (classes == null || classes.size() < 2) {
            throw new IllegalArgumentException("mask column '" + name + "' needs at least 2 classes, got " + classes);
        }
        for (String c : classes) {
            if (c == null || c.isEmpty() || c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("mask column '" + name + "': class names must be non-empty single lines, got "
                        + (c == null ? "null" : "'" + c + "'"));
            }
        }
        return new Column(name, ColumnType.TENSOR, ColumnRole.FEATURE, shape, classes);
    }

    /** Whether this is a class mask (a tensor column with class names, see {@link #mask}). */
    public boolean isMask() {
        return type == ColumnType.TENSOR && !categories.isEmpty() && !boxes;
    }

    /**
     * Labelled boxes: a float32 tensor column {@code [maxBoxes, 5]} whose rows are
     * {@code (class id, x0, y0, x1, y1)}, with class id {@code 1 + k} for class {@code classes.get(k)}, the
     * corners in pixels (inclusive bounds, x across, y down), and all-zero rows (class id 0) past a cell's
     * boxes. As a label it makes an object detector ({@code Task.DETECTION}).
     *
     * @throws IllegalArgumentException when there is no class, a class name is empty or multi-line, or
     *     {@code maxBoxes} is not positive
     */
    public static Column boxes(String name, List<String> classes, int maxBoxes) {
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("boxes column '" + name + "' needs at least 1 class, got " + classes);
        }
        for (String c : classes) {
            if (c == null || c.isEmpty() || c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("boxes column '" + name + "': class names must be non-empty single lines, got "
                        + (c == null ? "null" : "'" + c + "'"));
            }
        }
        if (maxBoxes <= 0) {
            throw new IllegalArgumentException("boxes column '" + name + "' needs a positive number of boxes, got " + maxBoxes);
        }
        return new Column(name, ColumnType.TENSOR, ColumnRole.FEATURE, new int[] {maxBoxes, 5}, classes, true);
    }

    /** Whether this is a boxes column (see {@link #boxes}); its categories are the box classes. */
    public boolean isBoxes() {
        return boxes;
    }

    /** A sparse float32 vector column of the given dimension (entries with indices in {@code [0, dimension)}). */
    public static Column sparse(String name, int dimension) {
        return new Column(name, ColumnType.SPARSE, ColumnRole.FEATURE, new int[] {dimension}, null);
    }

    /** The column name. */
    public String name() {
        return name;
    }

    /** The logical type. */
    public ColumnType type() {
        return type;
    }

    /** The role. */
    public ColumnRole role() {
        return role;
    }

    /** The shape of one tensor cell ({dimension} for a sparse column; empty for scalar columns). */
    public int[] shape() {
        return shape.clone();
    }

    /** A categorical column with its categories, in code order. */
    public static Column categorical(String name, ColumnRole role, List<String> categories) {
        return new Column(name, ColumnType.CATEGORICAL, role, null, categories);
    }

    /**
     * The category names in code order (empty for other types, or before a reader has seen the data); for a
     * class mask, its class names in id order.
     */
    public List<String> categories() {
        return categories;
    }

    /** This column with other categories. */
    public Column withCategories(List<String> newCategories) {
        return new Column(name, type, role, shape, newCategories, boxes);
    }

    /** Number of values in one cell: the product of the shape (a sparse column's dimension), or 1 for a scalar column. */
    public int width() {
        int w = 1;
        for (int d : shape) {
            w = Math.multiplyExact(w, d);
        }
        return w;
    }

    /** This column with another name. */
    public Column withName(String newName) {
        return new Column(newName, type, role, shape, categories, boxes);
    }

    /** This column with another role. */
    public Column withRole(ColumnRole newRole) {
        return new Column(name, type, newRole, shape, categories, boxes);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        return name.equals(c.name) && type == c.type && role == c.role && Arrays.equals(shape, c.shape)
                && categories.equals(c.categories) && boxes == c.boxes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, role, Arrays.hashCode(shape), categories, boxes);
    }

    @Override
    public String toString() {
        String t = type == ColumnType.TENSOR || type == ColumnType.SPARSE ? type.name().toLowerCase(Locale.ROOT) + Arrays.toString(shape)
                : type.name().toLowerCase(Locale.ROOT);
        t = isMask() ? "mask" + Arrays.toString(shape) + categories.size() + " classes" : t;
        t = boxes ? "boxes" + Arrays.toString(shape) + categories.size() + " classes" : t;
        return name + ":" + t + (role == ColumnRole.FEATURE ? "" : "(" + role.name().toLowerCase(Locale.ROOT) + ")");
    }
}
