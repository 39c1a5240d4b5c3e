package dev.paperlist.links;

import dev.paperlist.metrics.Metrics;
import dev.paperlist.metrics.MetricsFile;
import dev.paperlist.metrics.RepoMetrics;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository statuses of the data file {@code refresh} writes beside the catalogue, read by the
 * same reader the renderer uses ({@link MetricsFile}), so the two never disagree on what the file says.
 */
public final class MetricsRepositories implements RepositoryStatuses {
    private final Metrics metrics;

    private MetricsRepositories(Metrics metrics) {
        this.metrics = metrics;
    }

    /** The statuses in {@code file}; none when there is no such file. */
    public static RepositoryStatuses read(Path file, String displayName) {
        Metrics metrics = MetricsFile.read(file, displayName);
        return metrics.isEmpty() ? NONE : new MetricsRepositories(metrics);
    }

    @Override
    public Optional<Status> status(String ownerAndName) {
        return metrics.repo(ownerAndName).map(r -> new Status(state(r.status()), r.renamedTo(), r.fetched()));
    }

    private static State state(RepoMetrics.Status status) {
        return switch (status) {
            case OK -> State.OK;
            case RENAMED -> State.RENAMED;
            case MISSING -> State.MISSING;
        };
    }
}
