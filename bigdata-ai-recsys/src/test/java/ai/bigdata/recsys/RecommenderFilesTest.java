package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderFilesTest {
    @TempDir
    Path dir;

    private static List<Recommender> models() {
        Interactions groups = RecommenderTest.twoGroups();
        return List.of(PopularityRecommender.fit(Fixtures.train(), 4), ExplicitAls.builder().rank(3).iterations(3).fit(Fixtures.train()),
                ImplicitAls.builder().rank(4).iterations(3).positiveThreshold(1).fit(groups),
                Bpr.builder().rank(3).epochs(5).fit(groups), ItemKnn.builder().neighbours(2).fit(groups),
                TwoTowerTest.small().epochs(2).fit(groups));
    }

    @Test
    void everyModelRoundTripsExactly() {
        for (Recommender m : models()) {
            Path f = dir.resolve(m.getClass().getSimpleName() + ".bin");
            m.save(f);
            Recommender back = RecommenderFiles.load(f);
            assertThat(back.getClass()).isEqualTo(m.getClass());
            assertThat(back.name()).isEqualTo(m.name());
            assertThat(back.catalogue()).containsExactly(m.catalogue());
            long user = m.knowsUser(1) ? 1 : 7;
            assertThat(back.topK(user, 3)).isEqualTo(m.topK(user, 3));
            for (long item : m.catalogue()) {
                assertThat(back.score(user, item)).isEqualTo(m.score(user, item));
            }
        }
    }

    @Test
    void truncatedFilesAreRefusedAtEveryLength() throws IOException {
        Path f = dir.resolve("m.bin");
        ExplicitAls.builder().rank(2).iterations(1).fit(Fixtures.train()).save(f);
        byte[] full = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.bin");
        for (int len = 0; len < full.length; len++) {
            Files.write(cut, java.util.Arrays.copyOf(full, len));
            int n = len;
            assertThatThrownBy(() -> RecommenderFiles.load(cut)).as("cut at " + n).isInstanceOf(RecommenderFileException.class)
                    .hasMessageStartingWith(cut.toString());
        }
    }

    @Test
    void everyAlteredByteIsRefused() throws IOException {
        Path f = dir.resolve("m.bin");
        PopularityRecommender.fit(Fixtures.train()).save(f);
        byte[] full = Files.readAllBytes(f);
        Path bad = dir.resolve("bad.bin");
        for (int pos = 0; pos < full.length; pos++) {
            byte[] b = full.clone();
            b[pos] ^= 0x5A;
            Files.write(bad, b);
            int p = pos;
            assertThatThrownBy(() -> RecommenderFiles.load(bad)).as("byte " + p).isInstanceOf(RecommenderFileException.class);
        }
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
        Files.write(bad, longer);
        assertThatThrownBy(() -> RecommenderFiles.load(bad)).hasMessageContaining("wrong length");
    }

    @Test
    void aResealedFileWithInconsistentContentIsStillRefused() throws Exception {
        Path f = dir.resolve("m.bin");
        PopularityRecommender.fit(Fixtures.train()).save(f);
        byte[] b = Files.readAllBytes(f);
        // header 20 bytes; payload: kind "popularity" (2 + 10), user ids (4 + 3 * 8), item ids (4 + 4 * 8),
        // row starts (4 + 4 * 4), then the item indices (4 + 7 * 4): user 1's sorted items [0, 1] start at 20 + 100
        ByteBuffer buf = ByteBuffer.wrap(b);
        assertThat(buf.getInt(120)).isZero();
        assertThat(buf.getInt(124)).isEqualTo(1);
        buf.putInt(120, 1).putInt(124, 0);
        reseal(b);
        Files.write(f, b);
        assertThatThrownBy(() -> RecommenderFiles.load(f)).isInstanceOf(RecommenderFileException.class)
                .hasMessageContaining("out of order");
    }

    /** Writes a valid checksum over an altered file's bytes, so that only the payload checks can refuse it. */
    static void reseal(byte[] b) throws java.security.NoSuchAlgorithmException {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(b, b.length - 32));
        System.arraycopy(digest, 0, b, b.length - 32, 32);
    }

    @Test
    void otherFormatsAndVersionsAreNamed() throws IOException {
        Path f = dir.resolve("m.bin");
        PopularityRecommender.fit(Fixtures.train()).save(f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).putInt(8, 2);
        Files.write(f, b);
        assertThatThrownBy(() -> RecommenderFiles.load(f)).hasMessageContaining("format version 2 is not supported");
        Files.writeString(f, "userId,movieId,rating,timestamp\n1,2,3,4\n1,2,3,4\n1,2,3,4\n");
        assertThatThrownBy(() -> RecommenderFiles.load(f)).hasMessageContaining("bad magic bytes");
        Files.write(f, new byte[3]);
        assertThatThrownBy(() -> RecommenderFiles.load(f)).hasMessageContaining("truncated: 3 bytes");
    }
}
