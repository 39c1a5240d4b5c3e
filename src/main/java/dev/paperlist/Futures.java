package dev.paperlist;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for work handed to another thread, so that a failure there reaches the caller as if it had
 * happened on the caller's thread: the same exception, not one wrapped in an {@link ExecutionException}.
 */
public final class Futures {
    private Futures() {}

    /**
     * The future's value; its failure rethrown as it was thrown.
     *
     * @param doing what the wait is for, as in "interrupted while {@code doing}"
     */
    public static <T> T await(Future<T> future, String doing) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
