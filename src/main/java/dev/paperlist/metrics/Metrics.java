package dev.paperlist.metrics;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of the metrics data file: repositories by {@code owner/name} and papers by arXiv id (or
 * paper id), each kept in the file's sorted order. Repository lookups ignore case, as GitHub does; the
 * key is written as the catalogue first spelt it. Immutable; {@link #withPaper} returns a copy and {@link Builder} collects many entries.
 */
public final class Metrics implements dev.paperlist.model.Figures {
    /** No data file, or an empty one. */
    public static final Metrics EMPTY = new Metrics(new TreeMap<>(), new TreeMap<>());

    /** An entry under the key it is written with. */
    public record Keyed<T>(String key, T value) {}

    private final TreeMap<String, Keyed<RepoMetrics>> repos;
    private final TreeMap<String, PaperMetrics> papers;

    private Metrics(TreeMap<String, Keyed<RepoMetrics>> repos, TreeMap<String, PaperMetrics> papers) {
        this.repos = repos;
        this.papers = papers;
    }

    /** The repository {@code owner/name}, in any case. */
    public Optional<RepoMetrics> repo(String ownerName) {
        Keyed<RepoMetrics> found = repos.get(lower(ownerName));
        return found == null ? Optional.empty() : Optional.of(found.value());
    }

    /** The paper under an arXiv id such as {@code 2103.00020}, or under its catalogue id. */
    public Optional<PaperMetrics> paper(String key) {
        return Optional.ofNullable(papers.get(key));
    }

    @Override
    public Optional<Repo> repoFigures(String ownerName) {
        return repo(ownerName).filter(m -> m.status() != RepoMetrics.Status.MISSING).map(m -> new Repo(m.stars(),
                m.gained(), Boolean.TRUE.equals(m.archived()), m.pushed(),
                m.fetched().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
    }

    @Override
    public java.util.OptionalInt citations(String key) {
        PaperMetrics p = papers.get(key);
        return p == null || p.citations() == null ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(p.citations());
    }

    /** The repositories in file order, each under the key as written. */
    public Iterable<Keyed<RepoMetrics>> repos() {
        return Collections.unmodifiableCollection(repos.values());
    }

    /** The papers in file order. */
    public Map<String, PaperMetrics> papers() {
        return Collections.unmodifiableMap(papers);
    }

    public boolean isEmpty() {
        return repos.isEmpty() && papers.isEmpty();
    }

    /** A copy with the paper's entry set. */
    public Metrics withPaper(String key, PaperMetrics value) {
        TreeMap<String, PaperMetrics> copy = new TreeMap<>(papers);
        copy.put(key, value);
        return new Metrics(repos, copy);
    }

    /** Collects many entries without a copy for each; for the reader and for a refresh. */
    public static final class Builder {
        private final TreeMap<String, Keyed<RepoMetrics>> repos;
        private final TreeMap<String, PaperMetrics> papers;

        public Builder(Metrics from) {
            repos = new TreeMap<>(from.repos);
            papers = new TreeMap<>(from.papers);
        }

        /** Whether an entry under this key, in any case, is already there. */
        public boolean hasRepo(String ownerName) {
            return repos.containsKey(lower(ownerName));
        }

        public Builder repo(String ownerName, RepoMetrics value) {
            String lower = lower(ownerName);
            Keyed<RepoMetrics> old = repos.get(lower);
            repos.put(lower, new Keyed<>(old == null ? ownerName : old.key(), value));
            return this;
        }

        public Builder paper(String key, PaperMetrics value) {
            papers.put(key, value);
            return this;
        }

        public Metrics build() {
            return new Metrics(new TreeMap<>(repos), new TreeMap<>(papers));
        }
    }

    static String lower(String ownerName) {
        return ownerName.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metrics m && m.repos.equals(repos) && m.papers.equals(papers);
    }

    @Override
    public int hashCode() {
        return repos.hashCode() * 31 + papers.hashCode();
    }
}
