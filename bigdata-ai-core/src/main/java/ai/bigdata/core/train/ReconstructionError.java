package ai.bigdata.core.train;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Mean squared reconstruction error of an autoencoder over a dataset (its validation loss). */
final class ReconstructionError {
    private ReconstructionError() {
    }

    static double mean(Network model, Dataset data) {
        double sum = 0;
        long values = 0;
        try (BatchIterator it = data.batches().features(model.signature().featureNames().toArray(String[]::new)).batchSize(1024)
                .build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                INDArray x = model.input(b.features());
                INDArray flat = x.reshape('c', x.size(0), -1);
                INDArray diff = model.output(x).reshape(flat.shape()).sub(flat);
                sum += diff.muli(diff).sumNumber().doubleValue();
                values += diff.length();
            }
        }
        return sum / Math.max(values, 1);
    }
}
