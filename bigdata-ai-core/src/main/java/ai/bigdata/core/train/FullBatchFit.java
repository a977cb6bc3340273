package ai.bigdata.core.train;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.internal.Lbfgs;
import ai.bigdata.core.internal.LogisticObjective;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Trains logistic regression with full-batch L-BFGS ({@link Optimizer#lbfgs()}): the training rows are
 * gathered once into a float64 matrix, scikit-learn's objective with {@code C = 1 / (l2 * rows)} is
 * minimised, and the solution is written into the network's softmax output layer. Deterministic (no
 * sampling, no shuffling): the same data give the same weights.
 */
final class FullBatchFit {
    private FullBatchFit() {
    }

    /** Rows x features at most (one Java array of doubles). */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8L;
    /** Feature values per gathered batch: each batch passes through the heap once more as doubles, so it stays small. */
    static final int GATHER_VALUES = 1 << 23;

    static TrainingHistory fit(Network model, ModelSignature sig, Dataset train, Dataset validation, Optimizer optimizer,
            List<TrainingListener> listeners, BiFunction<Network, Dataset, Map<String, Double>> validationMetrics) {
        if (!(model instanceof NeuralNetwork net) || !"logistic-regression".equals(model.kind()) || sig.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("Optimizer.lbfgs() trains logistic regression (NeuralNetwork.logisticRegression() on a"
                    + " categorical label); this is a " + model.kind() + " for " + sig.task());
        }
        long start = System.nanoTime();
        int classes = sig.classNames().size();
        int width = sig.featureWidth();
        long rows = train.rowCount();
        if (rows * (long) width > MAX_VALUES) {
            throw new IllegalArgumentException("L-BFGS holds the whole training set in memory: " + rows + " rows x " + width
                    + " features is more than " + MAX_VALUES + " values; use a mini-batch optimiser (Optimizer.adam) for data this large");
        }
        double[] x = new double[(int) (rows * width)];
        int[] y = new int[(int) rows];
        int filled = 0;
        try (BatchIterator it = train.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label())
                .batchSize(gatherRows(width)).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                double[] block = model.input(b.features()).castTo(DataType.DOUBLE).dup('c').data().asDouble();
                System.arraycopy(block, 0, x, filled * width, b.size() * width);
                long[] hot = Nd4j.argMax(b.labels(), 1).castTo(DataType.LONG).data().asLong();
                for (int i = 0; i < b.size(); i++) {
                    y[filled + i] = (int) hot[i];
                }
                filled += b.size();
            }
        }
        MultiLayerNetwork dl4j = net.network();
        double l2 = l2Of(dl4j);
        double c = l2 > 0 ? 1 / (l2 * rows) : Double.POSITIVE_INFINITY;
        LogisticObjective f = new LogisticObjective(x, width, y, classes, c);
        x = null; // a large objective holds its own copy in ND4J memory: let the garbage collector take this one
        Lbfgs.Result r = new Lbfgs(10, optimizer.maxIterations(), optimizer.tolerance()).minimise(f, new double[f.parameterCount()]);
        double[][] soft = f.softmaxParameters(r.x());
        dl4j.setParam("0_W", Nd4j.create(soft[0], new long[] {width, classes}, 'c').castTo(dl4j.params().dataType()));
        dl4j.setParam("0_b", Nd4j.create(soft[1], new long[] {1, classes}, 'c').castTo(dl4j.params().dataType()));
        double loss = Double.isInfinite(c) ? r.value() / rows : r.value() / (c * rows);
        List<String> warnings = new ArrayList<>();
        if (!r.converged()) {
            warnings.add("L-BFGS stopped at its limit of " + optimizer.maxIterations() + " iterations before the gradient fell to "
                    + optimizer.tolerance() + "; raise the limit (Optimizer.lbfgs(maxIterations, tolerance)) or scale the features");
        }
        Map<String, Double> metrics = validation == null ? Map.of() : validationMetrics.apply(model, validation);
        EpochRecord record = new EpochRecord(1, loss, metrics, 0, (System.nanoTime() - start) / 1e9);
        TrainingHistory history = new TrainingHistory(List.of(record), 1, false, warnings);
        for (TrainingListener l : listeners) {
            warnings.forEach(l::onWarning);
            l.onEpoch(record, 1);
            l.onEnd(history);
        }
        return history;
    }

    /** Rows per gathered batch: at most 8192 and at most {@link #GATHER_VALUES} values (64 MB of doubles), at least one. */
    static int gatherRows(int width) {
        return Math.max(1, Math.min(8192, GATHER_VALUES / Math.max(1, width)));
    }

    /** The L2 coefficient of the network's output layer (0 without one). */
    private static double l2Of(MultiLayerNetwork net) {
        if (!(net.getLayerWiseConfigurations().getConf(0).getLayer() instanceof BaseLayer layer) || layer.getRegularization() == null) {
            return 0;
        }
        for (Regularization reg : layer.getRegularization()) {
            if (reg instanceof L2Regularization l2) {
                return l2.getL2().valueAt(0, 0);
            }
        }
        return 0;
    }
}
