package ai.bigdata.core.eval;

import ai.bigdata.core.data.Batch;
import ai.bigdata.core.data.BatchIterator;
import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.ColumnType;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.internal.FloatRows;
import ai.bigdata.core.model.Model;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.SchemaMismatchException;
import ai.bigdata.core.model.Task;
import java.util.List;

/**
 * Evaluates a model on a labelled dataset, the one way to do it:
 * {@code Evaluator.classification().evaluate(model, test)} gives a {@link ClassificationReport},
 * {@code Evaluator.regression().evaluate(model, test)} a {@link RegressionReport}, and
 * {@code Evaluator.any().evaluate(model, test)} the report of whatever the model does.
 *
 * <p>It streams: the data goes through the model batch by batch ({@link #batchSize(int)}), each output
 * is read from native memory in one bulk copy, and the metrics are running counters. The only memory
 * kept per row is what exact ROC and precision-recall curves need (one float per row for two classes,
 * one per class and row for more, and for a moment one int per row to sort them);
 * {@link #withoutCurves()} keeps nothing per row, for data larger than
 * the heap.
 *
 * <p>Classes are matched by name: the data's label may list the model's classes in another order, or
 * only some of them.
 *
 * @param <R> the report type
 */
public final class Evaluator<R extends Report> {
    private final Task task;
    private final Class<R> type;
    private int batchSize = 1024;
    private boolean batchSizeSet;
    private boolean curves = true;
    private final boolean sequences;

    private Evaluator(Task task, Class<R> type) {
        this.task = task;
        this.type = type;
        this.sequences = type == SequenceReport.class;
    }

    /** An evaluator of classifiers. */
    public static Evaluator<ClassificationReport> classification() {
        return new Evaluator<>(Task.CLASSIFICATION, ClassificationReport.class);
    }

    /** An evaluator of regressors. */
    public static Evaluator<RegressionReport> regression() {
        return new Evaluator<>(Task.REGRESSION, RegressionReport.class);
    }

    /**
     * An evaluator of per-element classifiers (semantic segmentation: a model trained on a class mask
     * label, {@code Column.mask}): per-class and mean IoU, pixel accuracy and log loss, counted as the
     * batches stream by.
     */
    public static Evaluator<SegmentationReport> segmentation() {
        return new Evaluator<>(Task.SEGMENTATION, SegmentationReport.class);
    }

    /**
     * An evaluator of object detectors (a model trained on a boxes label, {@code Column.boxes}): VOC-style
     * average precision per class at IoU 0.5 and its mean (mAP@0.5), from detections decoded and matched as
     * the batches stream.
     */
    public static Evaluator<DetectionReport> detection() {
        return new Evaluator<>(Task.DETECTION, DetectionReport.class);
    }

    /**
     * An evaluator of sequence-to-sequence models (such as {@code Seq2SeqNetwork}): the label and the
     * model's output are rows of token ids, each sequence ending at its first 0; the report counts
     * sequences not predicted exactly and Levenshtein edits per reference token (for grapheme-to-phoneme:
     * word and phoneme error rates).
     */
    public static Evaluator<SequenceReport> sequence() {
        return new Evaluator<>(Task.REGRESSION, SequenceReport.class);
    }

    /**
     * An evaluator of the model's own task: a classification report for a classifier, a regression report
     * for a regressor, a segmentation report for a per-element classifier, a detection report for a detector,
     * a sequence report for a {@code Seq2SeqNetwork}.
     */
    public static Evaluator<Report> any() {
        return new Evaluator<>(null, Report.class);
    }

