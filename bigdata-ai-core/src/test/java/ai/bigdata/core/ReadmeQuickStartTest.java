package ai.bigdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.io.ReadResult;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's quick start as written, and checks that the README still shows exactly this code. */
@ExtendWith(ArrowLeakCheck.class)
class ReadmeQuickStartTest {
    @TempDir
    Path tmp;

    @Test
    void quickStartRunsAsWritten() throws IOException {
        Path csv = SharedData.file("tabular/olive.csv");
        Path arrowFile = tmp.resolve("olive.arrow");
        long batches = 0;
        // README-BEGIN
        try (ReadResult read = Dataset.readCsv(csv).label("area").onError(ErrorPolicy.SKIP).readWithReport();
             Dataset olive = read.dataset().drop("region")) {
            System.out.println(read.report());          // rows read = kept + rejected
            System.out.println(olive.summary());        // count, missing, mean, std, min, max, distinct
            olive.writeArrow(arrowFile);                // roles and categories travel with the file
            try (Split split = olive.split().train(0.7).validation(0.15).test(0.15)
                         .stratifyBy("area").seed(42).build();
                 BatchIterator it = split.train().batches().batchSize(32).shuffle(42).build()) {
                while (it.hasNext()) {
                    Batch b = it.next();                // features [32, 8], one-hot labels [32, 9]
                    batches++;
                }
            }
        }
        // README-END
        assertThat(batches).isEqualTo(13);
        try (Dataset back = Dataset.readArrow(arrowFile)) {
            assertThat(back.rowCount()).isEqualTo(572);
        }
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        Path self = Path.of("src/test/java/ai/bigdata/core/ReadmeQuickStartTest.java");
        List<String> lines = Files.readAllLines(self);
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.contains("// README-" + "END")) {
                break;
            }
            if (in) {
                block.add(l.length() >= 8 ? l.substring(8) : l.strip());
            }
            if (l.contains("// README-" + "BEGIN")) {
                in = true;
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(block).isNotEmpty();
        assertThat(readme).contains(String.join("\n", block));
    }
}
