package ai.bigdata.core.data;

/**
 * Thrown when the JVM lacks an option that the library needs, at the library's first use of off-heap
 * memory, so that an application fails once, early and with the remedy, instead of later with an
 * {@code UnsupportedOperationException} from deep inside Apache Arrow.
 */
public final class MissingJvmOptionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option the missing JVM option, exactly as it must be passed
     * @param message what is missing, why, and how to pass it
     * @param cause the failure that revealed it
     */
    public MissingJvmOptionException(String option, String message, Throwable cause) {
        super(message, cause);
        this.option = option;
    }

    /** The missing JVM option, exactly as it must be passed (for example {@code --add-opens=java.base/java.nio=ALL-UNNAMED}). */
    public String option() {
        return option;
    }
}
