package ai.bigdata.vision;

import static ai.bigdata.vision.TestImages.grey;
import static ai.bigdata.vision.TestImages.rgb;
import static ai.bigdata.vision.TestImages.scaled;
import static ai.bigdata.vision.TestImages.strings;
import static ai.bigdata.vision.TestImages.tensors;
import static ai.bigdata.vision.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.io.ReadResult;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class ImageFolderTest {
    @TempDir
    Path root;

    @Test
    void classesAreSortedAndPixelsPathsAndLabelsAreExact() throws IOException {
        write(grey(2, 3, 0, 1, 2, 253, 254, 255), "png", root.resolve("b/x.png"));
        write(grey(2, 3, 10, 20, 30, 40, 50, 60), "png", root.resolve("a/sub/y.png"));
        write(grey(2, 3, 9, 9, 9, 9, 9, 9), "png", root.resolve("a/z.png"));
        try (Dataset d = ImageFolder.at(root).read()) {
            assertThat(d.schema().column("image")).isEqualTo(Column.tensor("image", 1, 2, 3));
            Column label = d.schema().column("label");
            assertThat(label.role()).isEqualTo(ColumnRole.LABEL);
            assertThat(label.categories()).containsExactly("a", "b");
            assertThat(d.schema().column("path").type()).isEqualTo(ColumnType.TEXT);
            assertThat(d.schema().column("path").role()).isEqualTo(ColumnRole.ID);
            assertThat(strings(d, "path")).containsExactly("a/sub/y.png", "a/z.png", "b/x.png");
            assertThat(strings(d, "label")).containsExactly("a", "a", "b");
            List<float[]> t = tensors(d, "image");
            assertThat(t.get(0)).containsExactly(scaled(10, 20, 30, 40, 50, 60));
            assertThat(t.get(2)).containsExactly(scaled(0, 1, 2, 253, 254, 255));
        }
    }

    @Test
    void pngBmpAndGifColourPixelsAreExactChannelFirst() throws IOException {
        int[] px = {0xFF0000, 0x00FF00, 0x0000FF, 0x102030};
        for (String f : List.of("png", "bmp")) {
            write(rgb(1, 4, px), f, root.resolve("c/im." + f));
        }
        // one row: the JDK's GIF writer/reader pair does not round-trip images narrower than 8 pixels with several rows
        write(TestImages.indexed(1, 4, px), "gif", root.resolve("c/im.gif"));
        try (Dataset d = ImageFolder.at(root).read()) {
            assertThat(d.rowCount()).isEqualTo(3);
            assertThat(d.schema().column("image").shape()).containsExactly(3, 1, 4);
            for (float[] t : tensors(d, "image")) {
                assertThat(t).containsExactly(scaled(255, 0, 0, 0x10, 0, 255, 0, 0x20, 0, 0, 255, 0x30));
            }
        }
    }

    @Test
    void aGifWithAGreyPaletteIsOneChannelAsStored() throws IOException {
        write(TestImages.indexed(1, 3, 0x000000, 0x7F7F7F, 0xFEFEFE), "gif", root.resolve("c/g.gif"));
        try (Dataset d = ImageFolder.at(root).read()) {
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(0, 127, 254));
        }
    }

    @Test
    void sixteenBitGreyIsScaledTo8BitsAndAlphaIsDropped() throws IOException {
        java.awt.image.BufferedImage deep = new java.awt.image.BufferedImage(3, 1, java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 257 * 100, 65535});
        write(deep, "png", root.resolve("g/deep.png"));
        try (Dataset d = ImageFolder.at(root).read()) {
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(0, 100, 255));
        }
        java.awt.image.BufferedImage argb = new java.awt.image.BufferedImage(2, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 2, 1, new int[] {0x00102030, 0x80FF0000}, 0, 2);
        Path rgba = root.resolve("rgba");
        write(argb, "png", rgba.resolve("c/a.png"));
        try (Dataset d = ImageFolder.at(rgba).read()) {
            assertThat(d.schema().column("image").shape()).containsExactly(3, 1, 2);
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(0x10, 0xFF, 0x20, 0, 0x30, 0));
        }
    }

    @Test
    void anImageClaimingTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        Path big = write(grey(4, 4, new int[16]), "png", root.resolve("c/big.png"));
        assertThatThrownBy(() -> ImageFolder.at(root).maxPixels(15).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(big.toString()).hasMessageContaining("claims 4 x 4 = 16 pixels, more than the limit of 15");
    }

    @Test
    void jpegIsReadWithinItsLossyCoding() throws IOException {
        int[] px = new int[64];
        java.util.Arrays.fill(px, 0x808080);
        write(rgb(8, 8, px), "jpg", root.resolve("c/im.jpg"));
        try (Dataset d = ImageFolder.at(root).channels(ChannelPolicy.GREY).read()) {
            float[] t = tensors(d, "image").get(0);
            assertThat(t).hasSize(64);
            for (float v : t) {
                assertThat(v * 255).isCloseTo(128f, org.assertj.core.data.Offset.offset(2f));
            }
        }
    }

    @Test
    void greyPolicyGivesPilLumaAndRgbPolicyRepeatsGrey() throws IOException {
        write(rgb(1, 2, 0xFF0000, 0x102030), "png", root.resolve("c/colour.png"));
        write(grey(1, 2, 7, 200), "png", root.resolve("c/grey.png"));
        try (Dataset d = ImageFolder.at(root).channels(ChannelPolicy.GREY).read()) {
            List<float[]> t = tensors(d, "image");
            int l1 = (19595 * 255 + 32768) >> 16;
            int l2 = (19595 * 0x10 + 38470 * 0x20 + 7471 * 0x30 + 32768) >> 16;
            assertThat(l1).isEqualTo(76);
            assertThat(t.get(0)).containsExactly(scaled(l1, l2));
            assertThat(t.get(1)).containsExactly(scaled(7, 200));
        }
        try (Dataset d = ImageFolder.at(root).channels(ChannelPolicy.RGB).read()) {
            assertThat(tensors(d, "image").get(1)).containsExactly(scaled(7, 200, 7, 200, 7, 200));
        }
    }

    @Test
    void asStoredRefusesAnotherChannelCountOrCountsItUnderSkip() throws IOException {
        write(grey(1, 2, 1, 2), "png", root.resolve("c/a.png"));
        Path colour = write(rgb(1, 2, 0xFF0000, 0x102030), "png", root.resolve("c/b.png"));
        assertThatThrownBy(() -> ImageFolder.at(root).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(colour.toString()).hasMessageContaining("3 channel(s) but the first image kept has 1");
        try (ReadResult r = ImageFolder.at(root).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.report().rowsRead()).isEqualTo(2);
            assertThat(r.report().rowsKept()).isEqualTo(1);
            assertThat(r.report().rowsRejected()).isEqualTo(1);
            assertThat(r.report().rejections().get(0).source()).isEqualTo(colour.toString());
            assertThat(r.dataset().rowCount()).isEqualTo(1);
        }
    }

    @Test
    void theFirstImageKeptNotARejectedOneFixesTheChannelCount() throws IOException {
        Path wrongSize = write(rgb(1, 1, 0xFF0000), "png", root.resolve("c/a.png"));
        write(grey(2, 2, 1, 2, 3, 4), "png", root.resolve("c/b.png"));
        write(grey(2, 2, 5, 6, 7, 8), "png", root.resolve("c/c.png"));
        try (ReadResult r = ImageFolder.at(root).size(2, 2).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.report().rowsKept()).isEqualTo(2);
            assertThat(r.report().rejections()).extracting(DataFormatException::source).containsExactly(wrongSize.toString());
            assertThat(r.dataset().schema().column("image").shape()).containsExactly(1, 2, 2);
        }
    }

    @Test
    void exactRefusesAnotherSizeNamingTheFile() throws IOException {
        write(grey(2, 2, 1, 2, 3, 4), "png", root.resolve("c/a.png"));
        Path big = write(grey(2, 3, 1, 2, 3, 4, 5, 6), "png", root.resolve("c/b.png"));
        assertThatThrownBy(() -> ImageFolder.at(root).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(big.toString()).hasMessageContaining("is 2 x 3 (height x width) but 2 x 2 is required");
        assertThatThrownBy(() -> ImageFolder.at(root).size(2, 3).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(root.resolve("c/a.png").toString()).hasMessageContaining("the size asked for");
    }

    @Test
    void resizeIsBilinearWithHalfPixelCentres() throws IOException {
        write(grey(1, 2, 0, 200), "png", root.resolve("c/a.png"));
        try (Dataset d = ImageFolder.at(root).size(1, 4).resize(ResizePolicy.RESIZE).read()) {
            // source x of output columns: -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped neighbour)
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(0, 50, 150, 200));
        }
    }

    @Test
    void resizeCenterCropKeepsTheAspectRatioAndCutsTheMiddle() throws IOException {
        write(grey(2, 4, 1, 2, 3, 4, 5, 6, 7, 8), "png", root.resolve("c/a.png"));
        try (Dataset d = ImageFolder.at(root).size(2, 2).resize(ResizePolicy.RESIZE_CENTER_CROP).read()) {
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(2, 3, 6, 7));
        }
        try (Dataset d = ImageFolder.at(root).size(1, 1).resize(ResizePolicy.RESIZE_CENTER_CROP).read()) {
            // scale 0.5: 1 x 2, each the mean of a 2 x 2 block ((1+2+5+6)/4 = 3.5 -> 4, (3+4+7+8)/4 = 5.5 -> 6); the left one kept
            assertThat(tensors(d, "image").get(0)).containsExactly(scaled(4));
        }
        assertThatThrownBy(() -> ImageFolder.at(root).resize(ResizePolicy.RESIZE).read())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size(height, width)");
    }

    @Test
    void badFilesAreNamedUnderFailAndCountedUnderSkip() throws IOException {
        write(grey(2, 2, 1, 2, 3, 4), "png", root.resolve("c/good.png"));
        byte[] png = Files.readAllBytes(write(grey(8, 8, new int[64]), "png", root.resolve("d/whole.png")));
        Path truncated = root.resolve("d/truncated.png");
        Files.write(truncated, java.util.Arrays.copyOf(png, png.length - 20));
        Path text = root.resolve("d/notes.txt");
        Files.writeString(text, "not an image");
        Path empty = root.resolve("d/empty.png");
        Files.write(empty, new byte[0]);
        Path corrupt = root.resolve("d/corrupt.png");
        byte[] bad = png.clone();
        for (int i = 40; i < bad.length - 12; i++) {
            bad[i] = (byte) (bad[i] ^ 0x5A);
        }
        Files.write(corrupt, bad);
        Path dangling = root.resolve("d/gone.png");
        Files.createSymbolicLink(dangling, root.resolve("nowhere.png"));
        Path loose = root.resolve("loose.png");
        Files.write(loose, png);
        for (Path p : List.of(truncated, text, empty, corrupt, dangling, loose)) {
            assertThatThrownBy(() -> ImageFolder.at(root).read()).isInstanceOf(DataFormatException.class)
                    .satisfies(e -> assertThat(((DataFormatException) e).source()).isIn(p.toString(), corrupt.toString(),
                            empty.toString(), dangling.toString(), text.toString(), truncated.toString(), loose.toString()));
        }
        try (ReadResult r = ImageFolder.at(root).size(2, 2).onError(ErrorPolicy.SKIP).readWithReport()) {
            assertThat(r.report().rowsRead()).isEqualTo(8);
            assertThat(r.report().rowsKept()).isEqualTo(1);
            assertThat(r.report().rowsRejected()).isEqualTo(7);
            assertThat(r.report().rejections()).extracting(DataFormatException::source).containsExactly(
                    root.resolve("c/good.png").toString().replace("c/good.png", "d/corrupt.png"), empty.toString(),
                    dangling.toString(), text.toString(), truncated.toString(), root.resolve("d/whole.png").toString(),
                    loose.toString());
            assertThat(r.report().rejections().get(1).reason()).isEqualTo("the file is empty");
            assertThat(r.report().rejections().get(2).reason()).startsWith("cannot read the file");
            assertThat(r.report().rejections().get(3).reason()).startsWith("not an image");
            assertThat(r.report().rejections().get(4).reason()).isEqualTo("truncated or damaged PNG file: it does not end"
                    + " with the IEND chunk");
            assertThat(r.report().rejections().get(5).reason()).contains("is 8 x 8");
            assertThat(r.report().rejections().get(6).reason()).contains("outside every class folder");
            assertThat(r.dataset().rowCount()).isEqualTo(1);
        }
    }

    @Test
    void eachBadFileAloneIsATypedErrorNamingIt() throws IOException {
        byte[] png = Files.readAllBytes(write(grey(8, 8, new int[64]), "png", root.resolve("x/whole.png")));
        byte[] jpg = Files.readAllBytes(write(rgb(16, 16, new int[256]), "jpg", root.resolve("x/whole.jpg")));
        byte[] gif = Files.readAllBytes(write(rgb(16, 16, new int[256]), "gif", root.resolve("x/whole.gif")));
        byte[] bmp = Files.readAllBytes(write(rgb(16, 16, new int[256]), "bmp", root.resolve("x/whole.bmp")));
        Files.walk(root.resolve("x")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        for (byte[] whole : List.of(png, jpg, gif, bmp)) {
            Path one = root.resolve("c/cut");
            Files.createDirectories(one.getParent());
            Files.write(one, java.util.Arrays.copyOf(whole, whole.length / 2));
            assertThatThrownBy(() -> ImageFolder.at(root).read()).isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(one.toString());
        }
    }

    @Test
    void aSpilledReadHoldsNoArrowMemoryOnceRead() throws IOException {
        for (int i = 0; i < 30; i++) {
            write(grey(4, 4, new int[16]), "png", root.resolve("data/c" + (i % 2) + "/im" + i + ".png"));
        }
        try (Dataset spilled = ImageFolder.at(root.resolve("data")).spillTo(root.resolve("spill")).partBytes(64 * 8).read()) {
            assertThat(spilled.rowCount()).isEqualTo(30);
            assertThat(spilled.chunkCount()).isEqualTo(4);
            assertThat(ai.bigdata.core.data.Memory.allocatedBytes()).as("parts are mapped on visit, not held").isZero();
            assertThat(TestImages.strings(spilled, "path")).hasSize(30);
        }
    }

    @Test
    void anEmptyClassFolderOrNoClassFoldersIsAnError() throws IOException {
        write(grey(1, 1, 1), "png", root.resolve("a/x.png"));
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("b/.hidden"), "x");
        assertThatThrownBy(() -> ImageFolder.at(root).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(root.resolve("b").toString()).hasMessageContaining("'b' holds no files");
        Path flat = root.resolve("a");
        assertThatThrownBy(() -> ImageFolder.at(flat).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no class folders");
        assertThatThrownBy(() -> ImageFolder.at(root.resolve("missing")).read()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("folder does not exist");
    }

    @Test
    void resultDoesNotDependOnThreadsAndSpilledPartsEqualTheInMemoryResult() throws IOException {
        for (int i = 0; i < 40; i++) {
            write(grey(3, 3, i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7, i + 8), "png",
                    root.resolve("data/c" + (i % 3) + "/im" + i + ".png"));
        }
        Path data = root.resolve("data");
        try (Dataset one = ImageFolder.at(data).threads(1).read();
             Dataset four = ImageFolder.at(data).threads(4).chunkRows(7).read();
             Dataset spilled = ImageFolder.at(data).threads(3).spillTo(root.resolve("spill")).partBytes(36 * 10).read()) {
            assertThat(four.chunkCount()).isEqualTo(6);
            assertThat(spilled.inMemory()).isFalse();
            assertThat(spilled.chunkCount()).isEqualTo(4);
            for (Dataset other : List.of(four, spilled)) {
                assertThat(strings(other, "path")).isEqualTo(strings(one, "path"));
                assertThat(strings(other, "label")).isEqualTo(strings(one, "label"));
                List<float[]> a = tensors(one, "image");
                List<float[]> b = tensors(other, "image");
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                }
            }
        }
        try (Stream<Path> s = Files.list(root.resolve("spill"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("images-00000.arrow",
                    "images-00001.arrow", "images-00002.arrow", "images-00003.arrow");
        }
    }
}
