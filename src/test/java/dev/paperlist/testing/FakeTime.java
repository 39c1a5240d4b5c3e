package dev.paperlist.testing;

import dev.paperlist.fetch.Pacing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the code under test sleeps, so waits are counted instead of waited. */
public final class FakeTime {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    public Pacing pacing(Duration timeout) {
        return new Pacing(nanos::get, d -> {
            synchronized (sleeps) {
                sleeps.add(d);
            }
            nanos.addAndGet(d.toNanos());
        }, timeout);
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }
}
