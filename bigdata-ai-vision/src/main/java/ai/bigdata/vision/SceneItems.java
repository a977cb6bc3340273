package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.SchemaMismatchException;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-channel item images and their classes that scenes are composed from, read once from a
 * dataset with one image tensor column ({@code [h, w]} or {@code [1, h, w]}) and a categorical label.
 */
final class SceneItems {
    final List<float[]> pixels = new ArrayList<>();
    final List<Integer> classes = new ArrayList<>();
    final List<String> classNames;
    final int height;
    final int width;

    private SceneItems(List<String> classNames, int height, int width) {
        this.classNames = classNames;
        this.height = height;
        this.width = width;
    }

    static SceneItems read(Dataset items, String imageColumn) {
        Schema s = items.schema();
        Column image = TensorRows.tensorColumn(s, imageColumn);
        int[] shape = image.shape();
        if (!(shape.length == 2 || (shape.length == 3 && shape[0] == 1))) {
            throw new SchemaMismatchException(List.of(imageColumn), "scene items are single-channel images [h, w] or [1, h, w];"
                    + " column '" + imageColumn + "' has shape " + java.util.Arrays.toString(shape));
        }
        Column label = s.withRole(ColumnRole.LABEL).filter(c -> c.type() == ColumnType.CATEGORICAL)
                .orElseThrow(() -> new SchemaMismatchException(List.of(), "scene items need a categorical label column; columns are "
                        + s));
        SceneItems out = new SceneItems(label.categories(), shape[shape.length - 2], shape[shape.length - 1]);
        items.forEachRow(r -> {
            Object px = r.get(imageColumn);
            String cls = r.getString(label.name());
            if (px == null || cls == null) {
                return;
            }
            out.pixels.add((float[]) px);
            out.classes.add(label.categories().indexOf(cls));
        });
        if (out.pixels.isEmpty()) {
            throw new IllegalArgumentException("no labelled item images to compose scenes from");
        }
        return out;
    }
}
