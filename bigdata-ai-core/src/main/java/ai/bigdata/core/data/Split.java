package ai.bigdata.core.data;

/** The train, validation and test parts of a dataset: disjoint, and together every row. Closing closes all three. */
public final class Split implements AutoCloseable {
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;

    Split(Dataset train, Dataset validation, Dataset test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** The training part. */
    public Dataset train() {
        return train;
    }

    /** The validation part (empty when no validation fraction was given). */
    public Dataset validation() {
        return validation;
    }

    /** The test part (empty when no test fraction was given). */
    public Dataset test() {
        return test;
    }

    @Override
    public void close() {
        train.close();
        validation.close();
        test.close();
    }

    @Override
    public String toString() {
        return "Split[train=" + train.rowCount() + ", validation=" + validation.rowCount() + ", test=" + test.rowCount() + "]";
    }
}
