package ai.bigdata.core.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.SealedZip;
import ai.bigdata.core.internal.ZipParts;
import ai.bigdata.core.prep.Unknown;
import ai.bigdata.core.testing.ArrowLeakCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on bundle files: systematic truncations and byte flips, damaged entry names,
 * manifests that lack fields, files that are no bundle, and bundles of format 1 (no seal). Every
 * damaged file either loads identically or is refused with a {@link BundleException} that says what
 * was found; none loads changed.
 */
@ExtendWith(ArrowLeakCheck.class)
class ModelBundleFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path file;
    static byte[] good;
    static List<Map<String, Object>> rows;
    static List<Prediction> expected;

    @BeforeAll
    static void save() throws Exception {
        file = ServeFixtures.tabularBundle(dir, Unknown.ERROR, 1).file();
        good = Files.readAllBytes(file);
        rows = ServeFixtures.tabularRows(40, 1);
        expected = Predictor.load(file).predictAll(rows);
    }

    @Test
    void everyCutOfTheLast300BytesIsReportedAsTruncated() throws Exception {
        Path cut = dir.resolve("cut.bundle");
        for (int length = good.length - 300; length < good.length; length++) {
            Files.write(cut, Arrays.copyOf(good, length));
            int n = length;
            assertThatThrownBy(() -> ModelBundle.load(cut)).as("cut to %d of %d bytes", n, good.length)
                    .isInstanceOf(BundleException.class).hasMessageStartingWith("model bundle " + cut + ": truncated");
        }
    }

    @Test
    void everyFlippedByteIsReportedAsAltered() throws Exception {
        Path flipped = dir.resolve("flipped.bundle");
        for (int pos : flipPositions(good.length)) {
            byte[] b = good.clone();
            b[pos] ^= (byte) (1 << (pos % 8));
            Files.write(flipped, b);
            assertThatThrownBy(() -> ModelBundle.load(flipped)).as("byte %d of %d flipped", pos, good.length)
                    .isInstanceOf(BundleException.class).hasMessageStartingWith("model bundle " + flipped + ": altered");
        }
    }

    /** Every position of the last 300 bytes and 200 seeded ones before them. */
    private static List<Integer> flipPositions(int size) {
        List<Integer> out = new ArrayList<>();
        for (int pos = size - 300; pos < size; pos++) {
            out.add(pos);
        }
        Random rnd = new Random(42);
        for (int i = 0; i < 200; i++) {
            out.add(rnd.nextInt(size - 300));
        }
        return out;
    }

    @Test
    void aFormatOneBundleStillLoadsAndEveryDamageToItIsFoundOrHarmless() throws Exception {
        Path legacy = dir.resolve("format1.bundle");
        ZipParts.write(legacy, rewriteManifest(m -> m.put("format", 1)));
        byte[] old = Files.readAllBytes(legacy);
        assertThat(Predictor.load(legacy).predictAll(rows)).isEqualTo(expected);

        Path damaged = dir.resolve("format1-damaged.bundle");
        for (int length = old.length - 300; length < old.length; length++) {
            Files.write(damaged, Arrays.copyOf(old, length));
            int n = length;
            assertThatThrownBy(() -> ModelBundle.load(damaged)).as("cut to %d of %d bytes", n, old.length)
                    .isInstanceOf(BundleException.class).hasMessageStartingWith("model bundle " + damaged + ": truncated");
        }
        Map<String, byte[]> parts = ZipParts.read(legacy);
        for (int pos : flipPositions(old.length)) {
            byte[] b = old.clone();
            b[pos] ^= (byte) (1 << (pos % 8));
            Files.write(damaged, b);
            SealedZip.Contents read;
            try {
                read = SealedZip.read(damaged);
            } catch (SealedZip.DamagedException e) {
                assertThatThrownBy(() -> ModelBundle.load(damaged)).as("byte %d flipped", pos).isInstanceOf(BundleException.class)
                        .hasMessageStartingWith("model bundle " + damaged + ": " + e.damage().name().toLowerCase(java.util.Locale.ROOT)
                                .replace("not_a_zip", "not a model bundle"));
                continue;
            }
            // a flip that reads changed a byte no reader uses (a time, a version, an attribute of a zip record):
            // the parts are exactly those written, which ModelBundle.load verifies and restores as always
            assertThat(read.sealed()).isFalse();
            assertThat(read.parts().keySet()).as("byte %d flipped", pos).isEqualTo(parts.keySet());
            for (String name : parts.keySet()) {
                assertThat(read.parts().get(name)).as("byte %d flipped, part %s", pos, name).isEqualTo(parts.get(name));
            }
        }
    }

    @Test
    void aDamagedEntryNameIsATypedErrorNamingTheFile() throws Exception {
        Path legacy = dir.resolve("bad-name.bundle");
        ZipParts.write(legacy, rewriteManifest(m -> m.put("format", 1)));
        byte[] b = Files.readAllBytes(legacy);
        b[30] = (byte) 0xC3; // the first byte of the first entry's name: a UTF-8 lead byte ...
        b[31] = (byte) 0x28; // ... followed by no continuation byte
        Files.write(legacy, b);
        assertThatThrownBy(() -> ZipParts.read(legacy)).isInstanceOf(ZipException.class)
                .hasMessageContaining(legacy.toString()).hasMessageContaining("a zip entry name is damaged");
        assertThatThrownBy(() -> ModelBundle.load(legacy)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("model bundle " + legacy + ": altered").hasMessageContaining("entry name is damaged");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManifestLackingOrMistypingAFieldIsRefusedNamingIt() throws Exception {
        check(m -> m.remove("format"), "the manifest lacks the field 'format'");
        check(m -> m.put("format", "one"), "the manifest field 'format' is a string (one) where a number is expected");
        check(m -> m.remove("checksums"), "the manifest lacks the field 'checksums'");
        check(m -> m.put("checksums", List.of()), "the manifest field 'checksums' is a list ([]) where an object is expected");
        check(m -> ((Map<String, Object>) m.get("checksums")).remove("model.zip"), "the manifest lacks the field 'checksums.model.zip'");
        check(m -> m.remove("signature"), "the manifest lacks the field 'signature'");
        check(m -> ((Map<String, Object>) m.get("signature")).remove("outputWidth"),
                "the manifest lacks the field 'signature.outputWidth'");
        check(m -> ((Map<String, Object>) m.get("signature")).put("task", "GUESSING"),
                "the manifest field 'signature.task' is 'GUESSING', not one of [CLASSIFICATION, REGRESSION, SEGMENTATION, DETECTION, RECONSTRUCTION]");
        check(m -> ((List<Map<String, Object>>) ((Map<String, Object>) m.get("signature")).get("features")).get(0).remove("shape"),
                "the manifest lacks the field 'signature.features[0].shape'");
        check(m -> m.remove("kind"), "the manifest lacks the field 'kind'");
        check(m -> m.put("family", 3), "the manifest field 'family' is a number (3) where a string is expected");
        check(m -> m.put("family", "samediff"), "cannot be restored: unknown network family 'samediff'; this library reads [graph,"
                + " int8, multilayer, seq2seq]");
        check(m -> m.put("kind", "perceiver"), "cannot be restored: unknown multilayer network kind 'perceiver'; known kinds are mlp,"
                + " logistic-regression, linear-regression, autoencoder, vae, lstm, transformer, wrapped, recipe, token-recipe");
        check(m -> m.remove("description"), "the manifest lacks the field 'description'");
        check(m -> m.remove("input"), "the manifest lacks the field 'input'");
        check(m -> ((List<Map<String, Object>>) m.get("input")).get(0).remove("type"), "the manifest lacks the field 'input[0].type'");
        check(m -> ((List<Map<String, Object>>) m.get("input")).get(4).put("categories", List.of(1, 2)),
                "the manifest field 'input[4].categories[0]' is a number (1) where a string is expected");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManifestWhoseFieldsMakeNoSenseTogetherIsRefusedAsInconsistent() throws Exception {
        Path edited = dir.resolve("inconsistent.bundle");
        SealedZip.write(edited, rewriteManifest(m -> {
            Map<String, Object> feature = ((List<Map<String, Object>>) ((Map<String, Object>) m.get("signature")).get("features")).get(0);
            feature.put("type", "TENSOR");
            feature.put("shape", List.of(-3));
        }));
        assertThatThrownBy(() -> ModelBundle.load(edited)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("model bundle " + edited + ": the manifest is inconsistent: ");
    }

    @SuppressWarnings("unchecked")
    private static void check(Consumer<Map<String, Object>> edit, String message) throws Exception {
        Path edited = dir.resolve("edited.bundle");
        SealedZip.write(edited, rewriteManifest(m -> edit.accept((Map<String, Object>) m)));
        assertThatThrownBy(() -> ModelBundle.load(edited)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + edited + ": " + message);
    }

    @Test
    void filesThatAreNoBundleSaySo() throws Exception {
        Path text = dir.resolve("text.bundle");
        Files.writeString(text, "id,x\n1,2\n");
        assertThatThrownBy(() -> ModelBundle.load(text)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("model bundle " + text + ": not a model bundle: it is not a zip file");
        Path empty = dir.resolve("empty.bundle");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ModelBundle.load(empty)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + empty + ": not a model bundle: the file is empty");
        Path other = dir.resolve("other.zip");
        SealedZip.write(other, Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ModelBundle.load(other)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("model bundle " + other + ": not a model bundle: it lacks the part 'manifest.json'");
    }

    @Test
    void aFormatTwoBundleWithoutItsSealIsRefused() throws Exception {
        Path unsealed = dir.resolve("unsealed.bundle");
        ZipParts.write(unsealed, ZipParts.read(file));
        assertThatThrownBy(() -> ModelBundle.load(unsealed)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + unsealed + ": altered: bundles of format 2 end with a SHA-256 seal of the whole"
                        + " file and this one has none");
    }

    /** The bundle's parts with the manifest edited and its checksum part recomputed. */
    private static Map<String, byte[]> rewriteManifest(Consumer<Map<String, Object>> edit) throws Exception {
        return rewriteManifest(file, edit);
    }

    /** The parts of the bundle {@code bundle} with the manifest edited and its checksum part recomputed. */
    @SuppressWarnings("unchecked")
    static Map<String, byte[]> rewriteManifest(Path bundle, Consumer<Map<String, Object>> edit) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>(ZipParts.read(bundle));
        Map<String, Object> manifest = JSON.readValue(parts.get("manifest.json"), Map.class);
        edit.accept(manifest);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        parts.put("manifest.json", bytes);
        parts.put("manifest.sha256", ModelBundle.sha256(bytes).getBytes(StandardCharsets.US_ASCII));
        return parts;
    }
}
