package dev.paperlist.fetch;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How a network client keeps time: a monotonic clock in nanoseconds, a way to wait, and how long one
 * request may take. {@link #REAL} is the system's; tests pass a fake clock that the fake sleeper advances.
 */
public record Pacing(LongSupplier nanoTime, Sleeper sleeper, Duration timeout) {
    /** The default time a request may take before it is given up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static final Pacing REAL = new Pacing(System::nanoTime, Sleeper.REAL, DEFAULT_TIMEOUT);
}
