package dev.paperlist.links;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs with at most {@code perHost} at once for any one host and {@code global} at once in all.
 * A job waits in its host's queue, not in a worker: a slow host holds its own slots and nobody else's,
 * so the workers stay busy with the other hosts. The worker pool has exactly {@code global} threads.
 */
final class HostScheduler implements AutoCloseable {
    private final int global;
    private final int perHost;
    private final ExecutorService workers;
    private final Map<String, ArrayDeque<Runnable>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private int runningTotal;

    HostScheduler(int global, int perHost) {
        if (global < 1 || perHost < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.global = global;
        this.perHost = perHost;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(global, r -> {
            Thread t = new Thread(r, "paperlist-links-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a job for {@code host}; it runs when the host and the whole have a free slot. */
    void submit(String host, Runnable job) {
        synchronized (this) {
            waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(job);
        }
        pump();
    }

    private void pump() {
        record Start(String host, Runnable job) {}
        List<Start> starts = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<String, ArrayDeque<Runnable>>> hosts = waiting.entrySet().iterator();
            while (runningTotal < global && hosts.hasNext()) {
                Map.Entry<String, ArrayDeque<Runnable>> host = hosts.next();
                int busy = running.getOrDefault(host.getKey(), 0);
                while (busy < perHost && runningTotal < global && !host.getValue().isEmpty()) {
                    starts.add(new Start(host.getKey(), host.getValue().poll()));
                    busy++;
                    runningTotal++;
                }
                running.put(host.getKey(), busy);
                if (host.getValue().isEmpty()) {
                    hosts.remove();
                }
            }
        }
        for (Start s : starts) {
            workers.execute(() -> {
                try {
                    s.job().run();
                } finally {
                    finished(s.host());
                }
            });
        }
    }

    private void finished(String host) {
        synchronized (this) {
            runningTotal--;
            int busy = running.get(host) - 1;
            if (busy == 0) {
                running.remove(host);
            } else {
                running.put(host, busy);
            }
        }
        pump();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
