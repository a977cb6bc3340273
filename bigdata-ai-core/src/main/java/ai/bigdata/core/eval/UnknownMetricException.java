package ai.bigdata.core.eval;

import java.util.List;

/** A metric name that the reports do not have; the message lists the valid names. */
public final class UnknownMetricException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String metric;
    private final List<String> validNames;

    /** An error for {@code metric}, which is not among {@code validNames}. */
    public UnknownMetricException(String metric, List<String> validNames) {
        super("no metric '" + metric + "'; the metrics of these reports are " + validNames);
        this.metric = metric;
        this.validNames = List.copyOf(validNames);
    }

    /** The name asked for. */
    public String metric() {
        return metric;
    }

    /** The names that exist, in report order. */
    public List<String> validNames() {
        return validNames;
    }
}
