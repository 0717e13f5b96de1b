package org.strata.core;

/**
 * Progress and cancellation for long work, in the spirit of Eclipse's {@code IProgressMonitor}. A technique
 * checks {@link #isCanceled()} between units of work and stops promptly (throwing
 * {@link java.util.concurrent.CancellationException}); the engine rolls the step back.
 */
public interface ProgressMonitor {
    ProgressMonitor NULL = new ProgressMonitor() {
    };

    /** Starts a task of {@code totalWork} units (or -1 when unknown). */
    default void begin(String task, int totalWork) {
    }

    default void worked(int units) {
    }

    default void subTask(String name) {
    }

    default boolean isCanceled() {
        return false;
    }

    /** Throws {@link java.util.concurrent.CancellationException} when cancellation was asked for. */
    default void checkCanceled() {
        if (isCanceled()) throw new java.util.concurrent.CancellationException("cancelled");
    }
}
