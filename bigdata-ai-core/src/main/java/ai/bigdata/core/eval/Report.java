package ai.bigdata.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** An evaluation result that renders as text ({@code toString}), JSON and one self-contained HTML page. */
public interface Report {
    /** The headline metrics by name (NaN where undefined, for example ROC-AUC with one class present). */
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
