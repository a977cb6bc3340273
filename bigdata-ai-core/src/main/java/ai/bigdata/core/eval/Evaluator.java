package ai.bigdata.core.eval;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a model on a labelled dataset: streams it in batches through the model and builds a
 * {@link ClassificationReport} or {@link RegressionReport}.
 */
public final class Evaluator {
    private final Task task;
    private int batchSize = 1024;

    private Evaluator(Task task) {
        this.task = task;
    }

    /** An evaluator of classifiers. */
    public static Evaluator classification() {
        return new Evaluator(Task.CLASSIFICATION);
    }

    /** An evaluator of regressors. */
    public static Evaluator regression() {
        return new Evaluator(Task.REGRESSION);
    }

    /** Rows per batch sent through the model (default 1024). */
    public Evaluator batchSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + n);
        }
        this.batchSize = n;
        return this;
    }

    /** The report of the model's task on this data (classification or regression). */
    public static Report evaluate(Model model, Dataset data, int batchSize) {
        Task t = model.signature().task();
        if (t == Task.RECONSTRUCTION) {
            throw new IllegalArgumentException("reconstruction models have no labelled report; use predict(...) for"
                    + " reconstruction_error");
        }
        return new Evaluator(t).batchSize(batchSize).outputs(model, data);
    }

    /**
     * Evaluates {@code model} on {@code data}, which must have the model's feature columns and its label.
     *
     * @throws SchemaMismatchException when columns are missing, or the label's classes differ from the model's
     */
    public ClassificationReport evaluate(Model model, Dataset data) {
        if (task != Task.CLASSIFICATION) {
            throw new IllegalStateException("this is a regression evaluator; call evaluateRegression");
        }
        return (ClassificationReport) outputs(model, data);
    }

    /** Evaluates a regressor on {@code data}. */
    public RegressionReport evaluateRegression(Model model, Dataset data) {
        if (task != Task.REGRESSION) {
            throw new IllegalStateException("this is a classification evaluator; call evaluate");
        }
        return (RegressionReport) outputs(model, data);
    }

    private Report outputs(Model model, Dataset data) {
        ModelSignature sig = model.signature();
        if (sig.task() != task) {
            throw new IllegalArgumentException("the model does " + sig.task() + " but this evaluator is for " + task);
        }
        sig.check(data.schema());
        if (!data.schema().contains(sig.label())) {
            throw new SchemaMismatchException(List.of(sig.label()), "the data has no label column '" + sig.label() + "'");
        }
        Column label = data.schema().column(sig.label());
        if (task == Task.CLASSIFICATION && !label.categories().equals(sig.classNames())) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' has classes " + label.categories()
                    + " but the model was trained on " + sig.classNames());
        }
        List<double[]> truth = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        try (BatchIterator it = data.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label())
                .batchSize(batchSize).build()) {
            while (it.hasNext()) {
                Batch b = it.next();
                INDArray out = model.output(b.features());
                double[][] o = out.reshape(out.size(0), -1).toDoubleMatrix();
                double[][] y = b.labels().toDoubleMatrix();
                for (int i = 0; i < o.length; i++) {
                    predicted.add(o[i]);
                    truth.add(y[i]);
                }
            }
        }
        if (task == Task.CLASSIFICATION) {
            int[] cls = new int[truth.size()];
            for (int i = 0; i < cls.length; i++) {
                cls[i] = ClassificationReport.argMax(truth.get(i));
            }
            return new ClassificationReport(sig.classNames(), cls, predicted.toArray(double[][]::new));
        }
        return new RegressionReport(truth.toArray(double[][]::new), predicted.toArray(double[][]::new));
    }
}