    /** Rows per batch sent through the model (default 1024; 32 for segmentation, whose rows are whole images of outputs). */
    public Evaluator<R> batchSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + n);
        }
        this.batchSize = n;
        this.batchSizeSet = true;
        return this;
    }

    /**
     * Keeps no scores: classification reports then have no ROC / PR curves and no {@code roc_auc} or
     * {@code pr_auc}, and an evaluation keeps nothing per row (the rest are counters).
     */
    public Evaluator<R> withoutCurves() {
        this.curves = false;
        return this;
    }

    /**
     * The report of the model's task on this data (classification or regression).
     *
     * @deprecated use {@code Evaluator.any().batchSize(batchSize).evaluate(model, data)}
     */
    @Deprecated
    public static Report evaluate(Model model, Dataset data, int batchSize) {
        return any().batchSize(batchSize).evaluate(model, data);
    }

    /**
     * Evaluates a regressor on {@code data}.
     *
     * @deprecated use {@code Evaluator.regression().evaluate(model, data)}
     */
    @Deprecated
    public RegressionReport evaluateRegression(Model model, Dataset data) {
        if (task != Task.REGRESSION) {
            throw new IllegalStateException("this is a classification evaluator; call evaluate");
        }
        return (RegressionReport) evaluate(model, data);
    }

    /**
     * Evaluates {@code model} on {@code data}, which must have the model's feature columns and its label.
     *
     * @throws SchemaMismatchException when a feature or the label is missing or retyped, or the label has
     *     a class the model does not know (named)
     * @throws IllegalArgumentException when the model's task is not this evaluator's, a reconstruction
     *     model is given (it has no labelled report; use {@code predict} for its reconstruction error),
     *     a feature is missing in a row or an output is not finite (row named), or the data is empty
     */
    public R evaluate(Model model, Dataset data) {
        Column label = checkedLabel(model, data);
        Task t = model.signature().task();
        boolean sequenceModel = sequences || (task == null && model instanceof ai.bigdata.core.model.Seq2SeqNetwork);
        Report report = sequenceModel ? new SequenceReport(sequenceTally(model, data, label))
                : t == Task.DETECTION ? DetectionEvaluation.run(model, data, label, batchSizeSet ? batchSize : 32)
                : t == Task.SEGMENTATION ? SegmentationEvaluation.run(model, data, label, batchSizeSet ? batchSize : 32)
                : t == Task.CLASSIFICATION ? new ClassificationReport(classificationTally(model, data, label))
                : new RegressionReport(regressionTally(model, data, label));
        return type.cast(report);
    }

    /**
     * The running state of this evaluation over {@code data}, one part of a larger data set (a partition):
     * {@link EvaluationPart#merge} the parts, then take the {@link EvaluationPart#report()}. A part may have no
     * rows. Classification and regression only.
     *
     * @throws SchemaMismatchException as {@link #evaluate}
     * @throws IllegalArgumentException as {@link #evaluate}, and for a segmentation or detection model
     */
    public EvaluationPart partial(Model model, Dataset data) {
        Column label = checkedLabel(model, data);
        Task t = model.signature().task();
        if (t == Task.SEGMENTATION || t == Task.DETECTION) {
            throw new IllegalArgumentException("a " + t.name().toLowerCase(java.util.Locale.ROOT)
                    + " evaluation cannot be split into parts; evaluate it whole");
        }
        if (sequences || model instanceof ai.bigdata.core.model.Seq2SeqNetwork) {
            throw new IllegalArgumentException("a sequence evaluation cannot be split into parts yet; evaluate it whole");
        }
        return t == Task.CLASSIFICATION ? new EvaluationPart(classificationTally(model, data, label))
                : new EvaluationPart(regressionTally(model, data, label));
    }

    /** Checks the model's task against this evaluator's and the data against the model; returns the label column. */
    private Column checkedLabel(Model model, Dataset data) {
        ModelSignature sig = model.signature();
        Task t = sig.task();
        if (t == Task.RECONSTRUCTION) {
            throw new IllegalArgumentException("reconstruction models have no labelled report; use predict(...) for"
                    + " reconstruction_error");
        }
        if (task != null && t != task) {
            throw new IllegalArgumentException("the model does " + t + " but this evaluator is for " + task);
        }
        sig.check(data.schema());
        if (!data.schema().contains(sig.label())) {
            throw new SchemaMismatchException(List.of(sig.label()), "the data has no label column '" + sig.label() + "'");
        }
        return data.schema().column(sig.label());
    }

    private BatchIterator batches(ModelSignature sig, Dataset data) {
        return data.batches().features(sig.featureNames().toArray(String[]::new)).label(sig.label()).batchSize(batchSize).build();
    }

    /**
     * Runs the model over every batch, reading outputs and labels in bulk and checking the outputs' width;
     * the sink counts each batch on a second thread while the model computes the next one.
     */
    private void eachBatch(Model model, Dataset data, int width, TallyThread.Sink sink) {
        long row = 0;
        try (BatchIterator it = batches(model.signature(), data); TallyThread tally = new TallyThread(sink)) {
            while (it.hasNext()) {
                Batch b = it.next();
                FloatRows out = tally.nextOutputs().read(model.output(b.features()));
                tally.nextTruth().read(b.labels());
                checkOutputs(out, b.size(), width, row);
                tally.submit(row);
                row += out.rows();
            }
            tally.finish();
        }
    }

    private ClassificationTally classificationTally(Model model, Dataset data, Column label) {
        ModelSignature sig = model.signature();
        int[] toModel = classIndices(sig, label);
        int k = sig.classNames().size();
        ClassificationTally tally = new ClassificationTally(sig.classNames(), curves, true, (int) Math.min(data.rowCount(), Integer.MAX_VALUE - 8));
        double[] p = new double[k];
        eachBatch(model, data, k, k == 2 ? (out, truth, row) -> {
            for (int r = 0; r < out.rows(); r++) {
                tally.addTwo(toModel[hot(truth, r)], out.get(r, 0), out.get(r, 1), row + r);
            }
        } : (out, truth, row) -> {
            for (int r = 0; r < out.rows(); r++) {
                for (int c = 0; c < k; c++) {
                    p[c] = out.get(r, c);
                }
                tally.add(toModel[hot(truth, r)], p, row + r);
            }
        });
        return tally;
    }

    private RegressionTally regressionTally(Model model, Dataset data, Column label) {
        ModelSignature sig = model.signature();
        if (!(label.type().isNumeric() || label.type() == ColumnType.TENSOR) || label.width() != sig.outputWidth()) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label.type() + " of width "
                    + label.width() + " but the model predicts " + sig.outputWidth() + " numeric value(s)");
        }
        RegressionTally tally = new RegressionTally(sig.outputWidth());
        eachBatch(model, data, sig.outputWidth(), (out, truth, row) -> tally.add(new RegressionTally.Block() {
            @Override
            public int rows() {
                return out.rows();
            }

            @Override
            public int outputs() {
                return out.width();
            }

            @Override
            public double truth(int r, int j) {
                return truth.get(r, j);
            }

            @Override
            public double predicted(int r, int j) {
                return out.get(r, j);
            }
        }, row));
        return tally;
    }

    private SequenceTally sequenceTally(Model model, Dataset data, Column label) {
        ModelSignature sig = model.signature();
        if (label.type() != ColumnType.TENSOR || label.width() != sig.outputWidth()) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label.type() + " of width "
                    + label.width() + " but the model predicts sequences of " + sig.outputWidth() + " token ids");
        }
        SequenceTally tally = new SequenceTally();
        eachBatch(model, data, sig.outputWidth(), tally::add);
        return tally;
    }

    /** For each of the data's label categories, the model's class of that name. */
    private static int[] classIndices(ModelSignature sig, Column label) {
        if (label.type() != ColumnType.CATEGORICAL) {
            throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' is " + label.type()
                    + " but the model classifies into " + sig.classNames());
        }
        List<String> names = label.categories();
        int[] map = new int[names.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = sig.classNames().indexOf(names.get(i));
            if (map[i] < 0) {
                throw new SchemaMismatchException(List.of(sig.label()), "label '" + sig.label() + "' has the class '" + names.get(i)
                        + "', which the model does not know; it was trained on " + sig.classNames());
            }
        }
        return map;
    }

    /** The index of the one-hot value of row r. */
    private static int hot(FloatRows labels, int r) {
        int w = labels.width();
        for (int c = 0; c < w; c++) {
            if (labels.get(r, c) != 0) {
                return c;
            }
        }
        throw new IllegalStateException("label row " + r + " of a batch is not one-hot");
    }

    private static void checkOutputs(FloatRows out, int rows, int width, long firstRow) {
        if (out.rows() != rows || out.width() != width) {
            throw new IllegalStateException("the model gave " + out.rows() + " x " + out.width() + " outputs for the " + rows
                    + " rows from row " + firstRow + "; its signature promises " + width + " per row");
        }
    }
}
