package ai.bigdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.io.ReadResult;
import ai.bigdata.core.prep.Assemble;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformJson;
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
    void preprocessingExampleRunsAsWritten() {
        Path csv = SharedData.file("tabular/gapminder.csv");
        Schema schema;
        String json;
        // README-PREP-BEGIN
        try (Dataset gapminder = Dataset.readCsv(csv).label("continent").read();
             Dataset data = gapminder.drop("country", "region");
             Split split = data.split().train(0.8).test(0.2).stratifyBy("continent").seed(42).build()) {
            Transform prep = Pipeline.of(Impute.median().withIndicators(), Scale.standard(), Assemble.into("features"))
                    .fit(split.train());                 // statistics from the training part only
            json = TransformJson.write(prep);             // TransformJson.read(json) gives it back
            try (Dataset test = prep.apply(split.test())) {
                schema = test.schema();                 // [continent:categorical(label), features:tensor[12]]
            }
        }
        // README-PREP-END
        assertThat(schema.names()).containsExactly("continent", "features");
        assertThat(schema.column("features").width()).isEqualTo(12);
        assertThat(TransformJson.write(TransformJson.read(json))).isEqualTo(json);
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        Path self = Path.of("src/test/java/ai/bigdata/core/ReadmeQuickStartTest.java");
        List<String> lines = Files.readAllLines(self);
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String marker : List.of("README", "README-PREP")) {
            List<String> block = new ArrayList<>();
            boolean in = false;
            for (String l : lines) {
                if (l.contains("// " + marker + "-" + "END")) {
                    break;
                }
                if (in) {
                    block.add(l.length() >= 8 ? l.substring(8) : l.strip());
                }
                if (l.contains("// " + marker + "-" + "BEGIN")) {
                    in = true;
                }
            }
            assertThat(block).as(marker).isNotEmpty();
            assertThat(readme).as(marker).contains(String.join("\n", block));
        }
    }
}
