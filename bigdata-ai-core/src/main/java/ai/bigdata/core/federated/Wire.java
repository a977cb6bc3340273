package ai.bigdata.core.federated;

import ai.bigdata.core.model.ModelSignature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The federated socket protocol: a magic number and version when a connection opens, then typed
 * messages of big-endian fields and length-prefixed arrays. Every length is checked against a bound
 * before anything is allocated, so a hostile or broken peer gets an {@link IOException}, not an
 * out-of-memory error.
 */
final class Wire {
    static final int MAGIC = 0x4244464C; // "BDFL"
    static final int VERSION = 1;
    static final byte HELLO = 1;
    static final byte SHIP = 2;
    static final byte OK = 3;
    static final byte TASK = 4;
    static final byte UPDATE = 5;
    static final byte ERROR = 6;
    static final byte BYE = 7;
    private static final int MAX_BYTES = 1 << 30;
    private static final int MAX_VALUES = 1 << 27;
    private static final int MAX_KEYS = 1 << 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static void writeOpening(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.flush();
    }

    static void readOpening(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(String.format("not a bigdata-ai federated peer (opening 0x%08X, expected 0x%08X)", magic, MAGIC));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("federated protocol version " + version + "; this library speaks " + VERSION);
        }
    }

    static byte readType(DataInputStream in, byte... expected) throws IOException {
        byte t = in.readByte();
        if (t == ERROR) {
            throw new PeerError(readText(in));
        }
        for (byte e : expected) {
            if (t == e) {
                return t;
            }
        }
        throw new IOException("unexpected message type " + t + "; expected one of " + java.util.Arrays.toString(expected));
    }

    /** The peer reported an error of its own (its message, verbatim). */
    static final class PeerError extends IOException {
        private static final long serialVersionUID = 1L;

        PeerError(String message) {
            super(message);
        }
    }

    static void writeHello(DataOutputStream out, ClientHello h) throws IOException {
        out.writeByte(HELLO);
        writeText(out, JSON.writeValueAsString(h.signature().toMap()));
        out.writeLong(h.rows());
        writeBytes(out, h.publicKey());
        out.flush();
    }

    static ClientHello readHello(DataInputStream in) throws IOException {
        Map<String, Object> m = JSON.readValue(readText(in), new TypeReference<Map<String, Object>>() { });
        ModelSignature sig;
        try {
            sig = ModelSignature.fromMap(m);
        } catch (RuntimeException e) {
            throw new IOException("the client's signature cannot be read: " + e.getMessage(), e);
        }
        long rows = in.readLong();
        if (rows < 1) {
            throw new IOException("the client reports " + rows + " rows");
        }
        return new ClientHello(sig, rows, readBytes(in, MAX_KEYS));
    }

    static void writeTask(DataOutputStream out, RoundTask t) throws IOException {
        out.writeByte(TASK);
        out.writeInt(t.round());
        out.writeLong(t.seed());
        out.writeInt(t.epochs());
        out.writeInt(t.batchSize());
        out.writeDouble(t.proximalMu());
        out.writeDouble(t.learningRate());
        out.writeDouble(t.clipNorm());
        out.writeDouble(t.weight());
        out.writeBoolean(t.secure());
        out.writeInt(t.self());
        out.writeInt(t.participantKeys().size());
        for (byte[] k : t.participantKeys()) {
            writeBytes(out, k);
        }
        writeFloats(out, t.global());
        out.flush();
    }

    static RoundTask readTask(DataInputStream in) throws IOException {
        int round = in.readInt();
        long seed = in.readLong();
        int epochs = positive(in.readInt(), "epochs");
        int batch = positive(in.readInt(), "batch size");
        double mu = in.readDouble();
        double lr = in.readDouble();
        double clip = in.readDouble();
        double weight = in.readDouble();
        if (!(mu >= 0 && Double.isFinite(mu) && lr > 0 && Double.isFinite(lr) && clip >= 0 && Double.isFinite(clip)
                && Double.isFinite(weight))) {
            throw new IOException("a task with mu " + mu + ", learning rate " + lr + ", clip " + clip + ", weight " + weight);
        }
        boolean secure = in.readBoolean();
        int self = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > MAX_KEYS || (secure && (self < 0 || self >= n))) {
            throw new IOException("a task with " + n + " participant keys and position " + self);
        }
        List<byte[]> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(readBytes(in, MAX_KEYS));
        }
        return new RoundTask(round, seed, epochs, batch, mu, lr, clip, weight, secure, self, keys, readFloats(in));
    }

    static void writeUpdate(DataOutputStream out, ClientUpdate u) throws IOException {
        out.writeByte(UPDATE);
        out.writeDouble(u.loss());
        out.writeBoolean(u.masked() != null);
        if (u.masked() != null) {
            out.writeInt(u.masked().length);
            ByteBuffer b = ByteBuffer.allocate(u.masked().length * 8).order(ByteOrder.BIG_ENDIAN);
            b.asLongBuffer().put(u.masked());
            out.write(b.array());
        } else {
            out.writeInt(u.plain().length);
            ByteBuffer b = ByteBuffer.allocate(u.plain().length * 8).order(ByteOrder.BIG_ENDIAN);
            b.asDoubleBuffer().put(u.plain());
            out.write(b.array());
        }
        out.flush();
    }

    /** Reads an update, refusing any length but {@code expected}. */
    static ClientUpdate readUpdate(DataInputStream in, int expected) throws IOException {
        double loss = in.readDouble();
        boolean masked = in.readBoolean();
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("an update of " + n + " values; the model has " + expected);
        }
        byte[] raw = new byte[n * 8];
        in.readFully(raw);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        if (masked) {
            long[] v = new long[n];
            b.asLongBuffer().get(v);
            return new ClientUpdate(null, v, loss);
        }
        double[] v = new double[n];
        b.asDoubleBuffer().get(v);
        return new ClientUpdate(v, null, loss);
    }

    static void writeError(DataOutputStream out, String message) throws IOException {
        out.writeByte(ERROR);
        writeText(out, message == null ? "(no message)" : message);
        out.flush();
    }

    static void writeText(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in, MAX_BYTES), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] readBytes(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("a field of " + n + " bytes (at most " + max + " allowed)");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.BIG_ENDIAN);
        b.asFloatBuffer().put(v);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUES) {
            throw new IOException("a parameter vector of " + n + " values (at most " + MAX_VALUES + " allowed)");
        }
        byte[] raw = new byte[n * 4];
        in.readFully(raw);
        float[] v = new float[n];
        ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static int positive(int v, String what) throws IOException {
        if (v < 1) {
            throw new IOException("a task with " + what + " " + v);
        }
        return v;
    }
}
