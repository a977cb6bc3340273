package ai.bigdata.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** An evaluation result that renders as text ({@code toString}), JSON and one self-contained HTML page. */
public interface Report {
    /**
     * The headline metrics by name (NaN where undefined, for example ROC-AUC with one class present).
     * Classification: {@code accuracy}, {@code precision_macro}, {@code recall_macro}, {@code f1_macro},
     * {@code precision_weighted}, {@code recall_weighted}, {@code f1_weighted}, {@code f1_micro},
     * {@code roc_auc} and {@code pr_auc} (unless evaluated {@link Evaluator#withoutCurves() without curves}),
     * {@code log_loss}, and {@code top2_accuracy} for three or more classes. Regression: {@code mse},
     * {@code rmse}, {@code mae}, {@code r2}, {@code mape}. Detection: {@code map_50}. Segmentation: {@code mean_iou},
     * {@code pixel_accuracy}, {@code log_loss}. Sequences: {@code sequence_error_rate}, {@code token_error_rate},
     * {@code sequence_accuracy}.
     */
    Map<String, Double> metrics();

    /** Everything in the report as plain maps, lists and numbers. */
    Map<String, Object> toMap();

    /** The report as JSON (undefined metrics are null). */
    default String toJson() {
        return Reports.json(toMap());
    }

    /** The report as a self-contained HTML page with inline SVG charts (no scripts, no external files). */
    String toHtml();

    /** Writes the HTML page to a file, atomically. */
    default void writeHtml(Path file) throws IOException {
        Reports.writeAtomically(file, toHtml());
    }
}
