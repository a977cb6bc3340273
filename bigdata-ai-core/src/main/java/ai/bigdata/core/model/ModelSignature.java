package ai.bigdata.core.model;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model reads and what it predicts: the feature columns (names, types and widths), the label
 * column, the task and, for classification, the class names in output order. It is derived from a
 * training dataset's schema, so that nobody types input or output sizes by hand, and it checks every
 * later dataset against what the model was trained on.
 */
public final class ModelSignature {
    private final List<Column> features;
    private final String label;
    private final Task task;
    private final List<String> classNames;
    private final int targetWidth;
    private final int[] outputShape;

    private ModelSignature(List<Column> features, String label, Task task, List<String> classNames, int targetWidth) {
        this(features, label, task, classNames, targetWidth, new int[] {targetWidth});
    }

    private ModelSignature(List<Column> features, String label, Task task, List<String> classNames, int targetWidth,
            int[] outputShape) {
        this.features = List.copyOf(features);
        this.label = label;
        this.task = task;
        this.classNames = List.copyOf(classNames);
        this.targetWidth = targetWidth;
        this.outputShape = outputShape.clone();
    }

    /**
     * The signature of a supervised model trained on data of this schema: the features are the columns
     * with the feature role, the label is the column with the label role.
     *
     * @throws SchemaMismatchException when there is no label, no feature, or a feature is not numeric
     */
    public static ModelSignature supervised(Schema schema) {
        Column labelCol = schema.withRole(ColumnRole.LABEL).orElseThrow(() -> new SchemaMismatchException(List.of(),
                "the data has no label column; mark one with Dataset.withRole(column, ColumnRole.LABEL) or label(...) when"
                        + " reading; columns are " + schema));
        List<Column> features = featureColumns(schema);
        ColumnType t = labelCol.type();
        if (t == ColumnType.CATEGORICAL) {
            if (labelCol.categories().size() < 2) {
                throw new SchemaMismatchException(List.of(labelCol.name()), "label '" + labelCol.name() + "' has "
                        + labelCol.categories().size() + " class(es); classification needs at least 2");
            }
            return new ModelSignature(features, labelCol.name(), Task.CLASSIFICATION, labelCol.categories(),
                    labelCol.categories().size());
        }
        if (labelCol.isBoxes()) {
            return new ModelSignature(features, labelCol.name(), Task.DETECTION, labelCol.categories(), labelCol.width(),
                    labelCol.shape());
        }
        if (labelCol.isMask()) {
            int[] mask = labelCol.shape();
            int[] shape = new int[mask.length + 1];
            shape[0] = labelCol.categories().size();
            System.arraycopy(mask, 0, shape, 1, mask.length);
            return new ModelSignature(features, labelCol.name(), Task.SEGMENTATION, labelCol.categories(),
                    Math.multiplyExact(shape[0], labelCol.width()), shape);
        }
        if (t.isNumeric() || t == ColumnType.TENSOR) {
            return new ModelSignature(features, labelCol.name(), Task.REGRESSION, List.of(), labelCol.width());
        }
        throw new SchemaMismatchException(List.of(labelCol.name()), "label '" + labelCol.name() + "' is " + t
                + "; a label must be categorical (classification) or numeric (regression)");
    }

    /** The signature of a model that reconstructs its features (an autoencoder); any label is ignored. */
    public static ModelSignature reconstruction(Schema schema) {
        List<Column> features = featureColumns(schema);
        int width = features.stream().mapToInt(Column::width).sum();
        return new ModelSignature(features, null, Task.RECONSTRUCTION, List.of(), width);
    }

