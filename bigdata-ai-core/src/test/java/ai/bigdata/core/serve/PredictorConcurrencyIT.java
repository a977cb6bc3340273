package ai.bigdata.core.serve;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The full concurrency check of the serving issue: 8 threads x 10,000 predictions through one predictor. */
class PredictorConcurrencyIT {
    @Test
    void eightThreadsTimesTenThousandPredictionsEqualSingleThreaded() throws Exception {
        PredictorTest.dir = Files.createTempDirectory("predictor-it");
        PredictorTest.trainAndSave();
        PredictorTest.assertConcurrentEqualsSingle(Predictor.load(PredictorTest.bundleFile), 8, 10_000);
    }
}
