package ai.bigdata.core.serve;

import java.nio.file.Path;

/**
 * A bundle cannot be written or read: missing, truncated, altered, no bundle or a bundle of another kind, lacking
 * a part or a manifest field, or from a newer format. The message starts with the kind and the file
 * ({@code model bundle /models/x.bundle: truncated: ...}); {@link #file()} and {@link #reason()} give them apart.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    BundleException(String kind, Path file, String reason, Throwable cause) {
        super(kind + " bundle " + file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    BundleException(String kind, Path file, String reason) {
        this(kind, file, reason, null);
    }

    BundleException(Path file, String reason, Throwable cause) {
        this(BundleArchive.MODEL_KIND, file, reason, cause);
    }

    BundleException(Path file, String reason) {
        this(file, reason, null);
    }

    /** The file that could not be written or read. */
    public Path file() {
        return file;
    }

    /** What was wrong, without the kind and file that start the message. */
    public String reason() {
        return reason;
    }
}
