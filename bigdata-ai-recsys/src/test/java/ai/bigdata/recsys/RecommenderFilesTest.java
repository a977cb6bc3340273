package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.serve.BundleArchive;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of recommender round-trips through its core bundle; parts that disagree with the manifest are refused. */
class RecommenderFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyKindRoundTripsWithIdenticalScores() {
        List<Recommender> models = Fixtures.everyKind();
        assertThat(models).hasSize(8);
        for (Recommender m : models) {
            Path f = dir.resolve(m.getClass().getSimpleName() + ".recsys");
            m.save(f);
            Recommender back = RecommenderFiles.load(f);
            assertThat(back.getClass()).isEqualTo(m.getClass());
            assertThat(back.name()).isEqualTo(m.name());
            assertThat(back.catalogue()).containsExactly(m.catalogue());
            for (long u = 0; u <= 41; u++) {
                for (long item : m.catalogue()) {
                    assertThat(back.score(u, item, UnknownPolicy.FALLBACK)).as(m.name() + " " + u + " " + item)
                            .isEqualTo(m.score(u, item, UnknownPolicy.FALLBACK));
                }
                assertThat(back.topK(u, 5, UnknownPolicy.FALLBACK)).isEqualTo(m.topK(u, 5, UnknownPolicy.FALLBACK));
            }
            for (long item : m.catalogue()) {
                assertThat(back.similarItems(item, 3)).isEqualTo(m.similarItems(item, 3));
            }
        }
    }

    @Test
    void theManifestRecordsKindVersionAndIdMapSizes() {
        Path f = dir.resolve("als.recsys");
        ExplicitAls m = ExplicitAls.builder().rank(3).iterations(3).fit(Fixtures.train());
        m.save(f);
        BundleArchive.Contents c = BundleArchive.read(f, RecommenderFiles.KIND, RecommenderFiles.FORMAT, List.of());
        assertThat(c.kind()).isEqualTo("recommender");
        assertThat(c.format()).isEqualTo(2);
        assertThat(c.manifest()).containsEntry("recommender", "als-explicit").containsEntry("name", m.name())
                .containsEntry("users", 3).containsEntry("items", 4).containsEntry("interactions", 7).containsKeys("library", "created");
        assertThat(c.parts().keySet()).containsExactly("index.bin", "state.bin");
    }

    @Test
    void partsThatDisagreeWithTheirManifestAreRefusedEvenWhenSealed() {
        Path f = dir.resolve("pop.recsys");
        PopularityRecommender.fit(Fixtures.train()).save(f);
        Path e = dir.resolve("edited.recsys");
        expect(BundleEdits.fields(f, e, m -> m.put("users", 4)), "the manifest says 4 users, 4 items and 7 interactions but the"
                + " training index holds 3, 4 and 7");
        expect(BundleEdits.fields(f, e, m -> m.put("recommender", "bpr")), "inconsistent payload in the part 'state.bin'");
        expect(BundleEdits.fields(f, e, m -> m.put("recommender", "svd")), "inconsistent payload in the part 'state.bin': unknown"
                + " model kind 'svd'");
        expect(BundleEdits.fields(f, e, m -> m.put("name", "als")), "the manifest names the model 'als' but its state is of");
        expect(BundleEdits.fields(f, e, m -> m.remove("items")), "the manifest lacks the field 'items'");
        expect(BundleEdits.fields(f, e, m -> m.put("recommender", 3)), "the manifest field 'recommender' is a number (3) where a"
                + " string is expected");
        // the index part: user ids (4 + 3 * 8), item ids (4 + 4 * 8), row starts (4 + 4 * 4), then the item indices
        // (4 + 7 * 4): user 1's sorted items [0, 1] start at 88
        expect(BundleEdits.part(f, e, "index.bin", b -> {
            ByteBuffer buf = ByteBuffer.wrap(b);
            assertThat(buf.getInt(88)).isZero();
            assertThat(buf.getInt(92)).isEqualTo(1);
            buf.putInt(88, 1).putInt(92, 0);
            return b;
        }), "out of order");
        expect(BundleEdits.part(f, e, "state.bin", b -> java.util.Arrays.copyOf(b, b.length + 3)), "3 unexpected bytes at the end of"
                + " the part 'state.bin'");
        expect(BundleEdits.part(f, e, "index.bin", b -> java.util.Arrays.copyOf(b, b.length - 1)), "inconsistent payload in the part"
                + " 'index.bin'");
        expect(BundleEdits.rewrite(f, e, 3, m -> { }, null, null), "format 3 is newer than this library's 2");
    }

    private static void expect(Path file, String message) {
        assertThatThrownBy(() -> RecommenderFiles.load(file)).isInstanceOf(RecommenderFileException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message);
    }

    @Test
    void savingSomethingElseOrWhereNoFileCanBeIsRefused() throws Exception {
        Recommender foreign = (Recommender) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Recommender.class}, (p, method, args) -> null);
        assertThatThrownBy(() -> RecommenderFiles.save(foreign, dir.resolve("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a bigdata-ai-recsys model");
        Path blocker = dir.resolve("file");
        java.nio.file.Files.writeString(blocker, "x");
        assertThatThrownBy(() -> PopularityRecommender.fit(Fixtures.train()).save(blocker.resolve("m.recsys")))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining(blocker.toString());
        assertThat(dir.toFile().list()).containsExactly("file");
    }
}
