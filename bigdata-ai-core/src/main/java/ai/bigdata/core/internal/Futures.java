package ai.bigdata.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work started on another thread, with its failure rethrown as it was. */
public final class Futures {
    private Futures() {
    }

    /**
     * The result of {@code f}; its task's runtime exception or error is rethrown unchanged, a checked one
     * wrapped. An interrupt while waiting is kept and reported as an {@link IllegalStateException} that
     * says it happened while {@code doing}.
     */
    public static <T> T await(Future<T> f, String doing) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("failed while " + doing + ": " + cause, cause);
        }
    }
}
