package ai.bigdata.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip of named parts sealed with a SHA-256 of the whole file, so that no byte of it (entries,
 * central directory, end record) can change or go missing unnoticed. The seal is the zip comment,
 * {@value #MARK} followed by 64 hex digits: the SHA-256 of every byte of the file before those digits.
 * Zip tools still open a sealed file. Reading tells what was found: a file cut short, a changed byte,
 * or no zip at all; an unsealed zip (written before seals existed) is read after its central
 * directory was checked against its entries.
 */
public final class SealedZip {
    /** The text that starts the seal. */
    public static final String MARK = "bigdata-ai sha256:";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);
    private static final int HEX = 64;
    private static final int SEAL = MARK_BYTES.length + HEX;
    /** Length of the zip end record without its comment. */
    private static final int END = 22;
    private static final byte[] END_SIGNATURE = {'P', 'K', 5, 6};
    private static final byte[] LOCAL_SIGNATURE = {'P', 'K', 3, 4};

    /** What was wrong with a file. */
    public enum Damage {
        /** The file ends before its end record says it should. */
        TRUNCATED,
        /** A byte differs from what was written (or bytes were added). */
        ALTERED,
        /** The file is no zip of parts at all. */
        NOT_A_ZIP
    }

    /** A file that cannot be read as a sealed or plain zip of parts; {@link #damage()} says why. */
    public static final class DamagedException extends ZipException {
        private static final long serialVersionUID = 1L;
        private final Damage damage;

        DamagedException(Damage damage, String message) {
            super(message);
            this.damage = damage;
        }

        DamagedException(Damage damage, String message, Throwable cause) {
            this(damage, message);
            initCause(cause);
        }

        /** What was found. */
        public Damage damage() {
            return damage;
        }
    }

    /**
     * The parts of a file and whether it carried a seal.
     *
     * @param parts every part by name, in file order
     * @param sealed whether the whole file was verified by its seal (false: a zip written without one)
     */
    public record Contents(Map<String, byte[]> parts, boolean sealed) {
    }

    private SealedZip() {
    }

    /** The sealed zip of {@code parts}, in map order. */
    public static byte[] seal(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipParts.write(out, parts, MARK + "0".repeat(HEX));
        byte[] b = out.toByteArray();
        byte[] hex = hexOf(b, b.length - HEX).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, b, b.length - HEX, HEX);
        return b;
    }

    /** Writes the sealed zip of {@code parts} to {@code file}. */
    public static void write(Path file, Map<String, byte[]> parts) throws IOException {
        Files.write(file, seal(parts));
    }

    /**
     * Reads and verifies a file written by {@link #write}, or a plain zip of parts.
     *
     * @throws DamagedException when the file is truncated, altered or no zip (the message says which and where)
     * @throws IOException when it cannot be read at all
     */
    public static Contents read(Path file) throws IOException {
        byte[] b = InMemoryReads.readFile(file);
        String src = file.toString();
        int n = b.length;
        if (n == 0) {
            throw new DamagedException(Damage.NOT_A_ZIP, "the file is empty");
        }
        int end = n - SEAL - END;
        if (end >= 0 && matches(b, end, END_SIGNATURE) && u16(b, end + 20) == SEAL && matches(b, n - SEAL, MARK_BYTES)) {
            String carried = new String(b, n - HEX, HEX, StandardCharsets.US_ASCII);
            if (!hexOf(b, n - HEX).equals(carried)) {
                throw new DamagedException(Damage.ALTERED, "its bytes do not match the SHA-256 sealed at its end (a byte was changed)");
            }
            return new Contents(parse(b, src), true);
        }
        int mark = lastIndexOf(b, MARK_BYTES, Math.max(0, n - SEAL - 65_535 - END));
        if (mark >= 0) {
            long expected = (long) mark + SEAL;
            if (n < expected) {
                throw new DamagedException(Damage.TRUNCATED, "it ends after " + n + " bytes, inside its seal; it was written with "
                        + expected + " bytes (the end was cut off)");
            }
            if (n > expected) {
                throw new DamagedException(Damage.ALTERED, (n - expected) + " bytes follow its seal (bytes were added)");
            }
            throw new DamagedException(Damage.ALTERED, "its zip end record is damaged (a byte was changed)");
        }
        int last = lastIndexOf(b, END_SIGNATURE, Math.max(0, n - END - 65_535));
        if (last >= 0 && last + END <= n) {
            long expected = (long) last + END + u16(b, last + 20);
            if (n < expected) {
                throw new DamagedException(Damage.TRUNCATED, "it ends after " + n + " bytes, inside its zip end record; it was written"
                        + " with " + expected + " bytes (the end was cut off)");
            }
            if (n > expected) {
                throw new DamagedException(Damage.ALTERED, (n - expected) + " bytes follow its zip end record (bytes were added or"
                        + " its end record was changed)");
            }
            if (u16(b, last + 20) != 0) {
                throw new DamagedException(Damage.ALTERED, "its seal is damaged (a byte was changed)");
            }
            Map<String, byte[]> parts = parse(b, src);
            checkCentralDirectory(file, parts);
            return new Contents(parts, false);
        }
        if (matches(b, 0, LOCAL_SIGNATURE)) {
            throw new DamagedException(Damage.TRUNCATED, "its zip end record is missing after " + n + " bytes (the end was cut off)");
        }
        throw new DamagedException(Damage.NOT_A_ZIP, "it is not a zip file (it starts with neither a zip entry nor a seal)");
    }

    private static Map<String, byte[]> parse(byte[] b, String src) throws DamagedException {
        try {
            return ZipParts.read(b, src);
        } catch (IOException e) {
            throw new DamagedException(Damage.ALTERED, "its zip entries are damaged: " + e.getMessage(), e);
        }
    }

    /** An unsealed zip: its central directory must list exactly the entries read, with their sizes and CRCs. */
    private static void checkCentralDirectory(Path file, Map<String, byte[]> parts) throws DamagedException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] data = parts.get(e.getName());
                if (data == null) {
                    throw new DamagedException(Damage.ALTERED, "its central directory lists '" + e.getName()
                            + "', which is not among its entries " + parts.keySet());
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                if (e.getSize() != data.length || e.getCrc() != crc.getValue()) {
                    throw new DamagedException(Damage.ALTERED, "its central directory gives '" + e.getName() + "' another size or"
                            + " CRC than the entry has");
                }
                names.add(e.getName());
            }
        } catch (DamagedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DamagedException(Damage.ALTERED, "its zip central directory is damaged: " + e.getMessage(), e);
        }
        if (!names.equals(new ArrayList<>(parts.keySet()))) {
            throw new DamagedException(Damage.ALTERED, "its central directory lists " + names + " but its entries are "
                    + parts.keySet());
        }
    }

    private static String hexOf(byte[] b, int length) {
        MessageDigest md = Sha256.digest();
        md.update(b, 0, length);
        return Sha256.hex(md);
    }

    private static boolean matches(byte[] b, int at, byte[] what) {
        if (at < 0 || at + what.length > b.length) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (b[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] b, byte[] what, int from) {
        for (int i = b.length - what.length; i >= from; i--) {
            if (matches(b, i, what)) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
