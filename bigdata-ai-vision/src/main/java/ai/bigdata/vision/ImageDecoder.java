package ai.bigdata.vision;

import ai.bigdata.core.io.DataFormatException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with the JDK's ImageIO (the format is told by the content, not the name) into
 * 8-bit channel-first pixels under a {@link ChannelPolicy}, then brings it to a target size under a
 * {@link ResizePolicy}. Anything that keeps it from giving the whole image is a {@link DataFormatException}
 * naming the file: no reader for the content, a decoder error, a decoder warning (ImageIO's JPEG reader
 * only warns about a truncated file and fills the rest with grey), or more pixels than allowed.
 * Thread-safe: every call has its own ImageIO reader.
 */
final class ImageDecoder {
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] GIF_TRAILER = {0x3B};

    private final ChannelPolicy channels;
    private final ResizePolicy resize;
    private final int height;
    private final int width;
    private final long maxPixels;

    /** {@code height} and {@code width} are 0 when no target size is set (allowed only with EXACT). */
    ImageDecoder(ChannelPolicy channels, ResizePolicy resize, int height, int width, long maxPixels) {
        this.channels = channels;
        this.resize = resize;
        this.height = height;
        this.width = width;
        this.maxPixels = maxPixels;
    }

    /** The decoded image; {@code name} is used in error messages. */
    DecodedImage decode(Path file, String name) {
        BufferedImage image;
        try {
            image = read(file, name);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(name, "cannot decode the image: " + e, e);
        }
        DecodedImage d = pixels(image);
        return resized(d);
    }

    private BufferedImage read(Path file, String name) throws IOException {
        try (java.nio.channels.SeekableByteChannel probe = java.nio.file.Files.newByteChannel(file)) {
            if (probe.size() == 0) {
                throw new DataFormatException(name, "the file is empty");
            }
        } catch (IOException e) {
            throw new DataFormatException(name, "cannot read the file: " + e, e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataFormatException(name, "cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataFormatException(name, "not an image in a format that ImageIO reads (PNG, JPEG, BMP, GIF, ...)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new DataFormatException(name, "the image claims " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " = " + pixels + " pixels, more than the limit of " + maxPixels + " (ImageFolder.maxPixels)");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
                if (!warnings.isEmpty()) {
                    throw new DataFormatException(name, "damaged " + format + " image: " + warnings.get(0));
                }
                checkEnd(file, name, format);
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The last bytes of a PNG file are its IEND chunk and of a GIF file its trailer; ImageIO checks neither. */
    private static void checkEnd(Path file, String name, String format) throws IOException {
        byte[] end = format.equals("PNG") ? IEND : format.equals("GIF") ? GIF_TRAILER : null;
        if (end == null) {
            return;
        }
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(end.length);
            ch.position(Math.max(0, ch.size() - end.length));
            while (last.hasRemaining() && ch.read(last) > 0) {
                // reads the tail
            }
            if (!java.util.Arrays.equals(last.array(), end)) {
                throw new DataFormatException(name, "truncated or damaged " + format + " file: it does not end with the "
                        + (format.equals("PNG") ? "IEND chunk" : "GIF trailer byte 0x3B"));
            }
        }
    }

    private DecodedImage pixels(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        boolean grey = isGrey(image.getColorModel());
        int outChannels = channels == ChannelPolicy.GREY || channels == ChannelPolicy.AS_STORED && grey ? 1 : 3;
        byte[] out = new byte[outChannels * plane];
        if (grey && image.getColorModel().getNumColorComponents() == 1 && !(image.getColorModel() instanceof IndexColorModel)) {
            int bits = image.getColorModel().getComponentSize(0);
            int max = (1 << bits) - 1;
            int[] s = image.getRaster().getSamples(0, 0, w, h, 0, new int[plane]);
            for (int i = 0; i < plane; i++) {
                int v = bits == 8 ? s[i] : (int) Math.round(s[i] * 255.0 / max);
                for (int c = 0; c < outChannels; c++) {
                    out[c * plane + i] = (byte) v;
                }
            }
            return new DecodedImage(out, outChannels, h, w);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < plane; i++) {
            int r = argb[i] >> 16 & 0xFF;
            int g = argb[i] >> 8 & 0xFF;
            int b = argb[i] & 0xFF;
            if (outChannels == 1) {
                out[i] = (byte) (grey ? r : (19595 * r + 38470 * g + 7471 * b + 32768) >> 16);
            } else {
                out[i] = (byte) r;
                out[plane + i] = (byte) g;
                out[2 * plane + i] = (byte) b;
            }
        }
        return new DecodedImage(out, outChannels, h, w);
    }

    /** Grey colour space, or a palette whose colours all have equal red, green and blue. */
    private static boolean isGrey(ColorModel cm) {
        if (cm instanceof IndexColorModel icm) {
            for (int i = 0; i < icm.getMapSize(); i++) {
                if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                    return false;
                }
            }
            return true;
        }
        return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private DecodedImage resized(DecodedImage d) {
        if (resize == ResizePolicy.EXACT || d.height() == height && d.width() == width) {
            return d;
        }
        float[] f = new float[d.pixels().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = d.pixels()[i] & 0xFF;
        }
        float[] r = resize == ResizePolicy.RESIZE
                ? Resampling.bilinear(f, d.channels(), d.height(), d.width(), height, width)
                : Resampling.resizeCenterCrop(f, d.channels(), d.height(), d.width(), height, width);
        byte[] out = new byte[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(r[i])));
        }
        return new DecodedImage(out, d.channels(), height, width);
    }
}
