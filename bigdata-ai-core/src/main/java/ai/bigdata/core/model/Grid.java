package ai.bigdata.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The geometry of a 2D window over a {@code [channels, height, width]} image: kernel, stride, the
 * padding before the first row and column, and the output size. Shared by int8 convolutions and pooling.
 */
record Grid(int channels, int height, int width, int kh, int kw, int sy, int sx, int padTop, int padLeft, int outH, int outW) {
    Grid {
        if (channels < 1 || height < 1 || width < 1 || kh < 1 || kw < 1 || sy < 1 || sx < 1 || padTop < 0 || padLeft < 0
                || outH < 1 || outW < 1 || (long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a valid window geometry: " + channels + " x " + height + " x " + width
                    + ", kernel " + kh + " x " + kw + ", stride " + sy + " x " + sx + ", padding " + padTop + ", " + padLeft
                    + ", output " + outH + " x " + outW);
        }
    }

    /** Values per input image. */
    int inputs() {
        return channels * height * width;
    }

    /** Output positions per channel. */
    int positions() {
        return outH * outW;
    }

    void write(DataOutputStream out) throws IOException {
        for (int v : new int[] {channels, height, width, kh, kw, sy, sx, padTop, padLeft, outH, outW}) {
            out.writeInt(v);
        }
    }

    static Grid read(DataInputStream in) throws IOException {
        int[] v = new int[11];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return new Grid(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
