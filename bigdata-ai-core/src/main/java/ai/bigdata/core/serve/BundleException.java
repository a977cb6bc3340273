package ai.bigdata.core.serve;

import java.nio.file.Path;

/** A model bundle cannot be written or read: missing, truncated, altered, or from a newer format. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BundleException(Path file, String message, Throwable cause) {
        super("model bundle " + file + ": " + message, cause);
    }

    BundleException(Path file, String message) {
        this(file, message, null);
    }
}
