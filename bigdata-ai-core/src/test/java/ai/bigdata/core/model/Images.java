package ai.bigdata.core.model;

import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The first images of a Fashion-MNIST slice as one batch {@code [n, 1, 28, 28]}, for tests. */
final class Images {
    private Images() {
    }

    static INDArray batch(Dataset data, int n) {
        try (BatchIterator it = data.batches().features("image").batchSize(n).build()) {
            return it.next().features().dup().reshape(n, 1, 28, 28);
        }
    }
}
