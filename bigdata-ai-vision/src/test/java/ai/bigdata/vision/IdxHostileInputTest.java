package ai.bigdata.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** IdxReader against damaged, hostile and unusually shaped files. */
@ExtendWith(ArrowLeakCheck.class)
class IdxHostileInputTest {
    @TempDir
    Path dir;

    private static byte[] images(int count, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x803).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    private static byte[] labels(byte... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(0x801).putInt(values.length).put(values);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static List<float[]> pixels(Dataset d) {
        List<float[]> out = new ArrayList<>();
        d.forEachRow(r -> out.add((float[]) r.get("image")));
        return out;
    }

    private void readsOneWideImage(int width) throws IOException {
        byte[] px = new byte[width];
        for (int i = 0; i < width; i++) {
            px[i] = (byte) (i % 251);
        }
        Path img = write("wide-" + width, images(1, 1, width, px));
        Path lab = write("wide-labels-" + width, labels((byte) 3));
        try (Dataset d = IdxReader.files(img, lab).divideBy(1).read()) {
            assertThat(d.rowCount()).isEqualTo(1);
            float[] got = pixels(d).get(0);
            assertThat(got).hasSize(width);
            assertThat(got[width - 1]).isEqualTo((width - 1) % 251);
        }
    }

    /** Before the fix 8,192 rows x 524,288 values overflowed int to 0: an empty buffer, then SIGSEGV. */
    @Test
    void oneImageOf1x524288IsRead() throws IOException {
        readsOneWideImage(524_288);
    }

    /** Before the fix 8,192 x 300,000 overflowed int to a negative count: "valueCount must be >= 0". */
    @Test
    void oneImageOf1x300000IsRead() throws IOException {
        readsOneWideImage(300_000);
    }

    @Test
    void aHeaderClaimingAHugeImageIsRefusedBeforeAllocating() throws IOException {
        Path img = write("huge", images(1, 1, 1 << 30, new byte[16]));
        Path lab = write("huge-labels", labels((byte) 0));
        assertThatThrownBy(() -> IdxReader.files(img, lab).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("huge").hasMessageContaining("1 x 1073741824");
        // the same through a stream, where the size of the file is unknown
        assertThatThrownBy(() -> IdxReader.sources(() -> Files.newInputStream(img), "huge stream",
                () -> Files.newInputStream(lab), "labels").read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("huge stream");
        Path gz = write("huge.gz", gzip(images(1, 65_536, 65_536, new byte[16])));
        assertThatThrownBy(() -> IdxReader.files(gz, lab).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("huge.gz").hasMessageContaining("65536 x 65536");
    }

    @Test
    void aGzipHeaderClaimingBillionsOfImagesEndsInATypedTruncationError() throws IOException {
        byte[] px = new byte[28 * 28];
        byte[] img = images(Integer.MAX_VALUE, 28, 28, px);
        ByteBuffer lab = ByteBuffer.allocate(9).putInt(0x801).putInt(Integer.MAX_VALUE).put((byte) 1);
        Path imgGz = write("claims-many.gz", gzip(img));
        Path labGz = write("claims-many-labels.gz", gzip(lab.array()));
        assertThatThrownBy(() -> IdxReader.files(imgGz, labGz).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("claims-many").hasMessageContaining("truncated");
    }

    @Test
    void countMismatchAndExtraDataAreRefusedWithTheFileName() throws IOException {
        byte[] px = new byte[2 * 4];
        Path img = write("two-images", images(2, 2, 2, px));
        Path oneLabel = write("one-label", labels((byte) 1));
        assertThatThrownBy(() -> IdxReader.files(img, oneLabel).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("one-label").hasMessageContaining("holds 1 labels but").hasMessageContaining("two-images");
        Path twoLabels = write("two-labels", labels((byte) 1, (byte) 2));
        Path extra = write("extra-images", Arrays.copyOf(images(2, 2, 2, px), 16 + 8 + 5));
        assertThatThrownBy(() -> IdxReader.files(extra, twoLabels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("extra-images").hasMessageContaining("5 bytes of extra data");
        Path extraGz = write("extra.gz", gzip(Arrays.copyOf(images(2, 2, 2, px), 16 + 8 + 5)));
        assertThatThrownBy(() -> IdxReader.files(extraGz, twoLabels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("extra.gz").hasMessageContaining("extra data");
        byte[] gz = gzip(images(2, 2, 2, px));
        byte[] garbage = Arrays.copyOf(gz, gz.length + 2);
        Path trailing = write("trailing.gz", garbage);
        assertThatThrownBy(() -> IdxReader.files(trailing, twoLabels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("trailing.gz").hasMessageContaining("trailing garbage");
        Path wrongMagic = write("wrong-magic", labels((byte) 1, (byte) 2));
        assertThatThrownBy(() -> IdxReader.files(wrongMagic, twoLabels).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("wrong-magic").hasMessageContaining("magic number");
    }

    @Test
    void everySingleByteFlipInAGzipFileIsRefusedOrChangesNothing() throws IOException {
        Random rnd = new Random(7);
        byte[] px = new byte[3 * 8 * 8];
        rnd.nextBytes(px);
        byte[] gz = gzip(images(3, 8, 8, px));
        byte[] labelsGz = gzip(labels((byte) 1, (byte) 2, (byte) 3));
        Path lab = write("labels.gz", labelsGz);
        List<float[]> expected;
        try (Dataset d = IdxReader.files(write("good.gz", gz), lab).read()) {
            expected = pixels(d);
        }
        int refused = 0;
        for (int i = 0; i < gz.length; i++) {
            byte[] flipped = gz.clone();
            flipped[i] ^= (byte) 0x5a;
            Path img = write("flipped.gz", flipped);
            try (Dataset d = IdxReader.files(img, lab).read()) {
                List<float[]> got = pixels(d);
                assertThat(got).as("flip at byte %d", i).hasSameSizeAs(expected);
                for (int k = 0; k < got.size(); k++) {
                    assertThat(got.get(k)).as("flip at byte %d, image %d", i, k).isEqualTo(expected.get(k));
                }
            } catch (DataFormatException e) {
                assertThat(e.getMessage()).as("flip at byte %d", i).contains("flipped.gz");
                refused++;
            }
        }
        // only the header's time stamp, extra flags and OS bytes (4..9) may change without harm
        assertThat(refused).isGreaterThanOrEqualTo(gz.length - 6);
        byte[] flippedCrc = labelsGz.clone();
        flippedCrc[labelsGz.length - 6] ^= 1;
        Path badLabels = write("bad-labels.gz", flippedCrc);
        assertThatThrownBy(() -> IdxReader.files(write("good.gz", gz), badLabels).read())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("bad-labels.gz").hasMessageContaining("CRC-32");
    }

    @Test
    void aLimitStillChecksTheWholeStream() throws IOException {
        byte[] px = new byte[3 * 4];
        byte[] gz = gzip(images(3, 2, 2, px));
        gz[gz.length - 7] ^= 1; // CRC of the images
        Path img = write("limited.gz", gz);
        Path lab = write("labels", labels((byte) 0, (byte) 0, (byte) 0));
        assertThatThrownBy(() -> IdxReader.files(img, lab).limit(1).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("limited.gz").hasMessageContaining("CRC-32");
    }
}
