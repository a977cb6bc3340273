package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.DatasetWriter;
import ai.bigdata.core.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of segmentation scenes composed from labelled single-channel item images (such as
 * Fashion-MNIST): each scene is a square canvas with 2 to 4 items (by default) at random positions.
 * Positions are drawn so that items do not overlap where the canvas allows it (up to 50 tries per item);
 * otherwise a later item lies on top of earlier ones. The same items, settings and seed give the same
 * scenes.
 *
 * <p>The result has three columns:
 * <ul>
 *   <li>{@code image}: float32 tensor {@code [1, size, size]}, the items' pixels on a zero background
 *       (feature);</li>
 *   <li>{@code mask}: a class mask ({@code Column.mask}) {@code [size, size]}, label: 0 for background,
 *       {@code 1 + class} where an item's own pixel is above the threshold (the topmost item wins); class
 *       names are {@code "background"} and then the items' classes;</li>
 *   <li>{@code boxes}: a boxes column ({@code Column.boxes}) {@code [maxItems, 5]} whose classes are the
 *       items' classes (role id, not read by models): one row per item in placing order,
 *       {@code (class id, x0, y0, x1, y1)} with the mask's class id (1 and up) and the inclusive pixel
 *       bounds of the item's pixels above the threshold, before occlusion; rows past the scene's items are
 *       all zero.</li>
 * </ul>
 *
 * <p>With {@link #label(String) label(BOXES)} the boxes are the label and the mask has the id role: the
 * scenes then train a detector ({@code ConvNets.detector()}) instead of a segmenter.
 *
 * <pre>{@code
 * try (Dataset fashion = FashionMnist.read(dir, "train");
 *      Dataset scenes = FashionScenes.from(fashion).count(2000).seed(42).build()) { ... }
 * }</pre>
 */
public final class FashionScenes {
    /** Name of the image column. */
    public static final String IMAGE = "image";
    /** Name of the mask column. */
    public static final String MASK = "mask";
    /** Name of the boxes column. */
    public static final String BOXES = "boxes";
    /** The mask's class 0. */
    public static final String BACKGROUND = "background";

    private static final int PLACEMENT_TRIES = 50;

    private final Dataset items;
    private String imageColumn = IMAGE;
    private int size = 96;
    private int minItems = 2;
    private int maxItems = 4;
    private float threshold = 0.05f;
    private long count = 1000;
    private long seed = 42;
    private String label = MASK;

    private FashionScenes(Dataset items) {
        this.items = items;
    }

    /**
     * A generator over {@code items}: a dataset with a single-channel image tensor column (default name
     * {@code image}, shaped {@code [h, w]} or {@code [1, h, w]}) and a categorical label. The items are
     * read when {@link #build()} runs; the caller keeps ownership of the dataset.
     */
    public static FashionScenes from(Dataset items) {
        return new FashionScenes(Objects.requireNonNull(items, "items"));
    }

    /** The items' image column (default {@code image}). */
    public FashionScenes imageColumn(String name) {
        this.imageColumn = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The canvas side in pixels (default 96); it must hold an item. */
    public FashionScenes size(int pixels) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + pixels);
        }
        this.size = pixels;
        return this;
    }

    /** Items per scene, drawn uniformly from {@code min} to {@code max} (default 2 to 4). */
    public FashionScenes items(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("items per scene need 1 <= min <= max, got " + min + " and " + max);
        }
        this.minItems = min;
        this.maxItems = max;
        return this;
    }

    /** Item pixels above this value belong to the item's mask (default 0.05, pixels in [0, 1]). */
    public FashionScenes threshold(float value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + value);
        }
        this.threshold = value;
        return this;
    }

    /** Number of scenes (default 1,000). */
    public FashionScenes count(long scenes) {
        if (scenes <= 0 || scenes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be in [1, " + Integer.MAX_VALUE + "], got " + scenes);
        }
        this.count = scenes;
        return this;
    }

    /** The seed of item choice, item count and positions (default 42). */
    public FashionScenes seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * Which column is the label (default {@link #MASK}, for segmentation; {@link #BOXES} for detection); the
     * other has the id role.
     */
    public FashionScenes label(String column) {
        if (!MASK.equals(column) && !BOXES.equals(column)) {
            throw new IllegalArgumentException("the label is '" + MASK + "' or '" + BOXES + "', got '" + column + "'");
        }
        this.label = column;
        return this;
    }

    /** The schema of the scenes for items whose classes are {@code itemClasses}. */
    public Schema schema(List<String> itemClasses) {
        List<String> classes = new ArrayList<>();
        classes.add(BACKGROUND);
        classes.addAll(itemClasses);
        boolean boxes = BOXES.equals(label);
        return Schema.of(Column.tensor(IMAGE, 1, size, size),
                Column.mask(MASK, classes, size, size).withRole(boxes ? ColumnRole.ID : ColumnRole.LABEL),
                Column.boxes(BOXES, itemClasses, maxItems).withRole(boxes ? ColumnRole.LABEL : ColumnRole.ID));
    }

    /**
     * Composes the scenes into a new in-memory dataset (the caller closes it).
     *
     * @throws ai.bigdata.core.model.SchemaMismatchException when the items have no categorical label or
     *     their image column is not a single-channel image
     * @throws IllegalArgumentException when an item is larger than the canvas or there are no items
     */
    public Dataset build() {
        SceneItems source = SceneItems.read(items, imageColumn);
        if (source.height > size || source.width > size) {
            throw new IllegalArgumentException("items of " + source.height + " x " + source.width + " do not fit a canvas of "
                    + size + " x " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (DatasetWriter w = Dataset.writer(schema(source.classNames))) {
            for (long i = 0; i < count; i++) {
                Scene scene = compose(source, random);
                w.column(0).appendTensor(scene.image);
                w.column(1).appendTensor(scene.mask);
                w.column(2).appendTensor(scene.boxes);
                w.endRow();
            }
            return w.build();
        }
    }

    private Scene compose(SceneItems source, SplittableRandom random) {
        Scene scene = new Scene(size, maxItems);
        int n = minItems + random.nextInt(maxItems - minItems + 1);
        List<int[]> placed = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int item = random.nextInt(source.pixels.size());
            int h = source.height;
            int wd = source.width;
            int x = 0;
            int y = 0;
            for (int t = 0; t < PLACEMENT_TRIES; t++) {
                x = random.nextInt(size - wd + 1);
                y = random.nextInt(size - h + 1);
                if (free(placed, x, y, wd, h)) {
                    break;
                }
            }
            placed.add(new int[] {x, y, wd, h});
            scene.draw(source.pixels.get(item), h, wd, x, y, 1 + source.classes.get(item), threshold, k);
        }
        return scene;
    }

    private static boolean free(List<int[]> placed, int x, int y, int w, int h) {
        for (int[] p : placed) {
            if (x < p[0] + p[2] && p[0] < x + w && y < p[1] + p[3] && p[1] < y + h) {
                return false;
            }
        }
        return true;
    }

    /** One canvas being composed. */
    private static final class Scene {
        final int size;
        final float[] image;
        final float[] mask;
        final float[] boxes;

        Scene(int size, int maxItems) {
            this.size = size;
            this.image = new float[size * size];
            this.mask = new float[size * size];
            this.boxes = new float[maxItems * 5];
        }

        /** Draws an item at (x, y): its pixels above the threshold go on top and into the mask as {@code classId}. */
        void draw(float[] px, int h, int w, int x, int y, int classId, float threshold, int slot) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float v = px[r * w + c];
                    int at = (y + r) * size + x + c;
                    if (v > threshold) {
                        image[at] = v;
                        mask[at] = classId;
                        x0 = Math.min(x0, x + c);
                        y0 = Math.min(y0, y + r);
                        x1 = Math.max(x1, x + c);
                        y1 = Math.max(y1, y + r);
                    } else if (mask[at] == 0) {
                        image[at] = Math.max(image[at], v);
                    }
                }
            }
            if (x1 >= 0) {
                boxes[slot * 5] = classId;
                boxes[slot * 5 + 1] = x0;
                boxes[slot * 5 + 2] = y0;
                boxes[slot * 5 + 3] = x1;
                boxes[slot * 5 + 4] = y1;
            }
        }
    }
}
