package ai.bigdata.core.eval;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Streams a per-element classifier over a dataset: each batch's outputs ({@code [rows, classes,
 * ...maskShape]}) and one-hot mask labels are reduced to class ids per element with ND4J, then counted
 * into a {@link SegmentationTally}. Nothing is kept per row.
 */
final class SegmentationEvaluation {
    private SegmentationEvaluation() {
    }

    static SegmentationReport run(Model model, Dataset data, Column label, int batchSize) {
        ModelSignature sig = model.signature();
        if (!label.isMask() || !label.categories().equals(sig.classNames())
                || label.width() * sig.classNames().size() != sig.outputWidth()) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label + " with classes "
                    + label.categories() + " but the model segments into " + sig.classNames() + " with output shape "
                    + Arrays.toString(sig.outputShape()));
        }
        int classes = sig.classNames().size();
        long cells = label.width();
        SegmentationTally tally = new SegmentationTally(sig.classNames());
        try (BatchIterator it = data.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label())
                .batchSize(batchSize).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                long n = b.size();
                INDArray out = model.output(b.features());
                if (out.length() != n * classes * cells) {
                    throw new IllegalStateException("the model gave outputs of shape " + Arrays.toString(out.shape()) + " for "
                            + n + " rows; its signature promises " + Arrays.toString(sig.outputShape()) + " per row");
                }
                INDArray p = out.reshape('c', n, classes, cells);
                INDArray truth = b.labels().reshape('c', n, classes, cells);
                int[] predicted = Nd4j.argMax(p, 1).reshape(-1).toIntVector();
                int[] trueIds = Nd4j.argMax(truth, 1).reshape(-1).toIntVector();
                for (int i = 0; i < predicted.length; i++) {
                    tally.add(trueIds[i], predicted[i]);
                }
                INDArray pTrue = p.mul(truth).sum(1);
                double loss = -Transforms.log(Transforms.max(pTrue, 1e-15), false).sumNumber().doubleValue();
                tally.addLoss(loss, n);
            }
        }
        return new SegmentationReport(tally);
    }
}
