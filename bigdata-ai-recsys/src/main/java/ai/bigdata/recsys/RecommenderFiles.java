package ai.bigdata.recsys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Saves and loads fitted recommenders. The file is: the 8 bytes {@code BDAIRECS}, the format version
 * (int32, currently 1), the payload length (int64), the payload (model kind, training index, model state)
 * and the SHA-256 of everything before it. Loading checks magic, version, length and checksum before
 * parsing anything, so a truncated, extended or altered file is a {@link RecommenderFileException} naming the
 * file and what is wrong, never a partly loaded model. Saving writes a temporary file and moves it in place.
 */
public final class RecommenderFiles {
    /** The current file format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "BDAIRECS".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 8;
    private static final int DIGEST = 32;

    private RecommenderFiles() {
    }

    /** Saves a recommender of this module to {@code file} (replacing it). */
    public static void save(Recommender model, Path file) {
        if (!(model instanceof IndexedRecommender m)) {
            throw new IllegalArgumentException("cannot save " + model.getClass().getName() + ": not a bigdata-ai-recsys model");
        }
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                out.writeUTF(m.kind());
                m.index.write(out);
                m.writeState(out);
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream(payload.size() + HEADER + DIGEST);
            all.write(MAGIC);
            all.write(ByteBuffer.allocate(12).putInt(VERSION).putLong(payload.size()).array());
            payload.writeTo(all);
            byte[] body = all.toByteArray();
            all.write(sha256(body, body.length));
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, all.toByteArray());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save recommender to " + file, e);
        }
    }

    /** Loads a recommender saved by {@link #save}; any damage is a {@link RecommenderFileException}. */
    public static Recommender load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new RecommenderFileException(name, "file of " + size + " bytes is larger than a recommender file can be", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length < HEADER + DIGEST || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new RecommenderFileException(name, bytes.length < HEADER + DIGEST
                    ? "truncated: " + bytes.length + " bytes, shorter than header and checksum"
                    : "not a bigdata-ai recommender file (bad magic bytes)", null);
        }
        ByteBuffer head = ByteBuffer.wrap(bytes, MAGIC.length, 12);
        int version = head.getInt();
        long length = head.getLong();
        if (version != VERSION) {
            throw new RecommenderFileException(name, "format version " + version + " is not supported (this library reads "
                    + VERSION + ")", null);
        }
        long expected = HEADER + length + DIGEST;
        if (length < 0 || expected != bytes.length) {
            throw new RecommenderFileException(name, (length >= 0 && bytes.length < expected ? "truncated" : "wrong length")
                    + ": header says " + length + " payload bytes, so " + expected + " in all, file has " + bytes.length, null);
        }
        byte[] digest = sha256(bytes, bytes.length - DIGEST);
        if (!Arrays.equals(digest, 0, DIGEST, bytes, bytes.length - DIGEST, bytes.length)) {
            throw new RecommenderFileException(name, "checksum mismatch: the file was altered or damaged", null);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER, (int) length))) {
            String kind = in.readUTF();
            TrainingIndex index = TrainingIndex.read(in);
            IndexedRecommender model = readModel(kind, index, in);
            if (in.available() != 0) {
                throw new RecommenderFileException(name, in.available() + " unexpected bytes after the model state", null);
            }
            return model;
        } catch (IOException e) {
            throw new RecommenderFileException(name, "inconsistent payload: " + e.getMessage(), e);
        }
    }

    /** The state of a model of {@code kind} over {@code index}. */
    static IndexedRecommender readModel(String kind, TrainingIndex index, DataInputStream in) throws IOException {
        return switch (kind) {
            case PopularityRecommender.KIND -> PopularityRecommender.read(index, in);
            case ExplicitAls.KIND -> ExplicitAls.read(index, in);
            case ImplicitAls.KIND -> ImplicitAls.read(index, in);
            case Bpr.KIND -> Bpr.read(index, in);
            case TwoTower.KIND -> TwoTower.read(index, in);
            case ItemKnn.KIND -> ItemKnn.read(index, in);
            case ContentRecommender.KIND -> ContentRecommender.read(index, in);
            case HybridRecommender.KIND -> HybridRecommender.read(index, in);
            default -> throw new IOException("unknown model kind '" + kind + "'");
        };
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
