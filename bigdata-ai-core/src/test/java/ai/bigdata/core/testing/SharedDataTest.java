package ai.bigdata.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
    private static final String MISSING = "no-such-data-set/none.csv";

    @AfterEach
    void clearSwitch() {
        System.clearProperty(SharedData.REQUIRE_PROPERTY);
    }

    @Test
    void smallDataSetsAreBundledWithTheTests() throws Exception {
        Path olive = SharedData.file("tabular/olive.csv");
        assertThat(olive.toString()).contains("test-classes");
        assertThat(Files.readAllLines(olive)).hasSize(573);      // header + 572 oils
        assertThat(Files.size(SharedData.file("tabular/gapminder.csv"))).isEqualTo(782_328L);
        assertThat(Files.size(SharedData.file("tabular/reported_heights.csv"))).isEqualTo(38_549L);
    }

    @Test
    void aMissingDataSetSkipsTheTestAndNamesIt() {
        if (System.getenv(SharedData.REQUIRE_ENV) != null && SharedData.required()) {
            assertThatThrownBy(() -> SharedData.file(MISSING)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + MISSING + "'");
            return;
        }
        assertThatThrownBy(() -> SharedData.file(MISSING)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("data set no-such-data-set ('" + MISSING + "') not found")
                .hasMessageContaining("BIGDATA_AI_DATA");
    }

    @Test
    void theSwitchTurnsTheSkipIntoAFailure() {
        System.setProperty(SharedData.REQUIRE_PROPERTY, "true");
        assertThatThrownBy(() -> SharedData.file(MISSING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data set no-such-data-set ('" + MISSING + "') not found")
                .hasMessageContaining(SharedData.REQUIRE_ENV);
    }

    @Test
    void theSkipNamesTheDataSet() {
        assertThat(SharedData.name("movielens-small/ratings.csv")).isEqualTo("MovieLens latest-small");
        assertThat(SharedData.name("fashion-mnist")).isEqualTo("Fashion-MNIST");
    }

    @Test
    void theUserCacheFolderIsSearchedLast() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "bigdata-ai", "data");
        assertThat(SharedData.folders()).last().isEqualTo(cache);
    }
}
