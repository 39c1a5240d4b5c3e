package dev.paperlist.links;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import dev.paperlist.catalog.yaml.SourceIndex;
import dev.paperlist.fetch.ArxivClient;
import dev.paperlist.io.TextFile;
import dev.paperlist.metrics.Metrics;
import dev.paperlist.metrics.MetricsFile;
import dev.paperlist.model.Catalog;
import dev.paperlist.sync.ReadmeSync;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code paperlist links} from files to report: loads the catalogue and its YAML tree, collects the links
 * of the catalogue and of the READMEs asked for, reads the repository statuses and the cache, checks,
 * and writes the cache back. It never writes the catalogue or a README.
 *
 * @param cache the cache file, or {@code null} for none
 * @param readmes the READMEs whose links outside the generated block are checked too
 */
public record LinksRun(Path catalog, String catalogName, List<NamedFile> readmes, NamedFile cache,
                       NamedFile metrics, LinkChecker.Settings settings, Supplier<ArxivClient> arxiv, Clock clock) {
    /** A file and the name messages give it. */
    public record NamedFile(Path path, String name) {}

    public LinksRun {
        readmes = List.copyOf(readmes);
    }

    /** Runs the check; {@code notes} receives one-line remarks for standard error. */
    public LinkReport run(Consumer<String> notes) {
        String text = TextFile.read(catalog, catalogName, CatalogLoader.MAX_BYTES).text();
        Catalog loaded = CatalogLoader.parse(text, catalogName);
        LinkSources sources = new LinkSources();
        sources.addCatalogue(loaded, SourceIndex.of(text, catalogName), catalogName);
        text = null;
        for (NamedFile readme : readmes) {
            sources.addReadme(TextFile.read(readme.path(), readme.name(), ReadmeSync.MAX_README_BYTES).text(),
                    readme.name());
        }
        Metrics repositories = MetricsFile.read(metrics.path(), metrics.name());
        LinkCache linkCache = cache == null ? LinkCache.empty() : LinkCache.read(cache.path());
        LinkReport report = new LinkChecker(settings, clock, repositories, metrics.name(), arxiv)
                .check(sources.found(), linkCache);
        report.notes().forEach(notes);
        if (cache != null) {
            try {
                linkCache.write(cache.path(), cache.name());
            } catch (PaperlistException e) {
                // The cache only saves time; the report stands without it.
                notes.accept(e.getMessage() + " (the link cache was not saved)");
            }
        }
        return report;
    }
}
