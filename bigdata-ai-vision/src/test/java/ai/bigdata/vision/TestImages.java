package ai.bigdata.vision;

import ai.bigdata.core.data.Dataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small hand-made images for tests, and reading a dataset's cells back. */
final class TestImages {
    private TestImages() {
    }

    /** A grey image from row-major 8-bit values. */
    static BufferedImage grey(int h, int w, int... values) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        im.getRaster().setSamples(0, 0, w, h, 0, values);
        return im;
    }

    /** A colour image from row-major 0xRRGGBB values. */
    static BufferedImage rgb(int h, int w, int... rgb) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        im.setRGB(0, 0, w, h, rgb, 0, w);
        return im;
    }

    /** A palette image whose pixel {@code i} has colour {@code rgb[i]} (at most 256 pixels, each its own entry; the rest of the 256 entries black). */
    static BufferedImage indexed(int h, int w, int... rgb) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int[] idx = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
            idx[i] = i;
        }
        java.awt.image.IndexColorModel cm = new java.awt.image.IndexColorModel(8, 256, r, g, b);
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        im.getRaster().setSamples(0, 0, w, h, 0, idx);
        return im;
    }

    /** Writes {@code image} in {@code format} ("png", "bmp", "gif", "jpg") to {@code file}, creating folders. */
    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** The float cells of a tensor column, in row order. */
    static List<float[]> tensors(Dataset d, String column) {
        List<float[]> out = new ArrayList<>();
        d.forEachRow(r -> out.add((float[]) r.get(column)));
        return out;
    }

    /** The text of a column, in row order. */
    static List<String> strings(Dataset d, String column) {
        List<String> out = new ArrayList<>();
        d.forEachRow(r -> out.add(r.getString(column)));
        return out;
    }

    /** Each value divided by 255 as a float, as the readers store 8-bit pixels. */
    static float[] scaled(int... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / 255f;
        }
        return out;
    }
}
