package dev.paperlist.refresh;

import dev.paperlist.ExitCode;
import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.edit.CatalogEditor;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.fetch.ArxivEntry;
import dev.paperlist.fetch.DblpClient;
import dev.paperlist.fetch.GitHubClient;
import dev.paperlist.fetch.Pacing;
import dev.paperlist.fetch.ScholarClient;
import dev.paperlist.io.AtomicWriter;
import dev.paperlist.io.LockFile;
import dev.paperlist.io.TextFile;
import dev.paperlist.metrics.Metrics;
import dev.paperlist.metrics.MetricsFile;
import dev.paperlist.metrics.PaperMetrics;
import dev.paperlist.metrics.RepoMetrics;
import dev.paperlist.model.ArxivId;
import dev.paperlist.model.Catalog;
import dev.paperlist.model.Paper;
import dev.paperlist.model.Section;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code paperlist refresh} from start to end: picks the papers, fetches stars from GitHub and venues and
 * citations from arXiv, Semantic Scholar and DBLP, and only when every fetch is done writes the metrics
 * data file (and, with {@code apply}, the proposed venues into papers.yaml). A network failure therefore
 * leaves every file as it was; a spent rate limit keeps what was fetched and says where it stopped.
 *
 * @param progress where a progress line goes (a terminal), or {@code null} for none
 */
