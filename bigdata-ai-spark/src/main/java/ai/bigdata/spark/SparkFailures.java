package ai.bigdata.spark;

/** Spark job failures made plain: the library's own typed error is found among the causes and thrown. */
final class SparkFailures {
    private SparkFailures() {
    }

    /**
     * Throws the first {@link ColumnMismatchException} or core {@code InvalidRowException} among the
     * causes of {@code failure} (a task's error that Spark wrapped) as a {@link ColumnMismatchException},
     * or the first core {@code PreprocessingException} as it is (it names the column and the step);
     * else {@code failure} itself when unchecked, or wrapped in an {@link IllegalStateException}.
     */
    static RuntimeException rethrow(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ColumnMismatchException e) {
                throw new ColumnMismatchException(e.column(), e.getMessage(), failure);
            }
            if (t instanceof ai.bigdata.core.prep.PreprocessingException e) {
                throw e;
            }
            if (t instanceof ai.bigdata.core.serve.InvalidRowException e) {
                throw new ColumnMismatchException(e.column(), e.getMessage(), failure);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException("the Spark job failed: " + failure.getMessage(), failure);
    }
}
