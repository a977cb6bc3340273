package ai.bigdata.core.io;

import ai.bigdata.core.data.Dataset;

/** A dataset together with the report of how it was read. Closing it closes the dataset. */
public final class ReadResult implements AutoCloseable {
    private final Dataset dataset;
    private final ReadReport report;

    /** Pairs a dataset with its report. */
    public ReadResult(Dataset dataset, ReadReport report) {
        this.dataset = dataset;
        this.report = report;
    }

    /** The dataset (owned by this result until closed). */
    public Dataset dataset() {
        return dataset;
    }

    /** The report. */
    public ReadReport report() {
        return report;
    }

    @Override
    public void close() {
        dataset.close();
    }
}
