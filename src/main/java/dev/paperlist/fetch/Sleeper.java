package dev.paperlist.fetch;

import java.time.Duration;

/** Waits for a while; the network client sleeps only through this, so tests can count the waits instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps for real. */
    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    };
}
