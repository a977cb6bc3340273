package ai.bigdata.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of an int8 network's steps: a header ({@code BDAI-INT8}, version 1, the step
 * count), then each step's tag and fields, big-endian. Weights are stored as one byte each. Reading
 * checks every length and size against the step before it and refuses anything else with an
 * {@link IOException} that says what.
 */
final class Int8Codec {
    private static final String MAGIC = "BDAI-INT8";
    private static final int VERSION = 1;
    /** More values than this in one array is no int8 network this library wrote. */
    private static final int MAX_VALUES = 1 << 28;
    private static final byte DENSE = 1;
    private static final byte CONV = 2;
    private static final byte POOL = 3;
    private static final byte AFFINE = 4;
    private static final byte ACTIVATION = 5;

    private Int8Codec() {
    }

    static void write(List<Int8Op> ops, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(ops.size());
        for (Int8Op op : ops) {
            out.writeByte(tag(op));
            op.write(out);
        }
        out.flush();
    }

    private static byte tag(Int8Op op) {
        if (op instanceof Int8Dense) {
            return DENSE;
        } else if (op instanceof Int8Conv) {
            return CONV;
        } else if (op instanceof Pool2d) {
            return POOL;
        } else if (op instanceof ChannelAffine) {
            return AFFINE;
        } else if (op instanceof ActivationStep) {
            return ACTIVATION;
        }
        throw new IllegalStateException("no stored form for " + op.getClass().getName());
    }

    static List<Int8Op> read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException("not an int8 network: it starts with '" + magic + "' instead of " + MAGIC);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("int8 network version " + version + " is not the version " + VERSION + " this library reads");
            }
            int count = in.readInt();
            if (count < 1 || count > 10_000) {
                throw new IOException("an int8 network of " + count + " steps is no network this library wrote");
            }
            List<Int8Op> ops = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Int8Op op = readOp(in, i);
                if (i > 0 && ops.get(i - 1).outputs() != op.inputs()) {
                    throw new IOException("int8 step " + i + " reads " + op.inputs() + " values but step " + (i - 1) + " gives "
                            + ops.get(i - 1).outputs());
                }
                ops.add(op);
            }
            if (in.read() != -1) {
                throw new IOException("the int8 network has bytes after its last step");
            }
            return ops;
        } catch (EOFException e) {
            throw new IOException("the int8 network is cut short", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("the int8 network is inconsistent: " + e.getMessage(), e);
        }
    }

    private static Int8Op readOp(DataInputStream in, int index) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case DENSE -> {
                int nIn = positive(in.readInt(), "inputs", index);
                int nOut = positive(in.readInt(), "outputs", index);
                float inScale = in.readFloat();
                RowActivation act = activation(in.readUTF(), index);
                byte[] w = bytes(in, (long) nIn * nOut, index);
                return new Int8Dense(nIn, nOut, inScale, w, floats(in, nOut, index), floats(in, nOut, index), act);
            }
            case CONV -> {
                Grid g = Grid.read(in);
                int nOut = positive(in.readInt(), "channels", index);
                float inScale = in.readFloat();
                RowActivation act = activation(in.readUTF(), index);
                byte[] w = bytes(in, (long) nOut * g.channels() * g.kh() * g.kw(), index);
                return new Int8Conv(g, nOut, inScale, w, floats(in, nOut, index), floats(in, nOut, index), act);
            }
            case POOL -> {
                return new Pool2d(Grid.read(in), in.readBoolean());
            }
            case AFFINE -> {
                int spatial = positive(in.readInt(), "spatial size", index);
                float[] scale = floats(in, in.readInt(), index);
                return new ChannelAffine(spatial, scale, floats(in, in.readInt(), index));
            }
            case ACTIVATION -> {
                return new ActivationStep(positive(in.readInt(), "width", index), activation(in.readUTF(), index));
            }
            default -> throw new IOException("int8 step " + index + " has the unknown tag " + tag);
        }
    }

    private static int positive(int v, String what, int index) throws IOException {
        if (v < 1 || v > MAX_VALUES) {
            throw new IOException("int8 step " + index + " has " + v + " " + what);
        }
        return v;
    }

    private static RowActivation activation(String name, int index) throws IOException {
        try {
            return RowActivation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("int8 step " + index + " has the unknown activation '" + name + "'", e);
        }
    }

    private static byte[] bytes(DataInputStream in, long n, int index) throws IOException {
        if (n > MAX_VALUES) {
            throw new IOException("int8 step " + index + " claims " + n + " weights");
        }
        byte[] b = new byte[(int) n];
        in.readFully(b);
        return b;
    }

    private static float[] floats(DataInputStream in, int n, int index) throws IOException {
        if (n < 0 || n > MAX_VALUES) {
            throw new IOException("int8 step " + index + " claims " + n + " float values");
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = in.readFloat();
        }
        return f;
    }

    /** The fields every weighted step stores after its geometry: input scale, activation, codes, scales, bias. */
    static void writeWeighted(DataOutputStream out, float inScale, RowActivation act, byte[] w, float[] wScale, float[] bias)
            throws IOException {
        out.writeFloat(inScale);
        out.writeUTF(act.name());
        out.write(w);
        writeFloats(out, wScale);
        writeFloats(out, bias);
    }

    static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }
}
