package ai.bigdata.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.engine.Engine;
import com.sun.jna.Native;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The versions chosen in the pom where the encoder's libraries and DL4J disagree: JNA 5 (DL4J's oshi-core
 * was built on 4.3.0) and gson 2.13 (deeplearning4j-nn asks for 2.8.0) serve both sides in one JVM.
 */
class EncoderDependenciesTest {
    @Test
    void nd4jAndItsSystemInformationRunBesideTheEncoder() {
        assertThat(Native.VERSION).startsWith("5.17");
        assertThat(new com.google.gson.Gson().toJson(List.of(1, 2))).isEqualTo("[1,2]");
        // ND4J's system information goes through oshi-core on JNA
        assertThat(new oshi.SystemInfo().getHardware().getMemory().getTotal()).isPositive();
        Engine.start(); // core's engine set-up, then ND4J
        try (SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2(EncoderSettings.defaults().withThreads(1))) {
            float[] v = encoder.embed("hello world");
            assertThat(Nd4j.createFromArray(v).norm2Number().doubleValue()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }
}
