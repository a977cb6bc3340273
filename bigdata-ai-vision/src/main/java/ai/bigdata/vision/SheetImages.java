package ai.bigdata.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the picture sheets share: scaled pixel drawing and writing the PNG. */
final class SheetImages {
    private SheetImages() {
    }

    /** The grey RGB of a pixel value in [0, 1] (clamped). */
    static int grey(float v) {
        int g = Math.max(0, Math.min(255, Math.round(v * 255)));
        return (g << 16) | (g << 8) | g;
    }

    /** Draws an {@code h x w} grey image at {@code (x0, y0)}, each pixel a {@code scale x scale} square. */
    static void drawGrey(BufferedImage out, float[] v, int h, int w, int x0, int y0, int scale) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                fill(out, x0 + x * scale, y0 + y * scale, scale, grey(v[y * w + x]));
            }
        }
    }

    /** Fills a {@code scale x scale} square at {@code (x, y)}. */
    static void fill(BufferedImage out, int x, int y, int scale, int rgb) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                out.setRGB(x + dx, y + dy, rgb);
            }
        }
    }

    /**
     * Writes {@code image} as a PNG file, creating its folder.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
