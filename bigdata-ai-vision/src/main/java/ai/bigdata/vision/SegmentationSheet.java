package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.SchemaMismatchException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A PNG of segmentation predictions: one row per scene with the image (grey), the true mask and the
 * predicted mask side by side, each class in its own colour (background black), and a legend of the
 * classes. Reads a dataset from {@code Model.predict} of a segmentation model: the image column, the
 * true mask and the {@code prediction} mask.
 *
 * <pre>{@code
 * try (Dataset some = test.head(8); Dataset predicted = unet.predict(some)) {
 *     SegmentationSheet.of(predicted).write(Path.of("segmentation.png"));
 * }
 * }</pre>
 */
public final class SegmentationSheet {
    private static final int GAP = 4;
    private static final int LEGEND_ROW = 14;

    private final Dataset predicted;
    private String image = FashionScenes.IMAGE;
    private String truth = FashionScenes.MASK;
    private String prediction = "prediction";
    private int scale = 2;
    private int count = 8;

    private SegmentationSheet(Dataset predicted) {
        this.predicted = predicted;
    }

    /** A sheet of {@code predicted}'s first rows; the caller keeps ownership of the dataset. */
    public static SegmentationSheet of(Dataset predicted) {
        return new SegmentationSheet(Objects.requireNonNull(predicted, "predicted"));
    }

    /** The image, true mask and predicted mask columns (default {@code image}, {@code mask}, {@code prediction}). */
    public SegmentationSheet columns(String imageColumn, String truthColumn, String predictionColumn) {
        this.image = Objects.requireNonNull(imageColumn, "imageColumn");
        this.truth = Objects.requireNonNull(truthColumn, "truthColumn");
        this.prediction = Objects.requireNonNull(predictionColumn, "predictionColumn");
        return this;
    }

    /** Scenes shown, the first rows (default 8). */
    public SegmentationSheet count(int rows) {
        if (rows <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + rows);
        }
        this.count = rows;
        return this;
    }

    /** Screen pixels per image pixel (default 2). */
    public SegmentationSheet scale(int factor) {
        if (factor <= 0 || factor > 16) {
            throw new IllegalArgumentException("scale must be in [1, 16], got " + factor);
        }
        this.scale = factor;
        return this;
    }

    /**
     * Draws the sheet into a PNG file.
     *
     * @throws SchemaMismatchException when a column is missing or the masks are no class masks of the image's size
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(Path file) {
        Schema s = predicted.schema();
        Column img = TensorRows.tensorColumn(s, image);
        Column t = mask(s, truth);
        Column p = mask(s, prediction);
        int[] shape = img.shape();
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        if (t.width() != h * w || p.width() != h * w) {
            throw new SchemaMismatchException(List.of(truth, prediction), "masks " + t + " and " + p + " do not match image " + img);
        }
        List<float[][]> rows = new ArrayList<>();
        try (Dataset head = predicted.head(count)) {
            head.forEachRow(r -> rows.add(new float[][] {(float[]) r.get(image), (float[]) r.get(truth), (float[]) r.get(prediction)}));
        }
        List<String> classes = t.categories();
        int cell = w * scale;
        int legend = LEGEND_ROW * ((classes.size() + 3) / 4) + GAP;
        BufferedImage out = new BufferedImage(3 * cell + 4 * GAP, rows.size() * (h * scale + GAP) + GAP + legend,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < rows.size(); i++) {
            int y0 = GAP + i * (h * scale + GAP);
            for (int col = 0; col < 3; col++) {
                int x0 = GAP + col * (cell + GAP);
                float[] v = rows.get(i)[col];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int rgb = col == 0 ? SheetImages.grey(v[y * w + x]) : SegmentationColors.of((int) v[y * w + x]);
                        SheetImages.fill(out, x0 + x * scale, y0 + y * scale, scale, rgb);
                    }
                }
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        int top = GAP + rows.size() * (h * scale + GAP);
        int colWidth = out.getWidth() / 4;
        for (int k = 0; k < classes.size(); k++) {
            int x = GAP + (k % 4) * colWidth;
            int y = top + (k / 4) * LEGEND_ROW;
            g.setColor(new Color(SegmentationColors.of(k)));
            g.fillRect(x, y + 2, 10, 10);
            g.setColor(Color.BLACK);
            g.drawRect(x, y + 2, 10, 10);
            g.drawString(classes.get(k), x + 14, y + 11);
        }
        g.dispose();
        SheetImages.writePng(out, file);
    }

    private static Column mask(Schema s, String name) {
        Column c = TensorRows.tensorColumn(s, name);
        if (!c.isMask()) {
            throw new SchemaMismatchException(List.of(name), "column '" + name + "' is " + c + ", not a class mask");
        }
        return c;
    }
}
