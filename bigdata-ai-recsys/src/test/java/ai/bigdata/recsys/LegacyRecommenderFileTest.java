package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of the former own format (version 1), written by commit 418a285 (see the fixtures' README), still load with
 * the scores of the same models fitted again, keep refusing damage, and are saved again as bundles.
 */
class LegacyRecommenderFileTest {
    @TempDir
    Path dir;

    static void copyFixture(String name, Path to) throws IOException {
        try (InputStream in = LegacyRecommenderFileTest.class.getResourceAsStream("v1/" + name)) {
            Files.copy(in, to);
        }
    }

    private Path fixture(String name) throws IOException {
        Path f = dir.resolve(name);
        copyFixture(name, f);
        return f;
    }

    @Test
    void versionOneFilesLoadWithTheScoresOfTheSameModelsAndSaveAgainAsBundles() throws Exception {
        List<Recommender> refit = List.of(PopularityRecommender.fit(Fixtures.train()),
                ExplicitAls.builder().rank(3).iterations(3).fit(Fixtures.train()),
                ItemKnn.builder().neighbours(2).fit(RecommenderTest.twoGroups()));
        List<String> names = List.of("popularity.v1", "explicit-als.v1", "item-knn.v1");
        for (int k = 0; k < names.size(); k++) {
            Recommender m = refit.get(k);
            Recommender old = RecommenderFiles.load(fixture(names.get(k)));
            Path again = dir.resolve(names.get(k) + ".recsys");
            old.save(again);
            assertThat(Files.readAllBytes(again)).startsWith('P', 'K');
            for (Recommender back : List.of(old, RecommenderFiles.load(again))) {
                assertThat(back.getClass()).isEqualTo(m.getClass());
                assertThat(back.name()).isEqualTo(m.name());
                assertThat(back.catalogue()).containsExactly(m.catalogue());
                for (long u = 0; u <= 12; u++) {
                    for (long item : m.catalogue()) {
                        assertThat(back.score(u, item, UnknownPolicy.FALLBACK)).as(names.get(k) + " " + u + " " + item)
                                .isEqualTo(m.score(u, item, UnknownPolicy.FALLBACK));
                    }
                }
            }
        }
    }

    @Test
    void everyCutAndEveryAlteredByteOfAVersionOneFileIsRefused() throws Exception {
        byte[] full = Files.readAllBytes(fixture("explicit-als.v1"));
        Path bad = dir.resolve("bad.v1");
        for (int len = 0; len < full.length; len++) {
            Files.write(bad, Arrays.copyOf(full, len));
            assertThatThrownBy(() -> RecommenderFiles.load(bad)).as("cut at %d", len).isInstanceOf(RecommenderFileException.class)
                    .hasMessageStartingWith(bad + ": ");
        }
        for (int pos = 0; pos < full.length; pos++) {
            byte[] b = full.clone();
            b[pos] ^= 0x5A;
            Files.write(bad, b);
            assertThatThrownBy(() -> RecommenderFiles.load(bad)).as("byte %d", pos).isInstanceOf(RecommenderFileException.class)
                    .hasMessageStartingWith(bad + ": ");
        }
        Files.write(bad, Arrays.copyOf(full, full.length + 1));
        assertThatThrownBy(() -> RecommenderFiles.load(bad)).hasMessageContaining("wrong length");
        byte[] v2 = full.clone();
        ByteBuffer.wrap(v2).putInt(8, 2);
        Files.write(bad, v2);
        assertThatThrownBy(() -> RecommenderFiles.load(bad)).isInstanceOf(RecommenderFileException.class)
                .hasMessageContaining("format version 2 of the old recommender file format is not supported");
        Files.write(bad, Arrays.copyOf(full, 12));
        assertThatThrownBy(() -> RecommenderFiles.load(bad)).hasMessageContaining("truncated: 12 bytes");
    }

    @Test
    void aResealedVersionOneFileWithInconsistentContentIsStillRefused() throws Exception {
        Path f = fixture("popularity.v1");
        byte[] b = Files.readAllBytes(f);
        // header 20 bytes; payload: kind "popularity" (2 + 10), user ids (4 + 3 * 8), item ids (4 + 4 * 8),
        // row starts (4 + 4 * 4), then the item indices (4 + 7 * 4): user 1's sorted items [0, 1] start at 20 + 100
        ByteBuffer buf = ByteBuffer.wrap(b);
        assertThat(buf.getInt(120)).isZero();
        assertThat(buf.getInt(124)).isEqualTo(1);
        buf.putInt(120, 1).putInt(124, 0);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(b, b.length - 32));
        System.arraycopy(digest, 0, b, b.length - 32, 32);
        Files.write(f, b);
        assertThatThrownBy(() -> RecommenderFiles.load(f)).isInstanceOf(RecommenderFileException.class)
                .hasMessageContaining("out of order");
    }
}