public record Refresher(Path catalogPath, String catalogName, Path metricsPath, String metricsName, Duration lockWait,
                        Clients clients, Supplier<Instant> clock, PrintWriter progress) {
    /** What can be refreshed; {@code --only} picks some. */
    public enum Part { STARS, VENUES, CITATIONS }

    /** DBLP is asked one title a second, so a run asks about this many papers at most; the rest wait a week. */
    public static final int MAX_DBLP_LOOKUPS = 30;
    /** arXiv's id_list takes this many ids a request. */
    static final int ARXIV_BATCH = 100;

    /** The network clients, made only when a part needs them. */
    public record Clients(Supplier<GitHubClient> github, Supplier<ArxivClient> arxiv, Supplier<ScholarClient> scholar,
                          Supplier<DblpClient> dblp) {}

    /**
     * What to refresh.
     *
     * @param section a section path; its papers and those of its subsections, or all when {@code null}
     * @param paper a paper's id, name or arXiv id, or {@code null}
     * @param parts what to fetch
     * @param apply whether to write the proposed venues into the catalogue
     */
    public record Request(String section, String paper, Set<Part> parts, boolean apply) {
        public Request {
            parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
        }
    }

    /** What to print: {@code out} on standard output, {@code notes} on standard error. */
    public record Outcome(List<String> out, List<String> notes) {}

    /**
     * A refresher of the catalogue at {@code catalogPath}, with its metrics file beside it and the services
     * and clock the environment's variables choose.
     *
     * @param display how messages name a file
     * @param tokenEnv the variable holding the GitHub token, or {@code null} for GITHUB_TOKEN
     * @param progress where progress goes, or {@code null} for nowhere
     */
    public static Refresher of(Path catalogPath, String catalogName, Function<Path, String> display,
                               Map<String, String> variables, Pacing network, String tokenEnv, Duration lockWait,
                               PrintWriter progress) {
        Path metrics = MetricsFile.besides(catalogPath);
        Supplier<Instant> clock = Services.clock(variables);
        return new Refresher(catalogPath, catalogName, metrics, display.apply(metrics), lockWait,
                Services.from(variables, network, tokenEnv, clock), clock, progress);
    }

    public Outcome refresh(Request request) {
        List<String> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TextFile firstRead = TextFile.read(catalogPath, catalogName, CatalogLoader.MAX_BYTES);
        Catalog catalog = CatalogLoader.parse(firstRead.text(), catalogName);
        List<Paper> papers = select(catalog, request);
        boolean everything = request.section() == null && request.paper() == null;
        Metrics before = MetricsFile.read(metricsPath, metricsName);
        Metrics.Builder next = new Metrics.Builder(everything ? pruned(before, catalog, request.parts()) : before);
        int fetchedRepos = 0;
        int renamed = 0;
        int missing = 0;
        String githubRequests = "";

        if (request.parts().contains(Part.STARS)) {
            Map<String, Paper> byRepo = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (Paper p : papers) {
                if (p.code() != null && seen.add(p.code().slug().toLowerCase(Locale.ROOT))) {
                    byRepo.put(p.code().slug(), p);
                }
            }
            if (!byRepo.isEmpty()) {
                Map<String, RepoMetrics> previous = new HashMap<>();
                for (String key : byRepo.keySet()) {
                    before.repo(key).ifPresent(m -> previous.put(key, m));
                }
                int total = byRepo.size();
                GitHubClient.Outcome got = clients.github().get().fetch(new ArrayList<>(byRepo.keySet()), previous,
                        done -> progress("GitHub", done, total));
                endProgress();
                for (Map.Entry<String, RepoMetrics> e : got.repos().entrySet()) {
                    next.repo(e.getKey(), e.getValue());
                    Paper p = byRepo.get(e.getKey());
                    RepoMetrics m = e.getValue();
                    if (m.status() == RepoMetrics.Status.RENAMED) {
                        renamed++;
                        out.add(catalogName + ":" + p.position() + ": '" + p.name() + "': repository " + e.getKey()
                                + " is now " + m.renamedTo() + " (update 'code')");
                    } else if (m.status() == RepoMetrics.Status.MISSING) {
                        missing++;
                        out.add(catalogName + ":" + p.position() + ": '" + p.name() + "': repository " + e.getKey()
                                + " no longer exists on GitHub");
                    }
                }
                fetchedRepos = got.repos().size();
                githubRequests = "; " + got.requests() + " GitHub request" + (got.requests() == 1 ? "" : "s")
                        + (got.conditional() > 0 ? " (" + got.conditional() + " conditional, " + got.notModified()
                        + " not modified)" : "");
                if (got.stopped() != null) {
                    notes.add("paperlist refresh: stopped fetching repositories after " + fetchedRepos + " of " + total
                            + ": " + got.stopped() + "; the data file keeps what was fetched, run again later for the rest");
                }
            }
        }

        Map<Paper, Proposal> proposals = new IdentityHashMap<>();
        int citationsFetched = 0;
        if (request.parts().contains(Part.VENUES) || request.parts().contains(Part.CITATIONS)) {
            citationsFetched = papersPart(request.parts(), papers, before, next, proposals);
        }
        List<Paper> proposed = new ArrayList<>();
        for (Paper p : papers) {
            if (proposals.containsKey(p)) {
                proposed.add(p);
                Proposal v = proposals.get(p);
                out.add(catalogName + ":" + p.position() + ": '" + p.name() + "': venue '" + v.venue + "' (from "
                        + PaperMetrics.sourceName(v.source) + ")" + (request.apply() ? "" : "; --apply writes it"));
            }
        }

        Metrics result = next.build();
        boolean wrote;
        int applied = 0;
        if (request.apply() && !proposed.isEmpty()) {
            try (LockFile lock = LockFile.acquire(catalogPath, catalogName, lockWait)) {
                TextFile file = TextFile.read(catalogPath, catalogName, CatalogLoader.MAX_BYTES);
                if (!file.text().equals(firstRead.text())) {
                    throw new PaperlistException(ExitCode.IO, catalogName + " changed while refreshing; nothing was "
                            + "written, run 'paperlist refresh' again");
                }
                Edited edited = edit(file.text(), proposed, proposals, notes);
                wrote = MetricsFile.save(metricsPath, metricsName, result);
                if (edited.count > 0) {
                    AtomicWriter.write(catalogPath, TextFile.encode(edited.text, file.bom()), catalogName);
                }
                applied = edited.count;
            }
        } else {
            wrote = MetricsFile.save(metricsPath, metricsName, result);
        }
        StringBuilder summary = new StringBuilder(metricsName).append(wrote ? ": written" : ": unchanged");
        if (request.parts().contains(Part.STARS)) {
            summary.append("; ").append(fetchedRepos).append(" repositor").append(fetchedRepos == 1 ? "y" : "ies")
                    .append(" fetched (").append(renamed).append(" renamed, ").append(missing).append(" missing)");
        }
        if (request.parts().contains(Part.CITATIONS)) {
            summary.append("; ").append(citationsFetched).append(" citation count").append(citationsFetched == 1 ? "" : "s");
        }
        if (request.parts().contains(Part.VENUES)) {
            summary.append("; ").append(proposed.size()).append(" venue").append(proposed.size() == 1 ? "" : "s")
                    .append(" proposed");
            if (request.apply()) {
                summary.append(", ").append(applied).append(" written to ").append(catalogName);
            }
        }
        out.add(summary.append(githubRequests).toString());
        return new Outcome(out, notes);
    }

    private record Proposal(String venue, String source) {}

    // Venues and citation counts, from arXiv, then Semantic Scholar, then DBLP; returns how many counts came.
    private int papersPart(Set<Part> parts, List<Paper> papers, Metrics before, Metrics.Builder next,
                           Map<Paper, Proposal> proposals) {
        boolean venues = parts.contains(Part.VENUES);
        boolean citations = parts.contains(Part.CITATIONS);
        Map<ArxivId, Paper> byId = new LinkedHashMap<>();
        for (Paper p : papers) {
            p.arxivId().ifPresent(id -> byId.putIfAbsent(id, p));
        }
        List<ArxivId> preprints = new ArrayList<>();
        for (Map.Entry<ArxivId, Paper> e : byId.entrySet()) {
            if (e.getValue().venue() == null) {
                preprints.add(e.getKey());
            }
        }
        Map<ArxivId, Proposal> found = new HashMap<>();
        if (venues && !preprints.isEmpty()) {
            ArxivClient arxiv = clients.arxiv().get();
            for (int from = 0; from < preprints.size(); from += ARXIV_BATCH) {
                Map<ArxivId, ArxivEntry> entries = arxiv.fetchFound(preprints.subList(from,
                        Math.min(preprints.size(), from + ARXIV_BATCH)));
                for (ArxivEntry entry : entries.values()) {
                    entry.venueHint().ifPresent(v -> found.put(entry.id(), new Proposal(v, "arxiv")));
                }
                progress("arXiv", Math.min(preprints.size(), from + ARXIV_BATCH), preprints.size());
            }
            endProgress();
        }
        List<ArxivId> askScholar = new ArrayList<>();
        for (ArxivId id : byId.keySet()) {
            if (citations || (byId.get(id).venue() == null && !found.containsKey(id))) {
                askScholar.add(id);
            }
        }
        Map<ArxivId, ScholarClient.Found> scholar = askScholar.isEmpty() ? Map.of()
                : clients.scholar().get().fetch(askScholar);
        if (venues) {
            for (ArxivId id : preprints) {
                ScholarClient.Found s = scholar.get(id);
                if (!found.containsKey(id) && s != null && s.venue() != null) {
                    found.put(id, new Proposal(s.venue(), "semantic_scholar"));
                }
            }
            List<ArxivId> askDblp = new ArrayList<>();
            for (ArxivId id : preprints) {
                if (!found.containsKey(id) && askDblp.size() < MAX_DBLP_LOOKUPS) {
                    askDblp.add(id);
                }
            }
            if (!askDblp.isEmpty()) {
                DblpClient dblp = clients.dblp().get();
                int done = 0;
                for (ArxivId id : askDblp) {
                    dblp.venue(byId.get(id).title()).ifPresent(v -> found.put(id, new Proposal(v, "dblp")));
                    progress("DBLP", ++done, askDblp.size());
                }
                endProgress();
            }
        }
        Set<ArxivId> asked = new HashSet<>(askScholar);
        if (venues) {
            asked.addAll(preprints);
        }
        Instant now = clock.get();
        int counts = 0;
        for (Map.Entry<ArxivId, Paper> e : byId.entrySet()) {
            String key = e.getKey().id();
            Optional<PaperMetrics> old = before.paper(key);
            ScholarClient.Found s = scholar.get(e.getKey());
            Integer count = citations && s != null ? s.citations() : old.map(PaperMetrics::citations).orElse(null);
            Integer countBefore = citations ? old.map(PaperMetrics::citations).orElse(null)
                    : old.map(PaperMetrics::citationsBefore).orElse(null);
            if (citations && s != null && s.citations() != null) {
                counts++;
            }
            Proposal proposal = venues ? found.get(e.getKey()) : null;
            String venue = venues ? (proposal == null ? null : proposal.venue)
                    : old.map(PaperMetrics::venue).orElse(null);
            String source = venues ? (proposal == null ? null : proposal.source)
                    : old.map(PaperMetrics::venueSource).orElse(null);
            if (e.getValue().venue() != null) {
                venue = null;
                source = null;
            }
            if (!asked.contains(e.getKey())) {
                continue;
            }
            next.paper(key, new PaperMetrics(count, countBefore, venue, source, now));
            if (proposal != null && venue != null) {
                proposals.put(e.getValue(), proposal);
            }
        }
        return counts;
    }

    private record Edited(String text, int count) {}

    // The catalogue with the venues written in, each edit checked by the editor; a paper the editor
    // cannot take (written on one line) is a note, not a failure.
    private Edited edit(String text, List<Paper> proposed, Map<Paper, Proposal> proposals, List<String> notes) {
        Catalog catalog = CatalogLoader.parse(text, catalogName);
        int count = 0;
        for (Paper wanted : proposed) {
            Paper p = find(catalog, wanted);
            Proposal v = proposals.get(wanted);
            try {
                CatalogEditor.Result r = CatalogEditor.setVenue(text, catalogName, catalog, p, v.venue,
                        "venue from " + PaperMetrics.sourceName(v.source));
                text = r.text();
                catalog = r.catalog();
                count++;
            } catch (PaperlistException e) {
                if (e.exitCode() != ExitCode.INVALID_INPUT) {
                    throw e;
                }
                notes.add(e.getMessage());
            }
        }
        return new Edited(text, count);
    }

    // The same paper in a catalogue read again: the n-th distinct paper, as the text is unchanged but for venues.
    private static Paper find(Catalog catalog, Paper wanted) {
        for (Paper p : catalog.distinctPapers()) {
            if (p.name().equals(wanted.name()) && p.title().equals(wanted.title())
                    && java.util.Objects.equals(p.url(), wanted.url()) && p.venue() == null) {
                return p;
            }
        }
        throw new PaperlistException(ExitCode.INTERNAL, "'" + wanted.name() + "' is missing from the catalogue read again");
    }

    // ---- choosing papers ----

    private List<Paper> select(Catalog catalog, Request request) {
        List<Paper> papers;
        if (request.section() != null) {
            CatalogEditor.Target target = CatalogEditor.resolve(catalog, request.section(), false);
            Section section = CatalogEditor.section(catalog, target);
            papers = new Catalog(catalog.settings(), List.of(section)).distinctPapers();
        } else {
            papers = catalog.distinctPapers();
        }
        if (request.paper() == null) {
            return papers;
        }
        String wanted = request.paper().strip();
        Optional<ArxivId> arxiv = ArxivId.parse(wanted);
        List<Paper> out = new ArrayList<>();
        for (Paper p : papers) {
            if (wanted.equals(p.id()) || wanted.equalsIgnoreCase(p.name())
                    || (arxiv.isPresent() && p.arxivId().equals(arxiv))) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new PaperlistException(ExitCode.USAGE, "paperlist refresh: no paper '" + wanted + "'"
                    + (request.section() == null ? "" : " in '" + request.section() + "'")
                    + " (give its id, name or arXiv id)");
        }
        return out;
    }

    // A whole refresh drops entries of repositories and papers the catalogue no longer has.
    private static Metrics pruned(Metrics before, Catalog catalog, Set<Part> parts) {
        Set<String> repos = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Paper p : catalog.distinctPapers()) {
            if (p.code() != null) {
                repos.add(p.code().slug().toLowerCase(Locale.ROOT));
            }
            p.arxivId().ifPresent(id -> ids.add(id.id()));
            if (p.id() != null) {
                ids.add(p.id());
            }
        }
        Metrics.Builder kept = new Metrics.Builder(Metrics.EMPTY);
        for (Metrics.Keyed<RepoMetrics> r : before.repos()) {
            if (!parts.contains(Part.STARS) || repos.contains(r.key().toLowerCase(Locale.ROOT))) {
                kept.repo(r.key(), r.value());
            }
        }
        boolean paperParts = parts.contains(Part.VENUES) && parts.contains(Part.CITATIONS);
        for (Map.Entry<String, PaperMetrics> e : before.papers().entrySet()) {
            if (!paperParts || ids.contains(e.getKey())) {
                kept.paper(e.getKey(), e.getValue());
            }
        }
        return kept.build();
    }

    // ---- progress ----

    private void progress(String what, int done, int total) {
        if (progress != null) {
            progress.print("\rrefresh: " + what + " " + done + "/" + total + "   ");
            progress.flush();
        }
    }

    private void endProgress() {
        if (progress != null) {
            progress.print("\r\033[K");
            progress.flush();
        }
    }
}