    private static List<Column> featureColumns(Schema schema) {
        List<Column> features = schema.allWithRole(ColumnRole.FEATURE);
        if (features.isEmpty()) {
            throw new SchemaMismatchException(List.of(), "the data has no feature columns; columns are " + schema);
        }
        List<String> bad = new ArrayList<>();
        for (Column c : features) {
            if (!(c.type().isNumeric() || c.type() == ColumnType.BOOLEAN || c.type() == ColumnType.TENSOR
                    || c.type() == ColumnType.SPARSE)) {
                bad.add(c.name() + ":" + c.type().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!bad.isEmpty()) {
            throw new SchemaMismatchException(bad.stream().map(s -> s.substring(0, s.indexOf(':'))).toList(),
                    "feature columns " + bad + " are not numeric; encode them first (Encode.oneHot, Assemble) or drop them");
        }
        return features;
    }

    /** The feature columns, in the order the model reads them. */
    public List<Column> features() {
        return features;
    }

    /** The names of the feature columns. */
    public List<String> featureNames() {
        return features.stream().map(Column::name).toList();
    }

    /** Values per row that the model reads (sum of the feature widths). */
    public int featureWidth() {
        return features.stream().mapToInt(Column::width).sum();
    }

    /** The shape of one row's input: a single tensor column keeps its shape, otherwise {@code [width]}. */
    public int[] featureShape() {
        if (features.size() == 1 && features.get(0).type() == ColumnType.TENSOR) {
            return features.get(0).shape();
        }
        return new int[] {featureWidth()};
    }

    /** The label column, or null for reconstruction. */
    public String label() {
        return label;
    }

    /** What the model predicts. */
    public Task task() {
        return task;
    }

    /** Class names in output order (classification, segmentation; the box classes for detection), else empty. */
    public List<String> classNames() {
        return classNames;
    }

    /** Outputs per row: classes, regression targets or reconstructed values (classes times mask elements for segmentation). */
    public int outputWidth() {
        return targetWidth;
    }

    /**
     * The shape of one row's output: {@code [classes, ...maskShape]} for segmentation (class
     * probabilities per mask element, channels first), {@code [maxBoxes, 5]} for detection (the label's
     * boxes; the network's raw output is decoded into them), else {@code [outputWidth()]}.
     */
    public int[] outputShape() {
        return outputShape.clone();
    }

    /**
     * Checks that {@code schema} has every feature column with the trained type and width.
     *
     * @throws SchemaMismatchException naming every missing or changed column
     */
    public void check(Schema schema) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column f : features) {
            if (!schema.contains(f.name())) {
                problems.add("'" + f.name() + "' is missing");
                names.add(f.name());
                continue;
            }
            Column c = schema.column(f.name());
            if (c.type() != f.type() || c.width() != f.width()) {
                problems.add("'" + f.name() + "' is " + describe(c) + " but the model was trained on " + describe(f));
                names.add(f.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException(names, "the data does not match the model's input: " + String.join("; ", problems)
                    + " (data columns: " + schema.names() + ")");
        }
    }

    private static String describe(Column c) {
        String t = c.type().name().toLowerCase(java.util.Locale.ROOT);
        return c.type() == ColumnType.TENSOR || c.type() == ColumnType.SPARSE ? t + Arrays.toString(c.shape()) : t;
    }

    /** The signature as plain maps and lists (for JSON manifests). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : features) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type().name());
            col.put("shape", Arrays.stream(c.shape()).boxed().toList());
            cols.add(col);
        }
        m.put("features", cols);
        m.put("label", label);
        m.put("task", task.name());
        m.put("classes", classNames);
        m.put("outputWidth", targetWidth);
        if (task == Task.SEGMENTATION || task == Task.DETECTION) {
            m.put("outputShape", Arrays.stream(outputShape).boxed().toList());
        }
        return m;
    }

    /** The signature written by {@link #toMap()}. */
    @SuppressWarnings("unchecked")
    public static ModelSignature fromMap(Map<String, Object> m) {
        List<Column> cols = new ArrayList<>();
        for (Map<String, Object> col : (List<Map<String, Object>>) m.get("features")) {
            ColumnType type = ColumnType.valueOf((String) col.get("type"));
            String name = (String) col.get("name");
            int[] shape = ((List<Number>) col.get("shape")).stream().mapToInt(Number::intValue).toArray();
            cols.add(type == ColumnType.TENSOR ? Column.tensor(name, shape)
                    : type == ColumnType.SPARSE ? Column.sparse(name, shape.length == 1 ? shape[0] : 0) : Column.of(name, type));
        }
        int width = ((Number) m.get("outputWidth")).intValue();
        int[] outShape = m.get("outputShape") == null ? new int[] {width}
                : ((List<Number>) m.get("outputShape")).stream().mapToInt(Number::intValue).toArray();
        return new ModelSignature(cols, (String) m.get("label"), Task.valueOf((String) m.get("task")),
                (List<String>) m.get("classes"), width, outShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSignature s && s.features.equals(features) && Objects.equals(s.label, label)
                && s.task == task && s.classNames.equals(classNames) && s.targetWidth == targetWidth
                && Arrays.equals(s.outputShape, outputShape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, label, task, classNames, targetWidth);
    }

    @Override
    public String toString() {
        return task.name().toLowerCase(java.util.Locale.ROOT) + " of " + (label == null ? "its input" : "'" + label + "'")
                + (classNames.isEmpty() ? "" : " " + classNames) + " from " + featureNames() + " (" + featureWidth() + " values)";
    }
}
