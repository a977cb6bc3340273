package ai.bigdata.vision;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import javax.imageio.ImageIO;

/**
 * A PNG contact sheet of the most confidently misclassified images of a dataset with predictions (as
 * {@code Model.predict} returns it): the rows whose {@code prediction} differs from the label, ordered by
 * the predicted class's probability (highest first, ties by row), each drawn enlarged (nearest neighbour,
 * values in [0, 1] shown as 0-255, clamped) with "true: ..." and "pred: ... (probability)" beneath. One
 * streaming pass; only the chosen images are kept. Rows with a null image, label, prediction or probabilities
 * are not candidates.
 *
 * <pre>{@code
 * try (Dataset predicted = model.predict(test)) {
 *     List<ContactSheet.Entry> shown = ContactSheet.of(predicted).count(25).write(Path.of("misclassified.png"));
 * }
 * }</pre>
 */
public final class ContactSheet {
    private final Dataset data;
    private String image = ImageFolder.IMAGE;
    private String label = ImageFolder.LABEL;
    private String prediction = "prediction";
    private String probabilities = "probabilities";
    private int count = 25;
    private int perRow = 5;
    private int scale = 3;

    private ContactSheet(Dataset data) {
        this.data = data;
    }

    /** A sheet of {@code predicted}: a dataset with image, label, prediction and probabilities columns. */
    public static ContactSheet of(Dataset predicted) {
        return new ContactSheet(predicted);
    }

    /** Names of the image, label, prediction and probabilities columns (defaults: image, label, prediction, probabilities). */
    public ContactSheet columns(String imageColumn, String labelColumn, String predictionColumn, String probabilitiesColumn) {
        this.image = imageColumn;
        this.label = labelColumn;
        this.prediction = predictionColumn;
        this.probabilities = probabilitiesColumn;
        return this;
    }

    /** At most this many images (default 25). */
    public ContactSheet count(int n) {
        this.count = positive("count", n);
        return this;
    }

    /** Images per row of the sheet (default 5). */
    public ContactSheet perRow(int n) {
        this.perRow = positive("perRow", n);
        return this;
    }

    /** Enlargement of each image, in screen pixels per image pixel (default 3). */
    public ContactSheet scale(int n) {
        this.scale = positive("scale", n);
        return this;
    }

    /** One image on the sheet. */
    public record Entry(long row, String trueClass, String predictedClass, double probability) {
    }

    /** The chosen misclassified rows, most confident first, without drawing anything. */
    public List<Entry> select() {
        List<Entry> out = new ArrayList<>();
        for (Chosen c : choose()) {
            out.add(c.entry());
        }
        return out;
    }

    /**
     * Draws the sheet and writes it to {@code png} (a temporary file moved into place); returns what it shows.
     * With no misclassified row it writes a sheet that says so.
     */
    public List<Entry> write(Path png) {
        List<Chosen> chosen = choose();
        Column img = data.schema().column(image);
        int[] shape = img.shape();
        int channels = TensorRows.channels(img);
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        int tileW = Math.max(w * scale, 140);
        int captionH = 30;
        int tileH = h * scale + captionH;
        int cols = Math.max(1, Math.min(perRow, chosen.size()));
        int rows = Math.max(1, (chosen.size() + cols - 1) / cols);
        BufferedImage sheet = new BufferedImage(cols * (tileW + 4) + 4, rows * (tileH + 4) + 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            if (chosen.isEmpty()) {
                g.setColor(Color.BLACK);
                g.drawString("no misclassified images", 6, 18);
            }
            for (int k = 0; k < chosen.size(); k++) {
                int x0 = 4 + (k % cols) * (tileW + 4);
                int y0 = 4 + (k / cols) * (tileH + 4);
                int left = x0 + (tileW - w * scale) / 2;
                float[] v = chosen.get(k).pixels();
                int plane = h * w;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        int r = byteOf(v[i]);
                        int gr = channels >= 3 ? byteOf(v[plane + i]) : r;
                        int b = channels >= 3 ? byteOf(v[2 * plane + i]) : r;
                        g.setColor(new Color(r, gr, b));
                        g.fillRect(left + x * scale, y0 + y * scale, scale, scale);
                    }
                }
                Entry e = chosen.get(k).entry();
                g.setColor(new Color(0, 100, 0));
                g.drawString("true: " + e.trueClass(), x0 + 2, y0 + h * scale + 12);
                g.setColor(new Color(170, 0, 0));
                g.drawString(String.format(Locale.ROOT, "pred: %s (%.2f)", e.predictedClass(), e.probability()), x0 + 2,
                        y0 + h * scale + 26);
            }
        } finally {
            g.dispose();
        }
        writeAtomically(sheet, png);
        List<Entry> out = new ArrayList<>();
        chosen.forEach(c -> out.add(c.entry()));
        return out;
    }

    private static int byteOf(float v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static void writeAtomically(BufferedImage sheet, Path png) {
        try {
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".contact-sheet", ".png.tmp");
            try {
                if (!ImageIO.write(sheet, "png", tmp.toFile())) {
                    throw new IllegalStateException("no PNG writer in ImageIO");
                }
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contact sheet " + png, e);
        }
    }

    /** A chosen row with its pixels. */
    private record Chosen(Entry entry, float[] pixels) {
    }

    private List<Chosen> choose() {
        Column img = TensorRows.tensorColumn(data.schema(), image);
        TensorRows.channels(img);
        for (String c : List.of(label, prediction)) {
            if (!data.schema().contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in " + data.schema().names()
                        + "; a contact sheet needs the label and Model.predict's prediction and probabilities columns");
            }
        }
        Column probs = TensorRows.tensorColumn(data.schema(), probabilities);
        List<String> classes = data.schema().column(prediction).categories();
        if (probs.width() != classes.size()) {
            throw new IllegalArgumentException("column '" + probabilities + "' holds " + probs.width() + " probabilities but '"
                    + prediction + "' has " + classes.size() + " classes");
        }
        Comparator<Chosen> weakestFirst = Comparator.comparingDouble((Chosen c) -> c.entry().probability())
                .thenComparing(Comparator.comparingLong((Chosen c) -> c.entry().row()).reversed());
        PriorityQueue<Chosen> best = new PriorityQueue<>(weakestFirst);
        long[] row = {0};
        data.forEachRow(r -> {
            long i = row[0]++;
            String truth = r.getString(label);
            String predicted = r.getString(prediction);
            float[] p = (float[]) r.get(probabilities);
            if (truth == null || predicted == null || p == null || r.isNull(image) || truth.equals(predicted)) {
                return;
            }
            double prob = p[classes.indexOf(predicted)];
            Chosen c = new Chosen(new Entry(i, truth, predicted, prob), null);
            if (best.size() < count) {
                best.add(new Chosen(c.entry(), (float[]) r.get(image)));
            } else if (weakestFirst.compare(c, best.peek()) > 0) {
                best.poll();
                best.add(new Chosen(c.entry(), (float[]) r.get(image)));
            }
        });
        List<Chosen> out = new ArrayList<>(best);
        out.sort(weakestFirst.reversed());
        return out;
    }

    private static int positive(String what, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + n);
        }
        return n;
    }
}
