package ai.bigdata.benchmarks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class DemoTest {
    @Test
    void theReadmeDemoRunsOnTheEmbeddedSampleAndLearns() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double accuracy = Demo.run(null, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("== 1. Read", "== 2. Clean", "== 3. Summarise", "== 4. Split", "== 5. Prepare", "== 6. Train", "== 7. Evaluate", "== 8. Save the bundle", "predicted");
        assertThat(out).contains("Split[train=1400, validation=300, test=300]");
        // ten classes: chance is 0.1
        assertThat(accuracy).isGreaterThan(0.6);
    }
}
