package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.model.SchemaMismatchException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A PNG of detection predictions: one panel per scene, the image in grey with its true boxes as thin white
 * rectangles and the predicted boxes in their class's colour, each labelled with the class and confidence.
 * Reads a dataset from {@code Model.predict} of a detector: the image column, the true boxes, the
 * {@code prediction} boxes and their {@code confidence}.
 *
 * <pre>{@code
 * try (Dataset some = test.head(8); Dataset predicted = detector.predict(some)) {
 *     DetectionSheet.of(predicted).write(Path.of("detections.png"));
 * }
 * }</pre>
 */
public final class DetectionSheet {
    private static final int GAP = 4;
    private static final int PER_ROW = 4;

    private final Dataset predicted;
    private String image = FashionScenes.IMAGE;
    private String truth = FashionScenes.BOXES;
    private String prediction = "prediction";
    private String confidence = "confidence";
    private int scale = 3;
    private int count = 8;

    private DetectionSheet(Dataset predicted) {
        this.predicted = predicted;
    }

    /** A sheet of {@code predicted}'s first rows; the caller keeps ownership of the dataset. */
    public static DetectionSheet of(Dataset predicted) {
        return new DetectionSheet(Objects.requireNonNull(predicted, "predicted"));
    }

    /** The image, true boxes, predicted boxes and confidence columns (default {@code image}, {@code boxes}, {@code prediction}, {@code confidence}). */
    public DetectionSheet columns(String imageColumn, String truthColumn, String predictionColumn, String confidenceColumn) {
        this.image = Objects.requireNonNull(imageColumn, "imageColumn");
        this.truth = Objects.requireNonNull(truthColumn, "truthColumn");
        this.prediction = Objects.requireNonNull(predictionColumn, "predictionColumn");
        this.confidence = Objects.requireNonNull(confidenceColumn, "confidenceColumn");
        return this;
    }

    /** Scenes shown, the first rows (default 8). */
    public DetectionSheet count(int rows) {
        if (rows <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + rows);
        }
        this.count = rows;
        return this;
    }

    /** Screen pixels per image pixel (default 3). */
    public DetectionSheet scale(int factor) {
        if (factor <= 0 || factor > 16) {
            throw new IllegalArgumentException("scale must be in [1, 16], got " + factor);
        }
        this.scale = factor;
        return this;
    }

    /**
     * Draws the sheet into a PNG file.
     *
     * @throws SchemaMismatchException when a column is missing, the boxes columns are no boxes columns of the
     *     same classes, or the confidence does not match the predicted boxes
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void write(java.nio.file.Path file) {
        Schema s = predicted.schema();
        Column img = TensorRows.tensorColumn(s, image);
        Column t = boxes(s, truth);
        Column p = boxes(s, prediction);
        Column c = TensorRows.tensorColumn(s, confidence);
        if (!t.categories().equals(p.categories()) || c.width() != p.shape()[0]) {
            throw new SchemaMismatchException(List.of(truth, prediction, confidence), "true boxes " + t + ", predicted boxes " + p
                    + " and confidence " + c + " do not belong together");
        }
        int[] shape = img.shape();
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        List<float[][]> rows = new ArrayList<>();
        try (Dataset head = predicted.head(count)) {
            head.forEachRow(r -> rows.add(new float[][] {(float[]) r.get(image), (float[]) r.get(truth), (float[]) r.get(prediction),
                (float[]) r.get(confidence)}));
        }
        List<String> classes = t.categories();
        int panelW = w * scale;
        int panelH = h * scale;
        int across = Math.min(PER_ROW, Math.max(1, rows.size()));
        int down = (rows.size() + PER_ROW - 1) / PER_ROW;
        BufferedImage out = new BufferedImage(across * (panelW + GAP) + GAP, Math.max(1, down) * (panelH + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int i = 0; i < rows.size(); i++) {
            int x0 = GAP + (i % PER_ROW) * (panelW + GAP);
            int y0 = GAP + (i / PER_ROW) * (panelH + GAP);
            float[][] row = rows.get(i);
            SheetImages.drawGrey(out, row[0], h, w, x0, y0, scale);
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.WHITE);
            drawBoxes(g, row[1], null, classes, x0, y0, false);
            g.setStroke(new BasicStroke(2));
            drawBoxes(g, row[2], row[3], classes, x0, y0, true);
        }
        g.dispose();
        SheetImages.writePng(out, file);
    }

    private void drawBoxes(Graphics2D g, float[] boxes, float[] scores, List<String> classes, int x0, int y0, boolean labelled) {
        if (boxes == null) {
            return;
        }
        for (int k = 0; k < boxes.length / 5; k++) {
            int id = (int) boxes[5 * k];
            if (id == 0) {
                continue;
            }
            int bx = x0 + Math.round(boxes[5 * k + 1] * scale);
            int by = y0 + Math.round(boxes[5 * k + 2] * scale);
            int bw = Math.round((boxes[5 * k + 3] - boxes[5 * k + 1] + 1) * scale);
            int bh = Math.round((boxes[5 * k + 4] - boxes[5 * k + 2] + 1) * scale);
            if (labelled) {
                g.setColor(new Color(SegmentationColors.of(id)));
            }
            g.drawRect(bx, by, bw, bh);
            if (labelled) {
                String name = id <= classes.size() ? classes.get(id - 1) : "class " + id;
                g.drawString(String.format(Locale.ROOT, "%s %.2f", name, scores == null ? 1f : scores[k]), bx + 2, Math.max(y0 + 10, by - 2));
            }
        }
    }

    private static Column boxes(Schema s, String name) {
        Column c = TensorRows.tensorColumn(s, name);
        if (!c.isBoxes()) {
            throw new SchemaMismatchException(List.of(name), "column '" + name + "' is " + c + ", not a boxes column");
        }
        return c;
    }
}
