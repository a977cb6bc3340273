package ai.bigdata.recsys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Reads recommender files of the module's own format, version 1, written before recommenders were saved as core
 * bundles: the 8 bytes {@code BDAIRECS}, the version (int32, 1), the payload length (int64), the payload (model
 * kind, training index, model state) and the SHA-256 of everything before it. Magic, version, length and checksum
 * are checked before anything is parsed, so a damaged file is a {@link RecommenderFileException} naming the file.
 */
final class LegacyRecommenderFile {
    /** The only version of the format. */
    static final int VERSION = 1;
    private static final byte[] MAGIC = "BDAIRECS".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 8;
    private static final int DIGEST = 32;

    private LegacyRecommenderFile() {
    }

    /** Whether {@code file} starts with this format's magic bytes (false when it cannot be read: the caller reports that). */
    static boolean isLegacy(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads a version-1 file; any damage is a {@link RecommenderFileException}. */
    static Recommender read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new RecommenderFileException(name, "file of " + size + " bytes is larger than a recommender file can be", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RecommenderFileException(name, "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length < HEADER + DIGEST) {
            throw new RecommenderFileException(name, "truncated: " + bytes.length + " bytes, shorter than header and checksum", null);
        }
        ByteBuffer head = ByteBuffer.wrap(bytes, MAGIC.length, 12);
        int version = head.getInt();
        long length = head.getLong();
        if (version != VERSION) {
            throw new RecommenderFileException(name, "format version " + version + " of the old recommender file format is not"
                    + " supported (this library reads version " + VERSION + " of it, and writes bundles)", null);
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
        return RecommenderFiles.parse(name, "the payload", Arrays.copyOfRange(bytes, HEADER, HEADER + (int) length),
                in -> RecommenderFiles.readModel(in.readUTF(), TrainingIndex.read(in), in));
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
