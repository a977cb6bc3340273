package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.internal.ZipParts;
import ai.bigdata.core.prep.Unknown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container on its own: round trip, kinds, formats, reserved names, missing parts and fields, damage. */
class BundleArchiveTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> parts() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("a.bin", new byte[] {1, 2, 3});
        parts.put("b.txt", "hello".getBytes(StandardCharsets.UTF_8));
        return parts;
    }

    private Path written(String name) {
        Path f = dir.resolve(name);
        BundleArchive.write(f, "thing", 2, Map.of("size", 7, "label", "x"), parts());
        return f;
    }

    @Test
    void roundTripsKindFormatFieldsAndParts() {
        Path f = dir.resolve("sub/t.bundle");
        Map<String, Object> written = BundleArchive.write(f, "thing", 2, Map.of("size", 7), parts());
        BundleArchive.Contents c = BundleArchive.read(f, "thing", 2, List.of("a.bin"));
        assertThat(c.file()).isEqualTo(f);
        assertThat(c.kind()).isEqualTo("thing");
        assertThat(c.format()).isEqualTo(2);
        assertThat(c.manifest()).isEqualTo(written).containsEntry("bundle", "thing").containsEntry("library", LibraryVersion.VERSION)
                .containsKeys("created", "checksums");
        assertThat(c.field("size", Number.class).intValue()).isEqualTo(7);
        assertThat(c.parts().keySet()).containsExactly("a.bin", "b.txt");
        assertThat(c.part("a.bin")).containsExactly(1, 2, 3);
        assertThat(c.part("b.txt")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve("sub").toFile().list()).containsExactly("t.bundle");
    }

    @Test
    void aBundleOfAnotherKindANewerFormatOrLackingAPartIsRefused() {
        Path f = written("t.bundle");
        assertThatThrownBy(() -> BundleArchive.read(f, "recommender", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("recommender bundle " + f + ": not a recommender bundle: it is a thing bundle");
        assertThatThrownBy(() -> ModelBundle.load(f)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + f + ": not a model bundle: it is a thing bundle");
        assertThatThrownBy(() -> BundleArchive.read(f, "thing", 1, List.of())).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("thing bundle " + f + ": format 2 is newer than this library's 1");
        assertThatThrownBy(() -> BundleArchive.read(f, "thing", 2, List.of("c.bin"))).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + f + ": not a thing bundle: it lacks the part 'c.bin'; parts found: "
                        + "[a.bin, b.txt]");
        BundleArchive.Contents c = BundleArchive.read(f, "thing", 2, List.of());
        assertThatThrownBy(() -> c.part("c.bin")).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + f + ": it lacks the part 'c.bin'; parts found: [a.bin, b.txt]");
        assertThatThrownBy(() -> c.field("label", Number.class)).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + f + ": the manifest field 'label' is a string (x) where a number is expected");
        assertThatThrownBy(() -> c.field("rows", Number.class)).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + f + ": the manifest lacks the field 'rows'");
        BundleException e = org.junit.jupiter.api.Assertions.assertThrows(BundleException.class, () -> c.field("rows", Number.class));
        assertThat(e.file()).isEqualTo(f);
        assertThat(e.reason()).isEqualTo("the manifest lacks the field 'rows'");
    }

    @Test
    void aModelBundleIsOfTheModelKindWithOrWithoutTheKindField() throws Exception {
        Path model = ServeFixtures.tabularBundle(dir, Unknown.ERROR, 1).file();
        assertThat(BundleArchive.read(model, BundleArchive.MODEL_KIND, ModelBundle.FORMAT, List.of()).kind()).isEqualTo("model");
        assertThatThrownBy(() -> BundleArchive.read(model, "thing", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + model + ": not a thing bundle: it is a model bundle");
        Path old = dir.resolve("no-kind.bundle");
        SealedZip.write(old, ModelBundleFaultTest.rewriteManifest(model, m -> m.remove("bundle")));
        assertThat(ModelBundle.load(old).manifest()).doesNotContainKey("bundle");
        assertThatThrownBy(() -> BundleArchive.read(old, "thing", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + old + ": not a thing bundle: it is a model bundle");
    }

    @Test
    void theFormatIsCheckedBeforeThePartsAndMustBeAPositiveWholeNumber() throws Exception {
        Path f = written("t.bundle");
        // a newer format may name its parts otherwise: the answer is to upgrade, not "it lacks the part"
        assertThatThrownBy(() -> BundleArchive.read(f, "thing", 1, List.of("c.bin"))).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("thing bundle " + f + ": format 2 is newer than this library's 1");
        for (Object bad : List.of(0, -3, 1.5)) {
            Path g = dir.resolve("format" + bad + ".bundle");
            SealedZip.write(g, ModelBundleFaultTest.rewriteManifest(f, m -> m.put("format", bad)));
            assertThatThrownBy(() -> BundleArchive.read(g, "thing", 2, List.of())).as("format %s", bad).isInstanceOf(BundleException.class)
                    .hasMessage("thing bundle " + g + ": altered: its manifest gives the format " + bad + ", which no bundle has");
        }
    }

    @Test
    void partsAndChecksumsMustAgreeAndOnlyModelBundlesOfFormatOneGoUnsealed() throws Exception {
        Path f = written("t.bundle");
        Path listed = dir.resolve("listed.bundle");
        Map<String, byte[]> lacking = new LinkedHashMap<>(ZipParts.read(f));
        lacking.remove("b.txt");
        SealedZip.write(listed, lacking);
        assertThatThrownBy(() -> BundleArchive.read(listed, "thing", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + listed + ": altered: the manifest lists the part 'b.txt', which the file lacks");
        Path extra = dir.resolve("extra.bundle");
        Map<String, byte[]> more = new LinkedHashMap<>(ZipParts.read(f));
        more.put("c.bin", new byte[1]);
        SealedZip.write(extra, more);
        assertThatThrownBy(() -> BundleArchive.read(extra, "thing", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + extra + ": the manifest lacks the field 'checksums.c.bin'");
        Path unsealed = dir.resolve("unsealed.bundle");
        ZipParts.write(unsealed, ModelBundleFaultTest.rewriteManifest(f, m -> m.put("format", 1)));
        assertThatThrownBy(() -> BundleArchive.read(unsealed, "thing", 2, List.of())).isInstanceOf(BundleException.class)
                .hasMessage("thing bundle " + unsealed + ": altered: bundles of format 1 end with a SHA-256 seal of the whole file"
                        + " and this one has none");
    }

    @Test
    void everyCutAndEveryFlippedByteIsATypedErrorNamingTheFile() throws Exception {
        Path f = written("t.bundle");
        byte[] good = Files.readAllBytes(f);
        Path bad = dir.resolve("bad.bundle");
        for (int length = 0; length < good.length; length++) {
            Files.write(bad, Arrays.copyOf(good, length));
            int n = length;
            assertThatThrownBy(() -> BundleArchive.read(bad, "thing", 2, List.of())).as("cut to %d", n)
                    .isInstanceOf(BundleException.class).hasMessageStartingWith("thing bundle " + bad + ": ");
        }
        for (int pos = 0; pos < good.length; pos++) {
            byte[] b = good.clone();
            b[pos] ^= (byte) (1 << (pos % 8));
            Files.write(bad, b);
            int p = pos;
            assertThatThrownBy(() -> BundleArchive.read(bad, "thing", 2, List.of())).as("byte %d flipped", p)
                    .isInstanceOf(BundleException.class).hasMessageStartingWith("thing bundle " + bad + ": altered");
        }
    }

    @Test
    void reservedNamesAndABlankKindAreRefusedWhenWriting() {
        Path f = dir.resolve("r.bundle");
        assertThatThrownBy(() -> BundleArchive.write(f, "thing", 1, Map.of("format", 3), parts()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'format'");
        assertThatThrownBy(() -> BundleArchive.write(f, "thing", 1, Map.of(), Map.of("manifest.json", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manifest.json");
        assertThatThrownBy(() -> BundleArchive.write(f, " ", 1, Map.of(), parts())).isInstanceOf(IllegalArgumentException.class);
        assertThat(f).doesNotExist();
    }
}
