package ai.bigdata.core.train;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.model.ModelSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Spots features far outside the range a network trains well on: the largest |value| of each feature
 * column in the first batches of a run, against {@link #LIMIT}. A network fed values of 1e30 computes
 * and trains without error, but its loss stays flat; the trainer turns each finding into a warning.
 */
final class FeatureScaleCheck {
    /** The largest |feature| that does not draw a warning. */
    static final double LIMIT = 1e6;
    /** How many batches at the start of a run are looked at. */
    static final long FIRST_BATCHES = 8;

    private final List<Column> columns;
    private final int width;

    FeatureScaleCheck(ModelSignature signature) {
        this.columns = signature.features();
        this.width = signature.featureWidth();
    }

    /** Whether batch {@code runBatch} (0-based, counted over the whole run) is one of those looked at. */
    boolean looksAt(long runBatch) {
        return runBatch < FIRST_BATCHES;
    }

    /**
     * The warnings about a batch of features shaped {@code [rows, ...]}: one per feature column whose
     * largest |value| exceeds {@link #LIMIT} and that {@code earlier} warnings do not name already.
     */
    List<String> check(INDArray features, int epoch, long batchInEpoch, List<String> earlier) {
        INDArray flat = features.reshape('c', features.size(0), -1);
        float[] max = Transforms.abs(flat, true).max(0).toFloatVector();
        List<String> found = new ArrayList<>();
        if (max.length != width) {
            double worst = 0;
            for (float m : max) {
                worst = Math.max(worst, m);
            }
            add(found, earlier, "the features", worst, epoch, batchInEpoch);
            return found;
        }
        int k = 0;
        for (Column c : columns) {
            double worst = 0;
            for (int j = 0; j < c.width(); j++, k++) {
                worst = Math.max(worst, max[k]);
            }
            add(found, earlier, "feature '" + c.name() + "'", worst, epoch, batchInEpoch);
        }
        return found;
    }

    private static void add(List<String> found, List<String> earlier, String what, double worst, int epoch, long batchInEpoch) {
        if (!(worst > LIMIT)) {
            return;
        }
        String prefix = what + " is badly scaled:";
        if (earlier.stream().anyMatch(w -> w.startsWith(prefix))) {
            return;
        }
        found.add(String.format(Locale.ROOT, "%s its values reach %.3g in epoch %d, batch %d (beyond %.0e); a network trains"
                + " poorly on values this large (the loss may stay flat): scale the features first, for example with"
                + " Scale.standard() or Scale.robust()", prefix, worst, epoch + 1, batchInEpoch, LIMIT));
    }
}
