package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed primitive arrays for the recommender file payload; lengths are checked before allocating. */
final class Codec {
    /** No array in a payload is longer than this (guards allocations against an altered length). */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Codec() {
    }

    static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) {
            out.writeLong(v);
        }
    }

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    private static int length(DataInputStream in, int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available()) {
            throw new IOException("array length " + n + " does not fit the remaining " + in.available() + " bytes");
        }
        return n;
    }

    static long[] readLongs(DataInputStream in) throws IOException {
        long[] a = new long[length(in, 8)];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readLong();
        }
        return a;
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[length(in, 4)];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readInt();
        }
        return a;
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[length(in, 4)];
        for (int k = 0; k < a.length; k++) {
            a[k] = in.readFloat();
            if (!Float.isFinite(a[k])) {
                throw new IOException("non-finite value at position " + k);
            }
        }
        return a;
    }
}
