package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.serve.BundleException;
import ai.bigdata.core.serve.ModelBundle;
import ai.bigdata.core.serve.Predictor;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on recommender bundles: cuts at every length, a flip of every byte, bytes added, files that are
 * no bundle, and bundles of the other kind both ways (a model bundle loaded as a recommender, a recommender loaded
 * as a model bundle). Every one is a typed error naming the file; none loads.
 */
@ExtendWith(ArrowLeakCheck.class)
class RecommenderBundleFaultTest {
    @TempDir
    Path dir;

    private Path saved(Recommender m, String name) {
        Path f = dir.resolve(name);
        m.save(f);
        return f;
    }

    @Test
    void everyCutIsATypedErrorNamingTheFile() throws Exception {
        // cuts to 1..3 bytes leave less than a zip entry's signature: no zip at all
        for (Path f : new Path[] {saved(PopularityRecommender.fit(Fixtures.train()), "pop.recsys"),
            saved(ExplicitAls.builder().rank(2).iterations(1).fit(Fixtures.train()), "als.recsys")}) {
            byte[] full = Files.readAllBytes(f);
            Path cut = dir.resolve("cut.recsys");
            for (int len = 0; len < full.length; len++) {
                Files.write(cut, Arrays.copyOf(full, len));
                assertThatThrownBy(() -> RecommenderFiles.load(cut)).as("%s cut to %d of %d", f, len, full.length)
                        .isInstanceOf(RecommenderFileException.class).hasMessageStartingWith(cut + ": ")
                        .hasMessageContaining(len == 0 ? "the file is empty" : len < 4 ? "it is not a zip file" : "truncated");
            }
        }
    }

    @Test
    void cutsOfALargerModelAreTypedErrorsToo() throws Exception {
        Path f = saved(TwoTowerTest.small().epochs(2).fit(RecommenderTest.twoGroups()), "tt.recsys");
        byte[] full = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.recsys");
        for (int len = 4; len < full.length; len += 13) {
            Files.write(cut, Arrays.copyOf(full, len));
            assertThatThrownBy(() -> RecommenderFiles.load(cut)).as("cut to %d of %d", len, full.length)
                    .isInstanceOf(RecommenderFileException.class).hasMessageStartingWith(cut + ": truncated");
        }
    }

    @Test
    void everyFlippedByteAndEveryAddedByteIsReportedAsAltered() throws Exception {
        Path f = saved(PopularityRecommender.fit(Fixtures.train()), "pop.recsys");
        byte[] full = Files.readAllBytes(f);
        Path bad = dir.resolve("bad.recsys");
        for (int pos = 0; pos < full.length; pos++) {
            byte[] b = full.clone();
            b[pos] ^= (byte) (1 << (pos % 8));
            Files.write(bad, b);
            assertThatThrownBy(() -> RecommenderFiles.load(bad)).as("byte %d of %d flipped", pos, full.length)
                    .isInstanceOf(RecommenderFileException.class).hasMessageStartingWith(bad + ": altered");
        }
        Files.write(bad, Arrays.copyOf(full, full.length + 1));
        assertThatThrownBy(() -> RecommenderFiles.load(bad)).isInstanceOf(RecommenderFileException.class)
                .hasMessageStartingWith(bad + ": altered: 1 bytes follow its seal");
    }

    @Test
    void aModelBundleLoadedAsARecommenderIsATypedErrorNamingTheFile() throws Exception {
        // a model bundle written before bundles recorded their kind, and the same model saved by this library
        Path legacy = dir.resolve("mlp.bundle");
        try (InputStream in = ModelBundle.class.getResourceAsStream("/ai/bigdata/core/serve/legacy/mlp.bundle")) {
            Files.copy(in, legacy);
        }
        ModelBundle model = ModelBundle.load(legacy);
        Path current = dir.resolve("mlp-now.bundle");
        ModelBundle.of(model.transform(), model.model(), model.inputSchema()).save(current);
        assertThat(ModelBundle.load(current).manifest()).containsEntry("bundle", "model");
        for (Path f : new Path[] {legacy, current}) {
            assertThatThrownBy(() -> RecommenderFiles.load(f)).isInstanceOf(RecommenderFileException.class)
                    .hasMessage(f + ": not a recommender bundle: it is a model bundle")
                    .hasCauseInstanceOf(BundleException.class);
            assertThatThrownBy(() -> RecommenderService.load(f)).isInstanceOf(RecommenderFileException.class)
                    .hasMessage(f + ": not a recommender bundle: it is a model bundle");
        }
    }

    @Test
    void aRecommenderLoadedAsAModelBundleIsATypedErrorNamingTheFile() throws Exception {
        Path f = saved(PopularityRecommender.fit(Fixtures.train()), "pop.recsys");
        assertThatThrownBy(() -> ModelBundle.load(f)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + f + ": not a model bundle: it is a recommender bundle");
        assertThatThrownBy(() -> Predictor.load(f)).isInstanceOf(BundleException.class)
                .hasMessage("model bundle " + f + ": not a model bundle: it is a recommender bundle");
        Path old = dir.resolve("popularity.v1");
        LegacyRecommenderFileTest.copyFixture("popularity.v1", old);
        assertThatThrownBy(() -> ModelBundle.load(old)).isInstanceOf(BundleException.class)
                .hasMessageStartingWith("model bundle " + old + ": not a model bundle: it is not a zip file");
    }

    @Test
    void filesThatAreNoRecommenderSaySo() throws Exception {
        Path text = dir.resolve("ratings.csv");
        Files.writeString(text, "userId,movieId,rating,timestamp\n1,2,3,4\n");
        assertThatThrownBy(() -> RecommenderFiles.load(text)).isInstanceOf(RecommenderFileException.class)
                .hasMessageStartingWith(text + ": not a recommender bundle: it is not a zip file");
        Path empty = dir.resolve("empty.recsys");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> RecommenderFiles.load(empty)).isInstanceOf(RecommenderFileException.class)
                .hasMessage(empty + ": not a recommender bundle: the file is empty");
        Path gone = dir.resolve("gone.recsys");
        assertThatThrownBy(() -> RecommenderFiles.load(gone)).isInstanceOf(RecommenderFileException.class)
                .hasMessage(gone + ": no such file");
    }
}
