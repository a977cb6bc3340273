package ai.bigdata.recsys;

import ai.bigdata.core.eval.Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rating-prediction accuracy on held-out interactions.
 *
 * @param model the recommender's name
 * @param rmse root mean squared error over the scored rows
 * @param mae mean absolute error over the scored rows
 * @param scored rows scored
 * @param skipped rows left out because the user or item was unknown (under {@link UnknownPolicy#SKIP})
 * @param fallback rows scored by the fallback (under {@link UnknownPolicy#FALLBACK})
 */
public record RatingReport(String model, double rmse, double mae, long scored, long skipped, long fallback) implements Report {
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", rmse);
        m.put("mae", mae);
        return m;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("rmse", rmse);
        m.put("mae", mae);
        m.put("rowsScored", scored);
        m.put("rowsSkipped", skipped);
        m.put("rowsFallback", fallback);
        return m;
    }

    @Override
    public String toHtml() {
        return HtmlTable.page("Rating report", toMap());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: RMSE %.4f, MAE %.4f over %d rows (%d skipped, %d by fallback)", model,
                rmse, mae, scored, skipped, fallback);
    }
}
