package ai.bigdata.core.train;

import java.util.Set;

/**
 * Stops training when a validation metric has not improved for {@code patience} epochs, and by
 * default restores the parameters of the best epoch. Metrics named like a loss or an error (loss,
 * log_loss, mse, rmse, mae, mape, and every name ending in {@code error_rate} or {@code _error}, such as a
 * sequence model's {@code sequence_error_rate} and {@code token_error_rate}) are minimised, every other
 * metric (accuracy, f1_macro, roc_auc, r2, ...) is maximised.
 */
public final class EarlyStopping {
    private static final Set<String> MINIMISED = Set.of("loss", "log_loss", "mse", "rmse", "mae", "mape");

    private final int patience;
    private final String metric;
    private final double minDelta;
    private final boolean restoreBest;

    private EarlyStopping(int patience, String metric, double minDelta, boolean restoreBest) {
        this.patience = patience;
        this.metric = metric;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
    }

    /** Stops after {@code epochs} epochs without improvement of the validation loss. */
    public static EarlyStopping patience(int epochs) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("patience must be positive, got " + epochs);
        }
        return new EarlyStopping(epochs, "loss", 0, true);
    }

    /** Watches this validation metric instead of the loss. */
    public EarlyStopping monitor(String validationMetric) {
        return new EarlyStopping(patience, java.util.Objects.requireNonNull(validationMetric, "metric"), minDelta, restoreBest);
    }

    /** The smallest change that counts as an improvement (default 0). */
    public EarlyStopping minDelta(double delta) {
        if (!(delta >= 0)) {
            throw new IllegalArgumentException("minDelta must be >= 0, got " + delta);
        }
        return new EarlyStopping(patience, metric, delta, restoreBest);
    }

    /** Whether to restore the best epoch's parameters at the end (default true). */
    public EarlyStopping restoreBest(boolean restore) {
        return new EarlyStopping(patience, metric, minDelta, restore);
    }

    /** Epochs without improvement before stopping. */
    public int patience() {
        return patience;
    }

    /** The watched validation metric. */
    public String metric() {
        return metric;
    }

    /** Whether the best parameters are restored. */
    public boolean restoresBest() {
        return restoreBest;
    }

    /** Whether smaller values of the metric are better. */
    public boolean minimises() {
        return MINIMISED.contains(metric) || metric.endsWith("error_rate") || metric.endsWith("_error");
    }

    /** Whether {@code value} improves on {@code best} by more than the minimum delta. */
    boolean improves(double value, double best) {
        if (Double.isNaN(best)) {
            return true;
        }
        return minimises() ? value < best - minDelta : value > best + minDelta;
    }

    @Override
    public String toString() {
        return "early stopping on validation " + metric + ", patience " + patience + (restoreBest ? ", restore best" : "");
    }
}
