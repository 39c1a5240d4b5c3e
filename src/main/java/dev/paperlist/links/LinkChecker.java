package dev.paperlist.links;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.metrics.Metrics;
import dev.paperlist.metrics.RepoMetrics;
import dev.paperlist.model.ArxivId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Checks every link found once: from the cache when its result is still fresh, from the repository
 * statuses a refresh stored for github.com repositories, through the arXiv and doi.org APIs for their
 * ids, and over HTTP for the rest, all at once within the per-host and global limits. Then it updates
 * the cache. When not one host answered, the network is taken to be down: the run fails with exit 4 and
 * nothing is recorded.
 */
public final class LinkChecker {
    /**
     * How to check.
     *
     * @param maxAge how long a link found alive or moved is trusted
     * @param maxAgeBroken how long a link found broken is trusted
     * @param parallel requests at once in all
     * @param perHost requests at once to one host
     * @param timeout how long one request may take
     * @param doiApi the doi.org handle API's root
     */
    public record Settings(Duration maxAge, Duration maxAgeBroken, int parallel, int perHost, Duration timeout,
                           URI doiApi) {}

    private final Settings settings;
    private final Clock clock;
    private final Metrics repositories;
    private final String repositoriesFile;
    private final Supplier<ArxivClient> arxiv;

    /**
     * @param repositoriesFile the metrics file's name, which reports about repositories cite
     * @param arxiv makes the arXiv client, only when an arXiv id is due
     */
    public LinkChecker(Settings settings, Clock clock, Metrics repositories, String repositoriesFile,
                       Supplier<ArxivClient> arxiv) {
        this.settings = settings;
        this.clock = clock;
        this.repositories = repositories;
        this.repositoriesFile = repositoriesFile;
        this.arxiv = arxiv;
    }

    /** Checks every target, reading fresh results from {@code cache} and recording new ones in it. */
    public LinkReport check(List<LinkSources.Found> found, LinkCache cache) {
        Instant now = clock.instant();
        Map<String, LinkResult> results = new LinkedHashMap<>();
        Set<String> cached = new HashSet<>();
        Map<String, CompletableFuture<LinkResult>> pending = new LinkedHashMap<>();
        Map<ArxivId, String> arxivDue = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int requestsBefore;
        boolean answered;
        try (HttpChecker http = new HttpChecker(settings.parallel(), settings.perHost(), settings.timeout(), clock)) {
            for (LinkSources.Found f : found) {
                LinkTarget t = f.target();
                if (t.malformed() != null) {
                    results.put(t.key(), LinkResult.broken(t.malformed(), now));
                    continue;
                }
                Optional<LinkResult> local = fromRepositories(t, now);
                if (local.isPresent()) {
                    results.put(t.key(), local.get());
                    continue;
                }
                Optional<LinkResult> fresh = cache.fresh(t.key(), now, settings.maxAge(), settings.maxAgeBroken());
                if (fresh.isPresent()) {
                    results.put(t.key(), fresh.get());
                    cached.add(t.key());
                    continue;
                }
                switch (t.kind()) {
                    case HTTP -> pending.put(t.key(), http.check(t.url()));
                    case DOI -> pending.put(t.key(), http.doi(settings.doiApi(), t.url()));
                    case ARXIV -> arxivDue.put(new ArxivId(t.url()), t.key());
                }
            }
            ArxivChecker arxivChecker = null;
            if (!arxivDue.isEmpty()) {
                // The HTTP checks run on their own workers meanwhile; the arXiv API is paced on this thread.
                arxivChecker = new ArxivChecker(arxiv.get(), clock);
                arxivChecker.check(new ArrayList<>(arxivDue.keySet())).forEach((id, r) -> results.put(arxivDue.get(id), r));
                if (arxivChecker.failure() != null) {
                    notes.add(arxivChecker.failure() + "; arXiv ids not checked this time");
                }
            }
            for (Map.Entry<String, CompletableFuture<LinkResult>> p : pending.entrySet()) {
                results.put(p.getKey(), p.getValue().join());
            }
            requestsBefore = http.requests() + (arxivChecker == null ? 0 : 1);
            answered = http.anyAnswer() || arxivChecker != null && arxivChecker.answered();
        }
        int checkedNow = pending.size() + arxivDue.size();
        if (requestsBefore > 0 && !answered) {
            throw new PaperlistException(ExitCode.NETWORK, "paperlist links: no host answered any of "
                    + checkedNow + (checkedNow == 1 ? " link" : " links") + " (no network?); nothing was recorded");
        }
        for (String key : pending.keySet()) {
            cache.put(key, results.get(key));
        }
        arxivDue.values().forEach(key -> cache.put(key, results.get(key)));
        Set<String> keys = new HashSet<>();
        found.forEach(f -> keys.add(f.target().key()));
        cache.retainOnly(keys);

        List<LinkReport.Entry> entries = new ArrayList<>();
        for (LinkSources.Found f : found) {
            entries.add(new LinkReport.Entry(f, results.get(f.target().key())));
        }
        return new LinkReport(entries, checkedNow, cached.size(), notes);
    }

    private Optional<LinkResult> fromRepositories(LinkTarget t, Instant now) {
        if (t.repo() == null) {
            return Optional.empty();
        }
        Optional<RepoMetrics> status = repositories.repo(t.repo());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        RepoMetrics s = status.get();
        String source = " (" + repositoriesFile + ", fetched " + s.fetched() + ")";
        return switch (s.status()) {
            case MISSING -> Optional.of(LinkResult.broken("GitHub repository " + t.repo() + " does not exist"
                    + source, s.fetched()));
            case RENAMED -> Optional.of(LinkResult.moved("https://github.com/" + s.renamedTo() + t.repoRest(),
                    s.fetched()));
            // A path inside a repository that exists may still be gone; it is requested.
            case OK -> t.repoRest().isEmpty() ? Optional.of(LinkResult.alive(s.fetched())) : Optional.empty();
        };
    }
}
