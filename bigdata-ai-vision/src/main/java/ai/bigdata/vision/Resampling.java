package ai.bigdata.vision;

/**
 * Geometric resampling of channel-first float images ({@code [channels, height, width]}, row-major):
 * bilinear resizing with half-pixel centres (as {@code torch.nn.functional.interpolate(mode="bilinear",
 * align_corners=False, antialias=False)}) and centre crops. One implementation serves the folder reader
 * and the augmentation operations.
 */
final class Resampling {
    private Resampling() {
    }

    /** The image resized to {@code toH x toW} by bilinear interpolation. */
    static float[] bilinear(float[] src, int channels, int h, int w, int toH, int toW) {
        if (h == toH && w == toW) {
            return src.clone();
        }
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(channels, toH), toW)];
        double sy = (double) h / toH;
        double sx = (double) w / toW;
        int[] x0 = new int[toW];
        int[] x1 = new int[toW];
        float[] fx = new float[toW];
        for (int x = 0; x < toW; x++) {
            double s = Math.max((x + 0.5) * sx - 0.5, 0);
            x0[x] = Math.min((int) s, w - 1);
            x1[x] = Math.min(x0[x] + 1, w - 1);
            fx[x] = (float) (s - x0[x]);
        }
        for (int y = 0; y < toH; y++) {
            double s = Math.max((y + 0.5) * sy - 0.5, 0);
            int y0 = Math.min((int) s, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = (float) (s - y0);
            for (int c = 0; c < channels; c++) {
                int base = c * h * w;
                int r0 = base + y0 * w;
                int r1 = base + y1 * w;
                int o = (c * toH + y) * toW;
                for (int x = 0; x < toW; x++) {
                    float top = src[r0 + x0[x]] + fx[x] * (src[r0 + x1[x]] - src[r0 + x0[x]]);
                    float bottom = src[r1 + x0[x]] + fx[x] * (src[r1 + x1[x]] - src[r1 + x0[x]]);
                    out[o + x] = top + fy * (bottom - top);
                }
            }
        }
        return out;
    }

    /**
     * The {@code toH x toW} window whose top-left corner is at {@code ((h - toH) / 2, (w - toW) / 2)}
     * (integer division); the window must fit in the image.
     */
    static float[] centerCrop(float[] src, int channels, int h, int w, int toH, int toW) {
        if (toH > h || toW > w) {
            throw new IllegalArgumentException("a centre crop of " + toH + " x " + toW + " does not fit in an image of "
                    + h + " x " + w);
        }
        return crop(src, channels, h, w, (h - toH) / 2, (w - toW) / 2, toH, toW);
    }

    /** The {@code toH x toW} window at {@code (top, left)}, which must lie inside the image. */
    static float[] crop(float[] src, int channels, int h, int w, int top, int left, int toH, int toW) {
        float[] out = new float[channels * toH * toW];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < toH; y++) {
                System.arraycopy(src, (c * h + top + y) * w + left, out, (c * toH + y) * toW, toW);
            }
        }
        return out;
    }

    /**
     * Resized so that it covers {@code toH x toW} with its aspect ratio kept (the scale is the larger of
     * the two ratios, each side rounded and at least the target), then centre-cropped.
     */
    static float[] resizeCenterCrop(float[] src, int channels, int h, int w, int toH, int toW) {
        double scale = Math.max((double) toH / h, (double) toW / w);
        int midH = Math.max(toH, (int) Math.round(h * scale));
        int midW = Math.max(toW, (int) Math.round(w * scale));
        float[] mid = bilinear(src, channels, h, w, midH, midW);
        return centerCrop(mid, channels, midH, midW, toH, toW);
    }
}
