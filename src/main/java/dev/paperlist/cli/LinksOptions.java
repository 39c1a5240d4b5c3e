package dev.paperlist.cli;

import dev.paperlist.links.LinksOperation;
import dev.paperlist.links.LinksRequest;
import dev.paperlist.links.LinksRequest.Format;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code paperlist links}, mixed into {@link LinksCommand}; they become a {@link LinksRequest}. */
final class LinksOptions extends CatalogOption {
    @Option(names = "--readme", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Also check the links of this README outside the generated block (alone: the "
                    + "catalogue's outputs, or README.md).")
    String readme;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or github (workflow annotations); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--strict", description = "Exit 1 on moved links too.")
    boolean strict;

    @Option(names = "--max-age", paramLabel = "AGE", defaultValue = "7d", converter = AgeConverter.class,
            description = "Trust a link found alive or moved this long (30m, 12h, 7d; 0 re-checks all); default: ${DEFAULT-VALUE}.")
    Duration maxAge;

    @Option(names = "--max-age-broken", paramLabel = "AGE", defaultValue = "1d", converter = AgeConverter.class,
            description = "Trust a link found broken this long; default: ${DEFAULT-VALUE}.")
    Duration maxAgeBroken;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "The cache of results (default: " + LinksOperation.DEFAULT_CACHE + " beside the catalogue).")
    String cache;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "Repository statuses from 'refresh' (default: NAME.metrics.yaml beside the catalogue NAME.yaml).")
    String metrics;

    @Option(names = "--timeout", paramLabel = "AGE", converter = AgeConverter.class,
            description = "How long one request may take (default: 10s).")
    Duration timeout;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "2",
            description = "Requests at once to one host, 1 to 4; default: ${DEFAULT-VALUE}.")
    int perHost;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "16",
            description = "Requests at once in all, 1 to 64; default: ${DEFAULT-VALUE}.")
    int parallel;

    LinksRequest request() {
        return new LinksRequest(catalog, readme, format, strict, maxAge, maxAgeBroken, cache, noCache, metrics,
                timeout, perHost, parallel);
    }
}
