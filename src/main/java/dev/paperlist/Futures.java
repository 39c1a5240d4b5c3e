package dev.paperlist;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Work handed to another thread and waited for, so that a failure there reaches the caller as if it had
 * happened on the caller's thread: the same exception, not one wrapped in an {@link ExecutionException}. The
 * threads are daemons, named for what they do: a run that fails never waits for them to end.
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

    /** An executor of one daemon thread with this name, for the second of two cores; shut it down when done. */
    public static ExecutorService daemonExecutor(String threadName) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs one piece of work on a new daemon thread with this name; {@link #await} its result. */
    public static <T> Future<T> onDaemonThread(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
